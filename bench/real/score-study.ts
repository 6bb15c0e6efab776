// Why the totals rank repos unlike the blind readers (pure): per repo the reader's score beside the tool's total,
// its areas and caps, and each deduction with the labels of its findings; per area what the readers call blocking
// against what the total took there; per rule what its deductions cost and how often the reader weighed that area.
// Pure but for `readStudyRound`, which reads a round's folder.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AREA_OF, AREA_POINTS } from "../../src/evaluate/score.js";
import type { Category, RuleResult } from "../../src/model/finding.js";
import { AREAS, type Area } from "../../src/model/report.js";
import type { BlindLabel, BlindRepo } from "./rounds.js";

/** A defect as the first reader wrote it, before any report existed (first-look.json). */
export interface FirstLookDefect {
  area: string;
  file?: string | null;
  line?: number | null;
  serious: "blocks" | "time" | "cosmetic" | string;
  what: string;
}

export interface FirstLookRepo {
  my_score: number;
  blockers?: string;
  defects?: FirstLookDefect[];
}

/** The parts of a stored report the study reads. */
export interface StudyReport {
  score: {
    total: number | null;
    areas: Record<string, { points: number | null; of: number; lost: number; blockedBy: string[] }>;
    losses: Array<{ rule: string; area: string; effect: string; weight: number; findings: number; lost: number }>;
  };
  findings: Array<{
    rule: string;
    severity: "error" | "warning" | "info";
    file?: string | null;
    plan?: "on" | "off" | "unknown";
    evidence?: "conclusive" | "unconfirmed";
  }>;
  rules: RuleResult[];
}

export type LabelTally = Record<BlindLabel, number>;

export interface StudyLoss {
  rule: string;
  area: Area;
  effect: string;
  findings: number;
  lost: number;
  /** The blind labels of its error and warning findings; its notes (info) are not labelled. */
  labels: LabelTally;
  notes: number;
}

export interface StudyArea {
  points: number | null;
  of: number;
  blockedBy: string[];
  /** The first reader's defects in this area's categories, by how serious. */
  readerBlocks: number;
  readerTime: number;
}

export interface RepoStudy {
  name: string;
  reviewer: number;
  tool: number | null;
  areas: Record<Area, StudyArea>;
  losses: StudyLoss[];
}

const emptyLabels = (): LabelTally => ({ CORRECT: 0, WRONG: 0, DEBATABLE: 0, SNAPSHOT: 0 });
const areaOf = (category: string): Area | undefined => AREA_OF[category as Category];

export function repoStudy(
  name: string,
  first: FirstLookRepo | undefined,
  blind: BlindRepo,
  report: StudyReport,
): RepoStudy {
  const defects = first?.defects ?? [];
  const areas = {} as Record<Area, StudyArea>;
  for (const area of AREAS) {
    const a = report.score.areas[area];
    const mine = defects.filter((d) => areaOf(d.area) === area);
    areas[area] = {
      points: a?.points ?? null,
      of: a?.of ?? AREA_POINTS[area],
      blockedBy: a?.blockedBy ?? [],
      readerBlocks: mine.filter((d) => d.serious === "blocks").length,
      readerTime: mine.filter((d) => d.serious === "time").length,
    };
  }
  const losses = report.score.losses.map((l) => {
    const labels = emptyLabels();
    for (const row of blind.rows) if (row.rule === l.rule) labels[row.label]++;
    const notes = report.findings.filter((f) => f.rule === l.rule && f.severity === "info").length;
    return { rule: l.rule, area: l.area as Area, effect: l.effect, findings: l.findings, lost: l.lost, labels, notes };
  });
  return { name, reviewer: first?.my_score ?? blind.my_score, tool: report.score.total, areas, losses };
}

export interface AreaSummary {
  /** Repos whose reader called something in the area blocking. */
  readerBlocked: number;
  /** Of those, the repos where the total also capped the area or took at least two thirds of its points. */
  met: number;
  /** Repos the total capped in the area although the reader called nothing there blocking. */
  cappedUnweighed: number;
  /** Points the total took in the area where the reader noted no defect in it at all. */
  lostUnweighed: number;
}

export interface RuleSummary {
  repos: number;
  lost: number;
  /** Of the repos it cost points in, those whose reader noted a defect in its area (blocking or costing time). */
  weighed: number;
  labels: LabelTally;
  notes: number;
}

const MET_SHARE = 2 / 3;

/** Over every repo studied: per area, what the readers call blocking against what the total took; per rule, its cost. */
export function studySummary(repos: readonly RepoStudy[]): {
  areas: Record<Area, AreaSummary>;
  rules: Record<string, RuleSummary>;
  above: number;
} {
  const areas = {} as Record<Area, AreaSummary>;
  for (const area of AREAS) areas[area] = { readerBlocked: 0, met: 0, cappedUnweighed: 0, lostUnweighed: 0 };
  const rules: Record<string, RuleSummary> = {};
  for (const r of repos) {
    for (const area of AREAS) {
      const a = r.areas[area];
      const s = areas[area];
      const lost = r.losses.filter((l) => l.area === area).reduce((t, l) => t + l.lost, 0);
      if (a.readerBlocks > 0) {
        s.readerBlocked++;
        if (a.blockedBy.length > 0 || lost >= a.of * MET_SHARE) s.met++;
      } else if (a.blockedBy.length > 0) s.cappedUnweighed++;
      if (a.readerBlocks + a.readerTime === 0) s.lostUnweighed += lost;
    }
    for (const l of r.losses) {
      if (l.lost <= 0) continue;
      const s = (rules[l.rule] ??= { repos: 0, lost: 0, weighed: 0, labels: emptyLabels(), notes: 0 });
      s.repos++;
      s.lost += l.lost;
      if (r.areas[l.area].readerBlocks + r.areas[l.area].readerTime > 0) s.weighed++;
      for (const k of Object.keys(s.labels) as BlindLabel[]) s.labels[k] += l.labels[k];
      s.notes += l.notes;
    }
  }
  const above = repos.filter((r) => r.tool !== null && r.tool > r.reviewer).length;
  return { areas, rules, above };
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;

/** One round's repos: the blind labels, the first reader's look where the round has one, the reports read. */
export function readStudyRound(folder: string): Array<{
  name: string;
  blind: BlindRepo;
  first?: FirstLookRepo;
  report: StudyReport;
}> {
  const labels: Record<string, BlindRepo> = {};
  for (const f of readdirSync(folder)
    .filter((n) => /^labels.*\.json$/.test(n))
    .sort())
    Object.assign(labels, readJson<Record<string, BlindRepo>>(join(folder, f)));
  const firstPath = join(folder, "first-look.json");
  const first = existsSync(firstPath) ? readJson<Record<string, FirstLookRepo>>(firstPath) : {};
  return Object.keys(labels)
    .sort()
    .map((name) => ({
      name,
      blind: labels[name]!,
      ...(first[name] ? { first: first[name] } : {}),
      report: readJson<StudyReport>(join(folder, "reports", `${name}.json`)),
    }));
}
