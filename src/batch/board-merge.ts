// Join a leaderboard file's teams with Kaggle's boards: the private board gives ranks, entries and private
// scores, the public board public scores; the file's teams add repos and costs (and win where they say
// more). Without boards the file's teams are the leaderboard. Pure.
import { resolve } from "node:path";
import { badInput } from "../model/errors.js";
import { closest } from "../model/edit-distance.js";
import { classifyInput } from "../clone/input.js";
import type { BoardRow } from "./kaggle-csv.js";
import {
  DEFAULT_MIN_ENTRIES,
  type DocTeam,
  type Leaderboard,
  type LeaderboardDoc,
  type LeaderboardTeam,
} from "./leaderboard.js";

const HINT = "Fix it against schemas/leaderboard.schema.json";

export function mergeBoards(
  file: string,
  base: string,
  doc: LeaderboardDoc,
  boards: { private?: BoardRow[]; public?: BoardRow[] },
  sources: string[],
): Leaderboard {
  const fromBoards = boards.private ?? boards.public;
  let teams: LeaderboardTeam[];
  if (fromBoards) {
    const all = boardTeams(fromBoards, boards.private ? boards.public : undefined, Boolean(boards.private));
    checkNames(
      file,
      (doc.teams ?? []).map((entry, i) => applyEntry(file, base, doc, all, entry, i)),
    );
    teams = all;
  } else {
    teams = (doc.teams ?? []).map((entry, i) => ({
      ...listedTeam(file, base, entry, i),
      rank: entry.rank!,
      name: entry.name!,
      entries: entry.entries!,
    }));
    checkNames(file, teams);
  }
  teams.sort((a, b) => a.rank - b.rank);
  return {
    file,
    competition: doc.competition,
    runtimeLimitHours: doc.runtimeLimitHours ?? null,
    minEntries: doc.minEntries ?? DEFAULT_MIN_ENTRIES,
    higherIsBetter: doc.higherIsBetter ?? null,
    teams,
    sources,
  };
}

function boardTeams(main: BoardRow[], publicBoard: BoardRow[] | undefined, mainIsPrivate: boolean): LeaderboardTeam[] {
  const publicById = new Map<number, BoardRow>();
  const publicByName = new Map<string, BoardRow>();
  for (const row of publicBoard ?? []) {
    if (row.teamId !== null) publicById.set(row.teamId, row);
    publicByName.set(row.name, row);
  }
  // The Kaggle CLI's CSV forms do not count entries: 0 until the file's `entries` or `submissions` says.
  return main.map((row) => {
    const pub = publicBoard
      ? row.teamId !== null
        ? publicById.get(row.teamId)
        : publicByName.get(row.name)
      : undefined;
    return {
      rank: row.rank,
      name: row.name,
      teamId: row.teamId,
      entries: row.entries ?? 0,
      publicScore: mainIsPrivate ? (pub?.score ?? null) : row.score,
      privateScore: mainIsPrivate ? row.score : null,
      repo: null,
      ref: null,
      given: null,
      listed: false,
    };
  });
}

/** The board's teams named `name`: spelt alike, else alike but for case (a user types "team alpha" for
 * Kaggle's "Team Alpha"). */
function named(teams: LeaderboardTeam[], name: string | undefined): LeaderboardTeam[] {
  const exact = teams.filter((t) => t.name === name);
  if (exact.length > 0 || name === undefined) return exact;
  const folded = name.toLocaleLowerCase();
  return teams.filter((t) => t.name.toLocaleLowerCase() === folded);
}

/** A file team matched to its board row by TeamId, else by name; its fields fill in and win. */
function applyEntry(
  file: string,
  base: string,
  doc: LeaderboardDoc,
  teams: LeaderboardTeam[],
  entry: DocTeam,
  i: number,
): LeaderboardTeam {
  const board = doc.kaggle?.private ?? doc.kaggle?.public;
  const matches =
    entry.teamId !== undefined ? teams.filter((t) => t.teamId === entry.teamId) : named(teams, entry.name);
  const what = entry.teamId !== undefined ? `TeamId ${entry.teamId}` : `named '${entry.name}'`;
  if (matches.length === 0) {
    const near =
      entry.teamId === undefined && entry.name !== undefined
        ? closest(
            entry.name,
            teams.map((t) => t.name),
          )
        : null;
    throw badInput(
      `invalid leaderboard ${file}: /teams/${i}: no team ${what} on the board ${board}${near !== null ? `. Did you mean '${near}'?` : ""}`,
      "Spell the name as on the board, or give its teamId",
    );
  }
  if (matches.length > 1)
    throw badInput(
      `invalid leaderboard ${file}: /teams/${i}: ${matches.length} teams ${what} on the board ${board}`,
      "Give the team's teamId to pick one",
    );
  const team = matches[0]!;
  if (team.listed)
    throw badInput(`invalid leaderboard ${file}: /teams/${i}: the team ${what} is listed twice`, "List each team once");
  const listed = listedTeam(file, base, entry, i);
  Object.assign(team, {
    listed: true,
    repo: listed.repo,
    ref: listed.ref,
    given: listed.given,
    ...(entry.rank !== undefined ? { rank: entry.rank } : {}),
    ...(entry.name !== undefined ? { name: entry.name } : {}),
    ...(entry.entries !== undefined ? { entries: entry.entries } : {}),
    ...(entry.publicScore !== undefined ? { publicScore: entry.publicScore } : {}),
    ...(entry.privateScore !== undefined ? { privateScore: entry.privateScore } : {}),
  });
  return team;
}

function listedTeam(file: string, base: string, entry: DocTeam, i: number): LeaderboardTeam {
  if ((entry.kwh !== undefined || entry.source !== undefined) && entry.co2g === undefined) {
    throw badInput(`invalid leaderboard ${file}: /teams/${i}/co2g: is missing (kwh and source describe a co2g)`, HINT);
  }
  if (entry.ref !== undefined && entry.repo === undefined)
    throw badInput(`invalid leaderboard ${file}: /teams/${i}/repo: is missing (ref names a commit of a repo)`, HINT);
  return {
    rank: entry.rank ?? 0,
    name: entry.name ?? "",
    teamId: entry.teamId ?? null,
    entries: entry.entries ?? 0,
    publicScore: entry.publicScore ?? null,
    privateScore: entry.privateScore ?? null,
    repo: entry.repo === undefined ? null : repoOf(file, base, entry.repo, i),
    ref: entry.ref ?? null,
    given:
      entry.co2g === undefined
        ? null
        : { co2g: entry.co2g, kwh: entry.kwh ?? null, source: entry.source ?? `${file} /teams/${i}/co2g` },
    listed: true,
  };
}

/** URLs stay as written; a folder path is relative to the leaderboard file. */
function repoOf(file: string, base: string, repo: string, i: number): string {
  try {
    const input = classifyInput(repo);
    return input.kind === "url" ? input.url : resolve(base, input.path);
  } catch (error) {
    throw badInput(`invalid leaderboard ${file}: /teams/${i}/repo: ${(error as Error).message}`, HINT, error);
  }
}

/** Listed teams need distinct names: rows, caches and merges are keyed by them. `listed` is in file order. */
function checkNames(file: string, listed: readonly LeaderboardTeam[]): void {
  const seen = new Set<string>();
  listed.forEach((team, i) => {
    if (seen.has(team.name))
      throw badInput(
        `invalid leaderboard ${file}: /teams/${i}/name: '${team.name}' is listed twice`,
        "Give each team its own name",
      );
    seen.add(team.name);
  });
}
