// First-look rounds: a blind reviewer's labels of the audit's error and warning findings on repos the rules were
// never tuned on, turned into the figures that gate a rule's severity (precision per rule, per repo, per round;
// Spearman of the totals; blocking findings judged). Pure but for `readRound`/`allRoundsByRule`, which read a rounds folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { median, ratio, spearman } from "./stats.js";
import { belowGate, FIRST_LOOK_GATE, type FirstLook } from "../../src/evaluate/first-look-gate.js";
import { gradeOf, GRADES, type Grade } from "../../src/evaluate/finding-trust.js";

export const BLIND_LABELS = ["CORRECT", "WRONG", "DEBATABLE", "SNAPSHOT"] as const;
export type BlindLabel = (typeof BLIND_LABELS)[number];

export interface BlindRow {
  i: number;
  rule: string;
  /** "info": a note the first-look gate held back (its finding's `heldBack`), judged for the gate's figures only. */
  severity?: "error" | "warning" | "info";
  file?: string | null;
  line?: number | null;
  label: BlindLabel;
  why?: string;
}

/** One repo as the blind reviewer handed it back (labels.json of a round). */
export interface BlindRepo {
  my_score: number;
  tool_score?: number;
  blockers?: string;
  skipped?: number;
  rows: BlindRow[];
  misses?: string[];
}

/** The parts of the audit's JSON report the figures need. */
export interface RoundReport {
  score: { total: number | null; areas?: Record<string, { blockedBy?: string[] }> };
  findings: Array<{
    rule: string;
    severity: "error" | "warning" | "info";
    plan?: "on" | "off" | "unknown";
    evidence?: "conclusive" | "unconfirmed";
    heldBack?: { severity: "error" | "warning" | "info"; blocks?: boolean };
  }>;
}

export interface Tally {
  correct: number;
  wrong: number;
  debatable: number;
  snapshot: number;
}

export interface RepoRound extends Tally {
  name: string;
  reviewer: number;
  tool: number | null;
  errorsAndWarnings: number;
  /** Findings of a rule that capped an area, as labelled. */
  blocking: Tally;
  precision: number | null;
  strict: number | null;
}

export interface RoundFigures {
  repos: RepoRound[];
  total: Tally;
  precision: number | null;
  strict: number | null;
  medianErrorsAndWarnings: number | null;
  spearman: number | null;
  blocking: Tally;
  byRule: Record<string, RuleTally>;
  /** Notes the gate held back that the readers judged: in `byRule` (the gate's figures), not in the precision. */
  heldJudged: number;
}

/** A rule's labels, whole and split by the finding's plan grade and evidence as its report stored them. */
export type RuleTally = Tally & { precision: number | null; byGrade: Partial<Record<Grade, Tally>> };

/** The goals a round is held to. */
export const ROUND_GOALS = {
  precision: 0.8,
  strict: 0.95,
  medianErrorsAndWarnings: 20,
  spearman: 0.8,
  rulePrecision: FIRST_LOOK_GATE.precision,
  ruleMinFindings: FIRST_LOOK_GATE.minJudged,
} as const;

const emptyTally = (): Tally => ({ correct: 0, wrong: 0, debatable: 0, snapshot: 0 });

function count(t: Tally, label: BlindLabel): void {
  if (label === "CORRECT") t.correct++;
  else if (label === "WRONG") t.wrong++;
  else if (label === "DEBATABLE") t.debatable++;
  else t.snapshot++;
}

function add(into: Tally, t: Tally): void {
  into.correct += t.correct;
  into.wrong += t.wrong;
  into.debatable += t.debatable;
  into.snapshot += t.snapshot;
}

/** C / (C + W + D): what a reviewer signs among findings that are about the repo (snapshot artefacts left out). */
export const precisionOf = (t: Tally) => ratio(t.correct, t.correct + t.wrong + t.debatable);
/** C / (C + W): correct against wrong, judgement calls left out. */
export const strictOf = (t: Tally) => ratio(t.correct, t.correct + t.wrong);

