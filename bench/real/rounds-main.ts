// `npm run bench:rounds`: the first-look figures of every blind round in bench/real/rounds/<round>/ (the
// reviewer's labels*.json beside the audit's reports/*.json of that round), each round's headline figures
// beside their goals, and every rule's precision over all first looks.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { precisionOf, roundFigures, rulesBelowGate, ROUND_GOALS, type BlindRepo, type RoundFigures, type RoundReport, type Tally } from "./rounds.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The rounds live beside the sources, not in dist/. */
const ROUNDS = [join(HERE, "rounds"), join(HERE, "..", "..", "..", "bench", "real", "rounds")].find((p) => existsSync(p));

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, "utf8")) as T;
const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);
const fix2 = (x: number | null) => (x === null ? "-" : x.toFixed(2));
const tallyText = (t: Tally) => `C ${t.correct} W ${t.wrong} D ${t.debatable} S ${t.snapshot}`;

function readRound(folder: string): { labels: Record<string, BlindRepo>; reports: Record<string, RoundReport> } {
  const labels: Record<string, BlindRepo> = {};
  for (const f of readdirSync(folder).filter((n) => /^labels.*\.json$/.test(n)).sort()) Object.assign(labels, readJson<Record<string, BlindRepo>>(join(folder, f)));
  const reports: Record<string, RoundReport> = {};
  for (const f of readdirSync(join(folder, "reports")).filter((n) => n.endsWith(".json"))) reports[f.replace(/\.json$/, "")] = readJson<RoundReport>(join(folder, "reports", f));
  return { labels, reports };
}

function renderRound(name: string, r: RoundFigures): string {
  const lines = [`## ${name}: ${r.repos.length} repos read blind`, "", "repo | reviewer | tool | errors+warnings | labels | precision | strict"];
  for (const x of r.repos) lines.push(`${x.name} | ${x.reviewer} | ${x.tool ?? "-"} | ${x.errorsAndWarnings} | ${tallyText(x)} | ${pct(x.precision)} | ${pct(x.strict)}`);
  lines.push(
    "",
    `precision ${pct(r.precision)} (goal ${pct(ROUND_GOALS.precision)}), strict ${pct(r.strict)} (goal ${pct(ROUND_GOALS.strict)}), ` +
      `median errors+warnings ${r.medianErrorsAndWarnings ?? "-"} (goal <= ${ROUND_GOALS.medianErrorsAndWarnings}), ` +
      `Spearman ${fix2(r.spearman)} (goal ${ROUND_GOALS.spearman}), blocking findings ${tallyText(r.blocking)} (goal: all correct)`,
  );
  return lines.join("\n");
}

function main(): void {
  if (!ROUNDS) throw new Error("no bench/real/rounds folder");
  const rounds = readdirSync(ROUNDS).filter((n) => existsSync(join(ROUNDS, n, "reports"))).sort();
  const allRules: RoundFigures["byRule"] = {};
  for (const name of rounds) {
    const { labels, reports } = readRound(join(ROUNDS, name));
    const figures = roundFigures(labels, reports);
    console.log(renderRound(name, figures) + "\n");
    for (const [rule, t] of Object.entries(figures.byRule)) {
      const slot = (allRules[rule] ??= { correct: 0, wrong: 0, debatable: 0, snapshot: 0, precision: null });
      slot.correct += t.correct;
      slot.wrong += t.wrong;
      slot.debatable += t.debatable;
      slot.snapshot += t.snapshot;
    }
  }
  for (const slot of Object.values(allRules)) slot.precision = precisionOf(slot);
  console.log(`## first-look precision per rule, all rounds (gate: ${pct(ROUND_GOALS.rulePrecision)} over at least ${ROUND_GOALS.ruleMinFindings} findings)\n`);
  for (const [rule, t] of Object.entries(allRules).sort((a, b) => (a[1].precision ?? 0) - (b[1].precision ?? 0))) console.log(`${rule} | ${tallyText(t)} | ${pct(t.precision)}`);
  const below = rulesBelowGate(allRules);
  console.log(`\nbelow the gate (may not emit errors or block): ${below.length ? below.join(", ") : "none"}`);
}

main();
