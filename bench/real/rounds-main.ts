// `npm run bench:rounds`: the first-look figures of every blind round in bench/real/rounds/<round>/ (the
// reviewer's labels*.json beside the audit's reports/*.json of that round), each round's headline figures
// beside their goals, and every rule's precision over all first looks.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  allRoundsByRule,
  firstLookOf,
  precisionOf,
  readRound,
  roundFigures,
  rulesBelowGate,
  withFirstLook,
  ROUND_GOALS,
  type RoundFigures,
  type Tally,
} from "./rounds.js";
import { builtinRulesDir } from "../../src/evaluate/load-rules.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The rounds live beside the sources, not in dist/. */
const ROUNDS = [join(HERE, "rounds"), join(HERE, "..", "..", "..", "bench", "real", "rounds")].find((p) =>
  existsSync(p),
);

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);
const fix2 = (x: number | null) => (x === null ? "-" : x.toFixed(2));
const tallyText = (t: Tally) => `C ${t.correct} W ${t.wrong} D ${t.debatable} S ${t.snapshot}`;

function renderRound(name: string, r: RoundFigures): string {
  const lines = [
    `## ${name}: ${r.repos.length} repos read blind`,
    "",
    "repo | reviewer | tool | errors+warnings | labels | precision | strict",
  ];
  for (const x of r.repos)
    lines.push(
      `${x.name} | ${x.reviewer} | ${x.tool ?? "-"} | ${x.errorsAndWarnings} | ${tallyText(x)} | ${pct(x.precision)} | ${pct(x.strict)}`,
    );
  lines.push(
    "",
    `precision ${pct(r.precision)} (goal ${pct(ROUND_GOALS.precision)}), strict ${pct(r.strict)} (goal ${pct(ROUND_GOALS.strict)}), ` +
      `median errors+warnings ${r.medianErrorsAndWarnings ?? "-"} (goal <= ${ROUND_GOALS.medianErrorsAndWarnings}), ` +
      `Spearman ${fix2(r.spearman)} (goal ${ROUND_GOALS.spearman}), blocking findings ${tallyText(r.blocking)} (goal: all correct)` +
      (r.heldJudged ? `; ${r.heldJudged} held notes judged (for the gate, not in these figures)` : ""),
  );
  return lines.join("\n");
}

function main(): void {
  if (!ROUNDS) throw new Error("no bench/real/rounds folder");
  const writeRules = process.argv.includes("--write-rules");
  const { rounds, byRule, corpus } = allRoundsByRule(ROUNDS);
  for (const { name, figures } of rounds) console.log(renderRound(name, figures) + "\n");
  console.log(
    `## first-look precision per rule, all rounds (gate: ${pct(ROUND_GOALS.rulePrecision)} over at least ${ROUND_GOALS.ruleMinFindings} findings)\n`,
  );
  for (const [rule, t] of Object.entries(byRule).sort((a, b) => (a[1].precision ?? 0) - (b[1].precision ?? 0)))
    console.log(`${rule} | ${tallyText(t)} | ${pct(t.precision)}`);
  const below = rulesBelowGate(byRule);
  console.log(`\nbelow the gate (may not emit errors or block): ${below.length ? below.join(", ") : "none"}`);
  if (writeRules) {
    for (const [rule, t] of Object.entries(byRule)) {
      const file = join(builtinRulesDir(), `${rule}.yaml`);
      if (!existsSync(file)) continue;
      writeFileSync(file, withFirstLook(readFileSync(file, "utf8"), firstLookOf(t, corpus)));
    }
    console.log(
      `\nfirst-look figures written into ${Object.keys(byRule).length} rule files (${corpus}); run npm run docs:rules next`,
    );
  }
}

main();
