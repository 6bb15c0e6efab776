// `npm run bench:score`: why the totals rank the blind rounds' repos unlike their readers: per repo the reader's
// score, the total, its areas and caps and every deduction with its labels; then per area and per rule over all
// rounds with a first look (bench/real/rounds/<round>/first-look.json beside labels*.json and reports/).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AREAS } from "../../src/model/report.js";
import { readStudyRound, repoStudy, studySummary, type RepoStudy } from "./score-study.js";

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
}

main();
