// What a renderer may know about a rule beyond its findings: the words and links a reader sees.
import type { Category, Severity } from "../model/finding.js";

/** The pipeline passes these (a loaded rule file satisfies it structurally); SARIF and Markdown use them. */
export interface RuleMeta {
  id: string;
  title: string;
  reason: string;
  category: Category;
  severity: Severity;
  helpUri?: string;
}