function blockingRules(report: RoundReport): Set<string> {
  return new Set(Object.values(report.score.areas ?? {}).flatMap((a) => a.blockedBy ?? []));
}

/** Graded by a rerun plan, only a conclusive finding on it may block: the others of a blocking rule do not. */
function mayBlock(finding: RoundReport["findings"][number]): boolean {
  return (finding.plan === undefined || finding.plan === "on") && finding.evidence !== "unconfirmed";
}

export function repoRound(name: string, blind: BlindRepo, report: RoundReport): RepoRound {
  const tally = emptyTally();
  const blocking = emptyTally();
  const blockers = blockingRules(report);
  for (const row of blind.rows) {
    const finding = report.findings[row.i];
    if (!finding || finding.rule !== row.rule)
      throw new Error(
        `${name}: row ${row.i} names ${row.rule}, the report's finding ${row.i} is ${finding?.rule ?? "absent"}`,
      );
    // A note is judged for its rule's figures only: the round's precision is that of what it asked readers to heed.
    if (finding.severity === "info") continue;
    count(tally, row.label);
    if (blockers.has(row.rule) && mayBlock(finding)) count(blocking, row.label);
  }
  return {
    name,
    ...tally,
    reviewer: blind.my_score,
    tool: report.score.total,
    errorsAndWarnings: report.findings.filter((f) => f.severity !== "info").length,
    blocking,
    precision: precisionOf(tally),
    strict: strictOf(tally),
  };
}

export function roundFigures(labels: Record<string, BlindRepo>, reports: Record<string, RoundReport>): RoundFigures {
  const names = Object.keys(labels).sort();
  const repos = names.map((n) => {
    const report = reports[n];
    if (!report) throw new Error(`${n}: labelled, but the round holds no report of it`);
    return repoRound(n, labels[n]!, report);
  });
  const total = emptyTally();
  const blocking = emptyTally();
  const byRule: RoundFigures["byRule"] = {};
  for (const r of repos) {
    add(total, r);
    add(blocking, r.blocking);
  }
  let heldJudged = 0;
  for (const n of names) {
    for (const row of labels[n]!.rows) {
      const finding = reports[n]!.findings[row.i]!;
      // A note speaks for the gate only where the gate made it one: it is the way a held rule earns its way back.
      if (finding.severity === "info" && !finding.heldBack) continue;
      if (finding.severity === "info") heldJudged++;
      const slot = (byRule[row.rule] ??= { ...emptyTally(), precision: null, byGrade: {} });
      count(slot, row.label);
      const grade = gradeOf(finding.plan, finding.evidence);
      if (grade) count((slot.byGrade[grade] ??= emptyTally()), row.label);
    }
  }
  for (const slot of Object.values(byRule)) slot.precision = precisionOf(slot);
  const scored = repos.filter((r) => r.tool !== null);
  return {
    repos,
    total,
    precision: precisionOf(total),
    strict: strictOf(total),
    medianErrorsAndWarnings: median(repos.map((r) => r.errorsAndWarnings)),
    spearman: spearman(
      scored.map((r) => r.tool!),
      scored.map((r) => r.reviewer),
    ),
    blocking,
    byRule,
    heldJudged,
  };
}

/** A rule's tally as its file records it: the labels, whole and by grade, without snapshot artefacts. */
export function firstLookOf(t: RuleTally, corpus: string): FirstLook {
  const judged = (x: Tally) => ({ correct: x.correct, wrong: x.wrong, debatable: x.debatable });
  const byGrade: NonNullable<FirstLook["byGrade"]> = {};
  for (const g of GRADES) {
    const x = t.byGrade[g];
    if (x && x.correct + x.wrong + x.debatable > 0) byGrade[g] = judged(x);
  }
  return { ...judged(t), corpus, ...(Object.keys(byGrade).length ? { byGrade } : {}) };
}

