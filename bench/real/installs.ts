// Installability on the corpus (pure): per repo, each spec the resolve stage judged (resolves, fails and
// why, or not assessed), beside the undeclared imports FawltyDeps' floor leaves unnamed; then the totals.
import type { FactRecord } from "../../src/model/facts.js";
import type { FloorEntry } from "./fawlty-floor.js";

export interface SpecOutcome {
  file: string;
  python: string;
  status: "resolved" | "unresolvable" | "not-assessed";
  /** Why it fails or was not judged: the cause in a user's words, else the resolver's reason. */
  why: string | null;
  /** The reason's class: a failure's resolution class, or why it was not judged. */
  reason: string | null;
}

/** Why a spec or a repo was not judged, in a few words to count by. */
export function notAssessedClass(reason: string): string {
  if (/^uv resolves only for Python/.test(reason)) return "Python before 3.6";
  if (/building from source|--no-build|source distribution/i.test(reason)) return "needs a build";
  if (/did not answer|error sending request|dns error|timed out/i.test(reason)) return "no index";
  if (/^no resolver/.test(reason)) return "no resolver";
  if (/not asked for|--stages|was skipped|was not/i.test(reason)) return "stage not run";
  return "other";
}

export interface InstallRow {
  name: string;
  /** The specs judged, or why the resolve stage judged none (no resolver, no index, not run). */
  specs: SpecOutcome[] | { notAssessed: string };
  /** FawltyDeps' undeclared imports no finding names (null: FawltyDeps did not run). */
  fawlty: FloorEntry[] | null;
}

/** The spec-resolution records as outcomes. */
export function specOutcomes(records: readonly FactRecord[]): SpecOutcome[] {
  return records
    .filter((r) => r.kind === "resolution")
    .map((r) => {
      const status = r.status === "resolved" || r.status === "unresolvable" ? r.status : "not-assessed";
      const why = status === "resolved" ? null : String(r.cause ?? r.reason ?? "no reason given");
      const reason =
        status === "resolved"
          ? null
          : status === "unresolvable"
            ? String(r.resolutionClass ?? "unresolvable")
            : notAssessedClass(String(r.reason ?? ""));
      return { file: String(r.file), python: String(r.python), status, why, reason };
    });
}

export interface InstallTotals {
  repos: number;
  /** Repos with at least one spec judged. */
  judged: number;
  specs: { resolved: number; unresolvable: number; notAssessed: number };
  /** Repos with a spec that cannot install. */
  reposFailing: number;
  /** FawltyDeps undeclared imports unnamed by the audit: with a reason, and misses. */
  fawlty: { explained: number; missed: number };
  /** Failing specs by resolution class; specs (or whole repos) not assessed by why. */
  failuresBy: Record<string, number>;
  notAssessedBy: Record<string, number>;
}

export function installTotals(rows: readonly InstallRow[]): InstallTotals {
  const totals: InstallTotals = {
    repos: rows.length,
    judged: 0,
    specs: { resolved: 0, unresolvable: 0, notAssessed: 0 },
    reposFailing: 0,
    fawlty: { explained: 0, missed: 0 },
    failuresBy: {},
    notAssessedBy: {},
  };
  const count = (into: Record<string, number>, key: string) => (into[key] = (into[key] ?? 0) + 1);
  for (const row of rows) {
    if (!Array.isArray(row.specs)) count(totals.notAssessedBy, `${notAssessedClass(row.specs.notAssessed)} (repo)`);
    if (Array.isArray(row.specs) && row.specs.length > 0) totals.judged += 1;
    const specs = Array.isArray(row.specs) ? row.specs : [];
    for (const s of specs) {
      if (s.status === "resolved") totals.specs.resolved += 1;
      else if (s.status === "unresolvable") {
        totals.specs.unresolvable += 1;
        count(totals.failuresBy, s.reason ?? "unresolvable");
      } else {
        totals.specs.notAssessed += 1;
        count(totals.notAssessedBy, s.reason ?? "other");
      }
    }
    if (specs.some((s) => s.status === "unresolvable")) totals.reposFailing += 1;
    for (const f of row.fawlty ?? []) f.reason ? (totals.fawlty.explained += 1) : (totals.fawlty.missed += 1);
  }
  return totals;
}

/** One block per repo, then the totals. */
export function renderInstalls(rows: readonly InstallRow[]): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(row.name);
    if (!Array.isArray(row.specs)) lines.push(`  specs: not assessed (${row.specs.notAssessed})`);
    else if (row.specs.length === 0) lines.push("  specs: none a resolver can judge");
    for (const s of Array.isArray(row.specs) ? row.specs : []) {
      lines.push(
        `  ${s.status === "resolved" ? "resolves" : s.status === "unresolvable" ? "FAILS   " : "unjudged"} ${s.file} (Python ${s.python})${s.reason ? ` [${s.reason}]` : ""}${s.why ? `: ${s.why}` : ""}`,
      );
    }
    if (row.fawlty === null) lines.push("  FawltyDeps: not run");
    else if (row.fawlty.length === 0)
      lines.push("  FawltyDeps: every undeclared import it reports is named by the audit");
    for (const f of row.fawlty ?? [])
      lines.push(
        `  FawltyDeps undeclared ${f.name} (${f.distribution})${f.at ? ` at ${f.at}` : ""}: ${f.reason ?? "MISSED by the audit"}`,
      );
  }
  const t = installTotals(rows);
  lines.push(
    "",
    `totals: ${t.repos} repos, ${t.judged} with specs judged; specs ${t.specs.resolved} resolve, ${t.specs.unresolvable} fail, ${t.specs.notAssessed} not assessed; ${t.reposFailing} repos have a spec that cannot install`,
    `failures by reason: ${byText(t.failuresBy)}; not assessed by reason: ${byText(t.notAssessedBy)}`,
    `FawltyDeps floor: ${t.fawlty.explained} unnamed imports explained, ${t.fawlty.missed} missed`,
  );
  return lines.join("\n");
}

const byText = (counts: Record<string, number>) =>
  Object.keys(counts).length === 0
    ? "none"
    : Object.entries(counts)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([k, n]) => `${k} ${n}`)
        .join(", ");
