// One entry point for every report format: pick the renderer, pass it the options it reads.
import type { Report } from "../model/report.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./md.js";
import type { RuleMeta } from "./rule-meta.js";
import { renderSarif } from "./sarif.js";
import { renderText } from "./text.js";
import { printableDeep } from "../model/printable.js";

export const FORMATS = ["text", "json", "md", "sarif"] as const;
export type ReportFormat = (typeof FORMATS)[number];

export interface RenderOptions {
  /** text: ANSI colour (default true; the CLI passes false for NO_COLOR or no TTY). */
  color?: boolean;
  /** md and sarif: titles, reasons and help links of the rules that were judged. */
  rules?: readonly RuleMeta[];
  /** md: findings listed before the table is cut (default 100). */
  maxFindings?: number;
  /** sarif: where findings about the whole repository are anchored (default README.md). */
  repoAnchor?: string;
}

export function render(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case "text":
      // Formats read by people get every string escaped once here; JSON formats escape as they serialise.
      return renderText(printableDeep(report), { color: options.color });
    case "json":
      return renderJson(report);
    case "md":
      return renderMarkdown(printableDeep(report), {
        rules: options.rules ? printableDeep(options.rules) : undefined,
        maxFindings: options.maxFindings,
      });
    case "sarif":
      return renderSarif(report, { rules: options.rules, repoAnchor: options.repoAnchor });
  }
}

export type { RuleMeta } from "./rule-meta.js";
export type { TextOptions } from "./text.js";
export type { MarkdownOptions } from "./md.js";
export type { SarifOptions } from "./sarif.js";