/** Rules whose first-look precision is under the goal over enough findings: they may not emit errors or block. */
export function rulesBelowGate(byRule: RoundFigures["byRule"]): string[] {
  return Object.entries(byRule)
    .filter(([, t]) => belowGate(firstLookOf(t, "")))
    .map(([rule]) => rule)
    .sort();
}

/** A rule file's text with its `firstLook:` block replaced by these figures (appended when it has none). Line-based,
 * so the rest of the file keeps its own layout and comments. */
export function withFirstLook(yamlText: string, f: FirstLook): string {
  const lines = yamlText.replace(/\n+$/, "").split("\n");
  const start = lines.findIndex((l) => /^firstLook:/.test(l));
  if (start >= 0) {
    let end = start + 1;
    while (end < lines.length && /^\s+\S|^\s*$/.test(lines[end]!)) end++;
    lines.splice(start, end - start);
  }
  const grades = GRADES.filter((g) => f.byGrade?.[g]);
  const block = [
    "firstLook:",
    `  correct: ${f.correct}`,
    `  wrong: ${f.wrong}`,
    `  debatable: ${f.debatable}`,
    `  corpus: ${JSON.stringify(f.corpus)}`,
    ...(grades.length ? ["  byGrade:"] : []),
    ...grades.map((g) => {
      const t = f.byGrade![g]!;
      return `    ${g}: { correct: ${t.correct}, wrong: ${t.wrong}, debatable: ${t.debatable} }`;
    }),
  ];
  return [...lines, ...block].join("\n") + "\n";
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** One round's folder: the reviewers' labels*.json and the reports they read (reports/<owner>+<name>.json). */
export function readRound(folder: string): { labels: Record<string, BlindRepo>; reports: Record<string, RoundReport> } {
  const labels: Record<string, BlindRepo> = {};
  for (const f of readdirSync(folder)
    .filter((n) => /^labels.*\.json$/.test(n))
    .sort())
    Object.assign(labels, readJson<Record<string, BlindRepo>>(join(folder, f)));
  const reports: Record<string, RoundReport> = {};
  for (const f of readdirSync(join(folder, "reports")).filter((n) => n.endsWith(".json")))
    reports[f.replace(/\.json$/, "")] = readJson<RoundReport>(join(folder, "reports", f));
  return { labels, reports };
}

/** Rules' tallies over several rounds, whole and by grade. */
export function mergeByRule(parts: ReadonlyArray<RoundFigures["byRule"]>): RoundFigures["byRule"] {
  const byRule: RoundFigures["byRule"] = {};
  for (const part of parts) {
    for (const [rule, t] of Object.entries(part)) {
      const slot = (byRule[rule] ??= { ...emptyTally(), precision: null, byGrade: {} });
      add(slot, t);
      for (const g of GRADES) if (t.byGrade[g]) add((slot.byGrade[g] ??= emptyTally()), t.byGrade[g]);
    }
  }
  for (const slot of Object.values(byRule)) slot.precision = precisionOf(slot);
  return byRule;
}

/** Every round in a rounds folder, and each rule's tally over all of them (every round is a first look of its repos). */
export function allRoundsByRule(folder: string): {
  rounds: Array<{ name: string; figures: RoundFigures }>;
  byRule: RoundFigures["byRule"];
  corpus: string;
} {
  const names = readdirSync(folder)
    .filter((n) => existsSync(join(folder, n, "reports")))
    // round-10 after round-9: the last round is the one whose first look counts.
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const rounds = names.map((name) => {
    const { labels, reports } = readRound(join(folder, name));
    return { name, figures: roundFigures(labels, reports) };
  });
  const byRule = mergeByRule(rounds.map((r) => r.figures.byRule));
  const corpus = `bench/real/rounds: ${rounds.map((r) => `${r.name} (${r.figures.repos.length} repos)`).join(", ")}`;
  return { rounds, byRule, corpus };
}
