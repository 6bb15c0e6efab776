#!/usr/bin/env node
// Writes the synthetic Kaggle boards of samples/leaderboards/: 1,305 teams whose entries add up as published
// for the SIIM-FISABIO-RSNA COVID-19 Detection competition (32,307 submissions, 31,751 of them from teams with
// at least 3 entries). Names, scores and the split of entries are synthetic; a seeded generator makes the
// same bytes on every run: `node scripts/make-sample-leaderboards.mjs [out-dir]`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync, strToU8 } from "fflate";

export const PUBLISHED = { teams: 1305, submissions: 32307, counted: 31751, minEntries: 3 };
const SLUG = "siim-covid19-detection";
const TOP = [
  "Lung Nodules United",
  "A Team",
  "Opacity Hunters",
  "DICOM Divers",
  "Smith, Jones & Co",
  "Bounding Boxers",
  'The "Ensemblers"',
  "Pixel Pushers",
  "Fold Five",
  "Late Submission",
];
/** The cheapest published model's team, somewhere in the middle of the board. */
const CHEAP = { rank: 612, name: "Tiny Baseline" };

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeBoards() {
  const random = mulberry32(2021);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const n = PUBLISHED.teams;
  const teams = Array.from({ length: n }, (_, i) => ({
    rank: i + 1,
    name: TOP[i] ?? `Team ${String(i + 1).padStart(4, "0")}`,
    entries: 0,
  }));
  teams[CHEAP.rank - 1].name = CHEAP.name;

  // Teams below the counting rule: 300 with one entry and 128 with two (556 submissions), below rank 300.
  const candidates = teams.filter((t) => t.rank > 300 && t.rank !== CHEAP.rank).map((t) => t.rank);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  const low = new Map(candidates.slice(0, 428).map((rank, i) => [rank, i < 300 ? 1 : 2]));
  // Counted teams: more entries near the top, then nudged one by one until they add up to 31,751.
  for (const t of teams) {
    if (low.has(t.rank)) t.entries = low.get(t.rank);
    else t.entries = 3 + Math.round(-Math.log(1 - random()) * (60 * Math.exp(-t.rank / 250) + 18));
  }
  teams[1].entries = 170;
  const counted = teams.filter((t) => !low.has(t.rank) && t.rank !== 2);
  let diff = PUBLISHED.counted - teams.filter((t) => !low.has(t.rank)).reduce((s, t) => s + t.entries, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % counted.length) {
    const t = counted[i];
    if (diff > 0) (t.entries++, diff--);
    else if (t.entries > 3) (t.entries--, diff++);
  }

  // Private scores fall with rank (A Team's are the example); public = private + overfit + noise.
  const raw = teams
    .slice(2)
    .map((t) => 0.6335 - 0.16 * Math.pow((t.rank - 2) / (n - 2), 0.8) - Math.abs(gauss()) * 0.002);
  raw.sort((a, b) => b - a);
  teams.forEach((t, i) => {
    t.privateScore = i === 0 ? 0.635 : i === 1 ? 0.634 : Math.round(raw[i - 2] * 1e5) / 1e5;
    t.publicScore = i === 1 ? 0.65 : Math.round((t.privateScore + 0.006 + gauss() * 0.011) * 1e5) / 1e5;
    t.teamId = 7_100_000 + ((i * 7919) % 100_000);
    const members = 1 + Math.floor(random() * 4);
    t.members = Array.from({ length: members }, (_, k) => `user${(i * 4 + k).toString(36)}`).join(",");
    const day = 1 + Math.floor(random() * 9);
    t.date = `2021-08-${String(day).padStart(2, "0")} ${String(Math.floor(random() * 24)).padStart(2, "0")}:${String(Math.floor(random() * 60)).padStart(2, "0")}:00`;
  });
  return teams;
}

const quote = (text) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

export function boardCsv(teams, scoreOf) {
  const ordered = [...teams].sort((a, b) => scoreOf(b) - scoreOf(a) || a.rank - b.rank);
  const lines = ["Rank,TeamId,TeamName,LastSubmissionDate,Score,SubmissionCount,TeamMemberUserNames"];
  ordered.forEach((t, i) =>
    lines.push([i + 1, t.teamId, quote(t.name), t.date, scoreOf(t).toFixed(5), t.entries, quote(t.members)].join(",")),
  );
  return `\ufeff${lines.join("\n")}\n`;
}

export function writeBoards(outDir) {
  const teams = makeBoards();
  mkdirSync(outDir, { recursive: true });
  const privateCsv = boardCsv(teams, (t) => t.privateScore);
  const publicCsv = boardCsv(teams, (t) => t.publicScore);
  writeFileSync(join(outDir, `${SLUG}-privateleaderboard.csv`), privateCsv);
  // Zip times are DOS local times: a date made of local fields writes the same bytes in every time zone.
  const mtime = new Date(2021, 7, 10, 0, 0, 0);
  const zip = zipSync({ [`${SLUG}-publicleaderboard.csv`]: [strToU8(publicCsv), { mtime, level: 6 }] });
  writeFileSync(join(outDir, `${SLUG}-publicleaderboard.zip`), zip);
  return {
    teams: teams.length,
    submissions: teams.reduce((s, t) => s + t.entries, 0),
    counted: teams.filter((t) => t.entries >= 3).reduce((s, t) => s + t.entries, 0),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? fileURLToPath(new URL("../samples/leaderboards/", import.meta.url));
  const made = writeBoards(out);
  console.log(`${made.teams} teams, ${made.submissions} submissions, ${made.counted} counted -> ${out}`);
}
