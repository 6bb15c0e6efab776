// `npm run bench:score`: why the totals rank the blind rounds' repos unlike their readers: per repo the reader's
// score, the total, its areas and caps and every deduction with its labels; then per area and per rule over all
// rounds with a first look (bench/real/rounds/<round>/first-look.json beside labels*.json and reports/); last, the
// score model judged leave-one-round-out on every labelled round, and each rule's cost dropped in turn.
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AREAS } from "../../src/model/report.js";
import { readStudyRound, repoStudy, studySummary, type RepoStudy } from "./score-study.js";
import {
  BEFORE,
  creditedByOthers,
  fitModel,
  keeps,
  leaveOneRoundOut,
  markAbsences,
  MODEL_GRID,
  roundSpearman,
  ruleAblation,
  unreproduced,
  type LoroRound,
} from "./score-loro.js";
import { builtinRulesDir, loadRules } from "../../src/evaluate/load-rules.js";
import { SCORE_MODEL, type ScoreModel } from "../../src/evaluate/score.js";
import { readRound, roundFigures } from "./rounds.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The rounds live beside the sources, not in dist/. */
const ROUNDS = [join(HERE, "rounds"), join(HERE, "..", "..", "..", "bench", "real", "rounds")].find((p) =>
  existsSync(p),
);

const n1 = (x: number | null) => (x === null ? "-" : String(Math.round(x * 10) / 10));
const labelText = (l: Record<string, number>) =>
  ["CORRECT", "WRONG", "DEBATABLE", "SNAPSHOT"]
    .filter((k) => (l[k] ?? 0) > 0)
    .map((k) => `${k[0]}${l[k]}`)
    .join(" ") || "-";

function repoLines(r: RepoStudy): string[] {
  const areas = AREAS.map((a) => {
    const x = r.areas[a];
    const reader = x.readerBlocks ? ` reader-blocks ${x.readerBlocks}` : "";
    return `${a} ${n1(x.points)}/${x.of}${x.blockedBy.length ? " capped" : ""}${reader}`;
  }).join(", ");
  return [
    `${r.name}: reader ${r.reviewer}, total ${r.tool ?? "-"} (${r.tool === null ? "-" : r.tool - r.reviewer >= 0 ? "+" : ""}${r.tool === null ? "" : r.tool - r.reviewer}); ${areas}`,
    ...r.losses
      .filter((l) => l.lost > 0)
      .sort((a, b) => b.lost - a.lost)
      .map(
        (l) =>
          `    -${n1(l.lost)} ${l.area} ${l.rule} (${l.effect}, ${l.findings} counted; labels ${labelText(l.labels)}; notes ${l.notes})`,
      ),
  ];
}

const f2 = (x: number | null) => (x === null ? "-" : x.toFixed(2));
/** The rounds that count for the keep rule: the last three blind rounds. */
const COUNTING = 3;

const modelText = (m: ScoreModel) => `absence x${m.absenceFactor}${m.trusted ? ", trusted" : ""}`;

function loroLines(rounds: LoroRound[]): string[] {
  const rows = leaveOneRoundOut(rounds);
  const counting = rounds.slice(-COUNTING).map((r) => r.name);
  const missed = unreproduced(rounds);
  // Today's model, each round's findings trusted by the labels of the other rounds.
  const today = creditedByOthers(rounds);
  const untrusted = { ...SCORE_MODEL, trusted: false };
  return [
    `## the score model, leave one round out (${rounds.length} rounds; absence factor fitted on the others from 1 to 5, each finding's cost weighed by its trust or not)`,
    "",
    `stored totals the arithmetic before reproduces: ${rounds.reduce((s, r) => s + r.repos.length, 0) - missed.length} of ${rounds.reduce((s, r) => s + r.repos.length, 0)}${missed.length ? ` (not: ${missed.join(", ")})` : ""}`,
    "round | Spearman before | after (fitted on the other rounds) | model fitted | today's model untrusted | today's model",
    ...rows.map(
      (r, i) =>
        `${r.round} | ${f2(r.before)} | ${f2(r.after)} | ${modelText(r.fitted)} | ${f2(roundSpearman(rounds[i]!, untrusted))} | ${f2(roundSpearman(today[i]!, SCORE_MODEL))}`,
    ),
    "",
    `keep (better on ${counting.join(", ")} on the whole, no round worse by more than 0.05): ${keeps(rows, counting) ? "yes" : "no"}`,
    `fitted on every round: ${modelText(fitModel(today))} (the tool's: ${modelText(SCORE_MODEL)})`,
    "",
    "every model of the grid, each round's findings trusted by the other rounds' labels:",
    `model | ${rounds.map((r) => r.name).join(" | ")} | mean of the last ${COUNTING}`,
    ...MODEL_GRID.map((m) => {
      const rhos = today.map((r) => roundSpearman(r, m));
      const last = rhos.slice(-COUNTING).reduce<number>((s, x) => s + (x ?? 0), 0) / COUNTING;
      return `${modelText(m)} | ${rhos.map(f2).join(" | ")} | ${f2(last)}`;
    }),
  ];
}

