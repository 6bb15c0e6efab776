// From one repo's audit, FawltyDeps' time and the labels to the figures the bench prints and saves. Pure.
import type { GrepHit } from "./grep-floor.js";
import type { FloorEntry } from "./fawlty-floor.js";
import { agreement, matchDefects, matchReadLabels, type Agreement, type BenchFinding } from "./match.js";
import { DEFECT_KINDS, type DefectKind, type FindingLabel, type DefectLabel, type RepoLabels } from "./labels.js";
import { median, ratio, spearman } from "./stats.js";

export const GOALS = {
  precision: 0.9,
  recall: 0.9,
  medianFindings: 40,
  timeRatio: 1,
  spearman: 0.8,
} as const;

export interface RepoFigures {
  name: string;
  commit: string | null;
  seconds: number;
  staticSeconds: number | null;
  fawltydeps: { seconds: number; undeclared: number | null; error?: string } | null;
  total: number | null;
  categories: Record<string, number | null>;
  findings: number;
  /** Occurrences behind the findings (sum of locations where findings group them). */
  occurrences: number;
  bySeverity: Record<"error" | "warning" | "info", number>;
  byRule: Record<string, { findings: number; occurrences: number }>;
  /** Quoted machine paths a grep for home and cluster roots finds that no machine-path finding covers. */
  grepFloor?: { hits: number; uncovered: GrepHit[] };
  /** Undeclared imports FawltyDeps reports that no finding names, each with the audit's reason or none (a miss). */
  fawltyFloor?: { reported: number; unnamed: FloorEntry[] };
  labels: null | {
    commit: string;
    reviewer: number;
    read: number;
    correct: number;
    precision: number | null;
    stale: Array<Pick<FindingLabel, "rule" | "file" | "line" | "cell" | "cellLine" | "verdict">>;
    wrong: Array<Pick<FindingLabel, "rule" | "file" | "line" | "cell" | "cellLine" | "why">>;
    /** Error and warning findings of today no label reads. */
    unread: Array<{ rule: string; file: string | null; line: number | null }>;
    defects: Agreement["defects"];
    missed: Array<Pick<DefectLabel, "kind" | "file" | "line" | "cell" | "cellLine" | "what">>;
  };
}

export interface AuditInput {
  name: string;
  seconds: number;
  staticSeconds: number | null;
  commit: string | null;
  total: number | null;
  categories: Record<string, number | null>;
  findings: readonly BenchFinding[];
}

const occurrencesOf = (f: BenchFinding) => Math.max(1, f.locations?.length ?? 1);
const placeOf = <T extends { file: string | null; line?: number | null; cell?: number; cellLine?: number }>(p: T) => ({
  file: p.file,
  ...(p.line != null ? { line: p.line } : {}),
  ...(p.cell !== undefined ? { cell: p.cell, cellLine: p.cellLine } : {}),
});

export function repoFigures(
  run: AuditInput,
  fawlty: RepoFigures["fawltydeps"],
  labels: RepoLabels | undefined,
): RepoFigures {
  const byRule: RepoFigures["byRule"] = {};
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const f of run.findings) {
    const slot = (byRule[f.rule] ??= { findings: 0, occurrences: 0 });
    slot.findings++;
    slot.occurrences += occurrencesOf(f);
    bySeverity[f.severity]++;
  }
  let labelFigures: RepoFigures["labels"] = null;
  if (labels) {
    const a = agreement(
      matchReadLabels(labels.findings, run.findings),
      matchDefects(labels.defects, run.findings),
      run.findings,
    );
    labelFigures = {
      commit: labels.commit,
      reviewer: labels.review.total,
      read: a.read,
      correct: a.correct,
      precision: ratio(a.correct, a.read),
      stale: a.stale.map((l) => ({ rule: l.rule, ...placeOf(l), verdict: l.verdict })),
      wrong: a.wrong.map((l) => ({ rule: l.rule, ...placeOf(l), why: l.why })),
      unread: a.unread.map((f) => ({ rule: f.rule, file: f.file ?? null, line: f.line ?? null })),
      defects: a.defects,
      missed: a.missed.map((d) => ({ kind: d.kind, ...placeOf(d), what: d.what })),
    };
  }
  return {
    name: run.name,
    commit: run.commit,
    seconds: run.seconds,
    staticSeconds: run.staticSeconds,
    fawltydeps: fawlty,
    total: run.total,
    categories: run.categories,
    findings: run.findings.length,
    occurrences: run.findings.reduce((s, f) => s + occurrencesOf(f), 0),
    bySeverity,
    byRule,
    labels: labelFigures,
  };
}

export interface Summary {
  repos: number;
  labelled: number;
  medianFindings: number | null;
  /** Repos whose labelled precision reaches the goal, of those with read labels that still match. */
  precisionAtGoal: { repos: number; of: number };
  /** Pooled over every labelled repo. */
  precision: number | null;
  recall: number | null;
  recallByKind: Record<DefectKind, { labelled: number; found: number; recall: number | null }>;
  stale: number;
  timeRatioMedian: number | null;
  /** The static stage alone (the report's own timing, start-up and rule loading left out) over FawltyDeps' time. */
  staticRatioMedian: number | null;
  /** Repos audited no slower than FawltyDeps, of those it timed. */
  timeAtGoal: { repos: number; of: number };
  spearman: number | null;
}

export function summarize(repos: readonly RepoFigures[]): Summary {
  const labelled = repos.filter((r) => r.labels !== null);
  const byKind = Object.fromEntries(
    DEFECT_KINDS.map((k) => [k, { labelled: 0, found: 0, recall: null as number | null }]),
  ) as Summary["recallByKind"];
  for (const r of labelled) {
    for (const k of DEFECT_KINDS) {
      byKind[k].labelled += r.labels!.defects[k].labelled;
      byKind[k].found += r.labels!.defects[k].found;
    }
  }
  for (const k of DEFECT_KINDS) byKind[k].recall = ratio(byKind[k].found, byKind[k].labelled);
  const found = DEFECT_KINDS.reduce((s, k) => s + byKind[k].found, 0);
  const all = DEFECT_KINDS.reduce((s, k) => s + byKind[k].labelled, 0);
  const withReads = labelled.filter((r) => r.labels!.read > 0);
  const timed = repos.filter((r) => r.fawltydeps && !r.fawltydeps.error && r.fawltydeps.seconds > 0);
  const ratios = timed.map((r) => r.seconds / r.fawltydeps!.seconds);
  const scored = labelled.filter((r) => r.total !== null);
  return {
    repos: repos.length,
    labelled: labelled.length,
    medianFindings: median(repos.map((r) => r.findings)),
    precisionAtGoal: {
      repos: withReads.filter((r) => (r.labels!.precision ?? 0) >= GOALS.precision).length,
      of: withReads.length,
    },
    precision: ratio(
      labelled.reduce((s, r) => s + r.labels!.correct, 0),
      labelled.reduce((s, r) => s + r.labels!.read, 0),
    ),
    recall: ratio(found, all),
    recallByKind: byKind,
    stale: labelled.reduce((s, r) => s + r.labels!.stale.length, 0),
    timeRatioMedian: median(ratios),
    staticRatioMedian: median(
      timed.filter((r) => r.staticSeconds !== null).map((r) => r.staticSeconds! / r.fawltydeps!.seconds),
    ),
    timeAtGoal: { repos: ratios.filter((x) => x <= GOALS.timeRatio).length, of: ratios.length },
    spearman: spearman(
      scored.map((r) => r.total!),
      scored.map((r) => r.labels!.reviewer),
    ),
  };
}
