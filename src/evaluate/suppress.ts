// Inline suppressions (`# repro-audit: ignore[rule-id] reason`) as the `suppressions` family records them,
// indexed by the line they quiet (pure). Whether they are honoured is the caller's decision: the audited
// repo's own comments count only when the user trusts the repo.
import type { FactRecord, Facts } from "../model/facts.js";
import type { InlineSuppression } from "../model/report.js";

const SUPPRESSIONS_FAMILY = "suppressions";

export interface SuppressionIndex {
  /** The suppression that quiets `rule` at this place, if any. */
  find(rule: string, file: string, line: number): InlineSuppression | undefined;
  all: InlineSuppression[];
}

function toSuppression(record: FactRecord): InlineSuppression | null {
  if (typeof record.file !== "string" || typeof record.line !== "number" || typeof record.target !== "number")
    return null;
  const rules = String(record.rules ?? "")
    .split(",")
    .map((r) => r.trim())
    .filter(Boolean);
  return {
    file: record.file,
    line: record.line,
    target: record.target,
    ...(typeof record.cell === "number" ? { cell: record.cell } : {}),
    rules,
    reason: typeof record.reason === "string" ? record.reason : "",
    matched: 0,
    honoured: false,
  };
}

export function indexSuppressions(facts: Facts): SuppressionIndex {
  const all = (facts.families[SUPPRESSIONS_FAMILY] ?? [])
    .map(toSuppression)
    .filter((s): s is InlineSuppression => s !== null);
  const byPlace = new Map<string, InlineSuppression[]>();
  for (const s of all) {
    const key = `${s.file}\0${s.target}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), s]);
  }
  return {
    all,
    find: (rule, file, line) => byPlace.get(`${file}\0${line}`)?.find((s) => s.rules.includes(rule)),
  };
}
