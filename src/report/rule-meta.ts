// What a renderer may know about a rule beyond its findings: the words and links a reader sees. A report
// carries them in `rules[]`, so a saved report renders alike without the rule files.
import type { Category, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";

export interface RuleMeta {
  id: string;
  title: string;
  reason: string;
  category: Category;
  severity: Severity;
  helpUri?: string;
  fix?: string;
}

/** The report's own rule descriptions, with any given ones (a loaded rule file satisfies RuleMeta) on top. */
export function ruleMetaOf(report: Report, given: readonly RuleMeta[] = []): Map<string, RuleMeta> {
  const byId = new Map<string, RuleMeta>();
  for (const r of report.rules) {
    byId.set(r.rule, {
      id: r.rule,
      title: r.title,
      reason: r.why,
      category: r.category,
      severity: r.severity,
      ...(r.helpUri ? { helpUri: r.helpUri } : {}),
      ...(r.fix ? { fix: r.fix } : {}),
    });
  }
  for (const meta of given) byId.set(meta.id, { ...byId.get(meta.id), ...meta });
  return byId;
}
