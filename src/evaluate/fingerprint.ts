// A finding's identity across runs (pure): what names the problem, never where its lines happen to be today.
import { createHash } from "node:crypto";
import type { Finding } from "../model/finding.js";

const PLACE_FIELDS = new Set(["line", "cell", "cellLine", "column", "count"]);

/** Grouped rules: the rule and its group fields' values. Others: the rule, the file and every value but the
 * place (line, cell, count), so moving a line does not make a known finding new. */
export function fingerprintOf(finding: Pick<Finding, "rule" | "file" | "values">, group?: readonly string[]): string {
  const identity = group
    ? [finding.rule, group.map((field) => finding.values[field] ?? null)]
    : [
        finding.rule,
        finding.file,
        Object.entries(finding.values)
          .filter(([key]) => !PLACE_FIELDS.has(key))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ];
  return createHash("sha256").update(JSON.stringify(identity)).digest("hex").slice(0, 20);
}