function ablationLines(rounds: LoroRound[]): string[] {
  const base = rounds.map((r) => roundSpearman(r, BEFORE));
  return [
    "## each rule's cost dropped in turn (the arithmetic before): Spearman per round, change from all rules",
    "",
    `rule | ${rounds.map((r) => r.name).join(" | ")}`,
    `(all rules) | ${base.map(f2).join(" | ")}`,
    ...ruleAblation(rounds, BEFORE).map(
      (a) =>
        `${a.rule} | ${a.rounds.map((x, i) => (x === null || base[i] === null ? "-" : `${x - base[i]! >= 0 ? "+" : ""}${(x - base[i]!).toFixed(2)}`)).join(" | ")}`,
    ),
  ];
}

function main(): void {
  if (!ROUNDS) throw new Error("no bench/real/rounds folder");
  const studied: RepoStudy[] = [];
  for (const round of readdirSync(ROUNDS).sort()) {
    const folder = join(ROUNDS, round);
    if (!existsSync(join(folder, "first-look.json"))) continue;
    console.log(`## ${round}`);
    for (const x of readStudyRound(folder)) {
      const r = repoStudy(x.name, x.first, x.blind, x.report);
      studied.push(r);
      console.log(repoLines(r).join("\n"));
    }
    console.log("");
  }
  const s = studySummary(studied);
  console.log(`## over ${studied.length} repos read first: the total above the reader on ${s.above}\n`);
  console.log(
    "area | reader calls it blocking | total capped it or took 2/3 | capped, reader saw no block | points taken where the reader noted nothing",
  );
  for (const a of AREAS) {
    const x = s.areas[a];
    console.log(`${a} | ${x.readerBlocked} | ${x.met} | ${x.cappedUnweighed} | ${n1(x.lostUnweighed)}`);
  }
  console.log("\nrule | repos it cost points | points | reader noted a defect in its area | labels | notes");
  for (const [rule, x] of Object.entries(s.rules).sort((a, b) => b[1].lost - a[1].lost))
    console.log(`${rule} | ${x.repos} | ${n1(x.lost)} | ${x.weighed} | ${labelText(x.labels)} | ${x.notes}`);

  // Every labelled round, first look or not; the stored results get the absence mark from today's rule files.
  const absenceRules = new Set(
    loadRules([builtinRulesDir()])
      .filter((r) => r.check.absent)
      .map((r) => r.id),
  );
  const rounds: LoroRound[] = readdirSync(ROUNDS)
    .sort()
    .filter((round) => existsSync(join(ROUNDS, round, "reports")))
    .map((round) => {
      const { labels, reports } = readRound(join(ROUNDS, round));
      return {
        name: round,
        figures: roundFigures(labels, reports).byRule,
        repos: readStudyRound(join(ROUNDS, round)).map((x) => ({
          name: x.name,
          reviewer: x.blind.my_score,
          stored: x.report.score.total,
          results: markAbsences(x.report.rules, absenceRules),
          findings: x.report.findings,
        })),
      };
    });
  console.log("\n" + loroLines(rounds).join("\n"));
  console.log("\n" + ablationLines(rounds).join("\n"));
}

main();
