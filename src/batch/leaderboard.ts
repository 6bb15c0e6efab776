// A competition's leaderboard file (schemas/leaderboard.schema.json): a pure parse beside a thin read.
// The file is the user's (trusted); the repos it names are not.
import { readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import yaml from "js-yaml";
import { badInput } from "../model/errors.js";
import { schemaProblems } from "../io/schema.js";
import { parseBoard, parseSubmissions, type BoardRow } from "./kaggle-csv.js";
import { readBoardText } from "./board-file.js";
import { mergeBoards } from "./board-merge.js";
import { LEADERBOARD_RANGES, leaderboardNumberProblem, type LeaderboardNumber } from "../model/count-ranges.js";

export interface LeaderboardTeam {
  rank: number;
  name: string;
  teamId: number | null;
  entries: number;
  publicScore: number | null;
  privateScore: number | null;
  /** A git URL, or an absolute folder path (relative paths are resolved against the file's folder). */
  repo: string | null;
  ref: string | null;
  /** A per-model cost measured elsewhere, with where it comes from. */
  given: { co2g: number; kwh: number | null; source: string } | null;
  /** Named in the file's `teams` (a solution of the batch), not only a row of a board. */
  listed: boolean;
}

export interface Leaderboard {
  file: string;
  competition: string;
  runtimeLimitHours: number | null;
  minEntries: number;
  /** Stated in the file, else inferred from the ranks. */
  higherIsBetter: boolean | null;
  /** Every team, in rank order. */
  teams: LeaderboardTeam[];
  /** The board files read, as named in the file. */
  sources: string[];
}

/** What the YAML holds, as validated. */
export interface LeaderboardDoc {
  competition: string;
  runtimeLimitHours?: number;
  minEntries?: number;
  higherIsBetter?: boolean;
  kaggle?: { private?: string; public?: string };
  teams?: DocTeam[];
}

export interface DocTeam {
  rank?: number;
  name?: string;
  teamId?: number;
  entries?: number;
  /** The team's submission history export (kaggle competitions submissions -c <slug> --csv): its entries. */
  submissions?: string;
  publicScore?: number;
  privateScore?: number;
  repo?: string;
  ref?: string;
  co2g?: number;
  kwh?: number;
  source?: string;
}

const LEADERBOARD_MAX_BYTES = 16 * 1024 * 1024;
export const DEFAULT_MIN_ENTRIES = 3;
const HINT = "Fix it against schemas/leaderboard.schema.json";

/** Pure: the YAML text as a validated document; every schema problem with its JSON pointer, on one line. */
function parseLeaderboardDoc(file: string, text: string): LeaderboardDoc {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA, filename: file });
  } catch (error) {
    const reason = (error as Error).message.split("\n")[0];
    throw badInput(`leaderboard ${file} is not valid YAML (${reason})`, "Fix the YAML");
  }
  if (doc === undefined || doc === null)
    throw badInput(`leaderboard ${file} is empty`, `Give at least competition and teams. ${HINT}`);
  const problems = schemaProblems("leaderboard.schema.json", doc).filter(
    (p) => !p.endsWith('must match "then" schema') && !p.includes("must match a schema in anyOf"),
  );
  if (problems.length > 0) throw badInput(`invalid leaderboard ${file}: ${problems.join("; ")}`, HINT);
  const ranges = numberProblems(doc as LeaderboardDoc);
  if (ranges.length > 0) throw badInput(`invalid leaderboard ${file}: ${ranges.join("; ")}`, HINT);
  return doc as LeaderboardDoc;
}

/** Pure: each team number outside its stated range (model/count-ranges.ts), as "/teams/<i>/<field>: ...". */
function numberProblems(doc: LeaderboardDoc): string[] {
  const problems: string[] = [];
  (doc.teams ?? []).forEach((team, i) => {
    for (const field of Object.keys(LEADERBOARD_RANGES) as LeaderboardNumber[]) {
      const value = team[field];
      const problem = typeof value === "number" ? leaderboardNumberProblem(field, value) : null;
      if (problem) problems.push(`/teams/${i}/${field}: ${problem}`);
    }
  });
  return problems;
}

/** Read the leaderboard file and the Kaggle boards it names (paths relative to it). */
export function readLeaderboard(file: string): Leaderboard {
  let text: string;
  try {
    if (!statSync(file).isFile()) throw new Error("not a regular file");
    if (statSync(file).size > LEADERBOARD_MAX_BYTES)
      throw new Error(`over the ${LEADERBOARD_MAX_BYTES / 1024 / 1024} MB cap`);
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw badInput(
      `leaderboard ${file} cannot be read: ${(error as Error).message.split("\n")[0]}`,
      "Check the path of the leaderboard file",
      error,
    );
  }
  const doc = parseLeaderboardDoc(file, text);
  const base = dirname(resolve(file));
  const boards: { private?: BoardRow[]; public?: BoardRow[] } = {};
  const sources: string[] = [];
  for (const side of ["private", "public"] as const) {
    const named = doc.kaggle?.[side];
    if (named === undefined) continue;
    const path = resolve(base, named);
    boards[side] = parseBoard(named, readBoardText(path, named, `/kaggle/${side} in ${file}`));
    sources.push(named);
  }
  // A team's submission history counts its entries where the file does not state them.
  const teams = (doc.teams ?? []).map((team, i) => {
    if (team.submissions === undefined || team.entries !== undefined) return team;
    const { entries } = parseSubmissions(
      team.submissions,
      readBoardText(resolve(base, team.submissions), team.submissions, `/teams/${i}/submissions in ${file}`),
    );
    return { ...team, entries };
  });
  return mergeBoards(file, base, { ...doc, ...(doc.teams ? { teams } : {}) }, boards, sources);
}
