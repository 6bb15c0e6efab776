// Leaderboard files: the YAML shape, Kaggle's boards (zip and CSV) joined with a YAML of repos, and one
// line with exit 2 for every kind of bad file, through the bin as a user meets it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { readLeaderboard } from "../../src/batch/leaderboard.js";
import { countSubmissions } from "../../src/carbon/competition.js";
import { runCli } from "../support/cli.js";

const LEADERBOARDS = new URL("../../samples/leaderboards/", import.meta.url).pathname;
const SAMPLES = new URL("../../samples/", import.meta.url).pathname;
const HEADER = "Rank,TeamId,TeamName,LastSubmissionDate,Score,SubmissionCount,TeamMemberUserNames";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function folder(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), "leaderboard-"));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe("readLeaderboard", () => {
  it("reads the issue's YAML shape: every team listed, repos relative to the file", () => {
    const dir = folder({
      "lb.yml": [
        "competition: siim-covid19-detection",
        "runtimeLimitHours: 9",
        "minEntries: 3",
        "teams:",
        "  - {rank: 2, name: A Team, entries: 170, publicScore: 0.650, privateScore: 0.634, repo: https://github.com/owner/solution, ref: main, co2g: 5752}",
        "  - {rank: 1, name: Winners, entries: 2, repo: ./solution}",
      ].join("\n"),
    });
    const lb = readLeaderboard(join(dir, "lb.yml"));
    expect(lb).toMatchObject({
      competition: "siim-covid19-detection",
      runtimeLimitHours: 9,
      minEntries: 3,
      higherIsBetter: null,
      sources: [],
    });
    expect(lb.teams).toEqual([
      {
        rank: 1,
        name: "Winners",
        teamId: null,
        entries: 2,
        publicScore: null,
        privateScore: null,
        repo: join(dir, "solution"),
        ref: null,
        given: null,
        listed: true,
      },
      {
        rank: 2,
        name: "A Team",
        teamId: null,
        entries: 170,
        publicScore: 0.65,
        privateScore: 0.634,
        repo: "https://github.com/owner/solution",
        ref: "main",
        given: { co2g: 5752, kwh: null, source: `${join(dir, "lb.yml")} /teams/0/co2g` },
        listed: true,
      },
    ]);
  });

  it("reads the published competition: 1,305 teams from the CSV and the zip, 31,751 of 32,307 submissions counted", () => {
    const lb = readLeaderboard(join(LEADERBOARDS, "siim-covid19-detection.yml"));
    expect(lb.sources).toEqual([
      "siim-covid19-detection-privateleaderboard.csv",
      "siim-covid19-detection-publicleaderboard.zip",
    ]);
    expect(lb.teams).toHaveLength(1305);
    expect(countSubmissions(lb.teams, lb.minEntries)).toEqual({
      teams: 1305,
      submissions: 32_307,
      teamsCounted: 877,
      submissionsCounted: 31_751,
    });
    const listed = lb.teams.filter((t) => t.listed);
    expect(listed.map((t) => [t.rank, t.name, t.entries, t.publicScore, t.privateScore, t.given?.co2g])).toEqual([
      [2, "A Team", 170, 0.65, 0.634, 5752],
      [612, "Tiny Baseline", listed[1]!.entries, listed[1]!.publicScore, listed[1]!.privateScore, 1.58],
    ]);
    // Public scores come from the public board (the zip), joined by TeamId.
    expect(lb.teams.every((t) => t.publicScore !== null && t.privateScore !== null)).toBe(true);
    expect(lb.teams.find((t) => t.name === "Smith, Jones & Co")).toMatchObject({ rank: 5, teamId: 7131676 });
  });

  it("maps the top 10 to the sample repos", () => {
    const lb = readLeaderboard(join(LEADERBOARDS, "top10.yml"));
    const listed = lb.teams.filter((t) => t.listed);
    expect(listed.map((t) => t.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(listed[0]!.repo).toBe(join(SAMPLES, "clean-solution/repo"));
    expect(listed[6]).toMatchObject({ name: 'The "Ensemblers"', repo: join(SAMPLES, "env-own-dockerfile/repo") });
  });

  it("matches a board row by teamId and lets the file's fields win", () => {
    const csv = `${HEADER}\n1,11,Same,2021-08-01,0.9,5,u\n2,12,Same,2021-08-01,0.8,4,v\n3,13,Other,2021-08-01,0.7,1,w\n`;
    const dir = folder({
      "private.csv": csv,
      "lb.yml": "competition: c\nkaggle: {private: private.csv}\nteams:\n  - {teamId: 12, repo: ./r, entries: 40}\n",
    });
    const lb = readLeaderboard(join(dir, "lb.yml"));
    expect(lb.teams.find((t) => t.listed)).toMatchObject({
      rank: 2,
      name: "Same",
      teamId: 12,
      entries: 40,
      privateScore: 0.8,
      publicScore: null,
      repo: join(dir, "r"),
    });
  });

  it("matches a team name whatever its case, as Kaggle's own names do", () => {
    const csv = `${HEADER}\n1,11,Team Alpha,2021-08-01,0.9,5,u\n2,12,beta squad,2021-08-01,0.8,4,v\n`;
    const dir = folder({
      "private.csv": csv,
      "lb.yml":
        "competition: c\nkaggle: {private: private.csv}\nteams:\n  - {name: team alpha, repo: ./r}\n  - {name: Beta Squad, repo: ./s}\n",
    });
    const lb = readLeaderboard(join(dir, "lb.yml"));
    expect(lb.teams.filter((t) => t.listed).map((t) => [t.teamId, t.repo])).toEqual([
      [11, join(dir, "r")],
      [12, join(dir, "s")],
    ]);
  });

  it("reads the Kaggle CLI's CSV board and takes a team's entries from its submission history export", () => {
    const board =
      "teamId,teamName,submissionDate,score\n11,Team Alpha,2021-08-09 23:52:00,0.9\n12,Other,2021-08-08 10:00:00,0.8\n";
    const history =
      "fileName,date,description,status,publicScore,privateScore\na.csv,2021-08-09,x,complete,0.9,0.88\nb.csv,2021-08-08,y,complete,0.8,0.79\nc.csv,2021-08-07,z,error,,\n";
    const dir = folder({
      "lb.csv": board,
      "subs.csv": history,
      "lb.yml":
        "competition: c\nkaggle: {public: lb.csv}\nteams:\n  - {name: Team Alpha, repo: ./r, submissions: subs.csv}\n",
    });
    const lb = readLeaderboard(join(dir, "lb.yml"));
    expect(lb.teams.map((t) => [t.rank, t.name, t.entries, t.publicScore, t.listed])).toEqual([
      [1, "Team Alpha", 2, 0.9, true],
      [2, "Other", 0, 0.8, false],
    ]);
  });
});

describe("bad leaderboard files: one line, exit 2", () => {
  const csv = `${HEADER}\n1,11,A,2021-08-01,0.9,5,u\n2,12,B,2021-08-01,0.8,4,v\n`;
  const cases: Array<{ what: string; files: Record<string, string | Uint8Array>; line: string }> = [
    { what: "a file that is not YAML", files: { "lb.yml": "competition: [x\n" }, line: "is not valid YAML (" },
    { what: "an empty file", files: { "lb.yml": "" }, line: "lb.yml is empty" },
    {
      what: "no competition",
      files: { "lb.yml": "teams:\n  - {rank: 1, name: a, entries: 3}\n" },
      line: "/competition: is missing",
    },
    { what: "no teams and no board", files: { "lb.yml": "competition: c\n" }, line: "/teams: is missing" },
    {
      what: "a team without entries",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a}\n" },
      line: "/teams/0/entries: is missing",
    },
    {
      what: "entries that are not whole",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 2.5}\n" },
      line: "/teams/0/entries: must be integer",
    },
    {
      what: "an unknown field",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 3, repository: x}\n" },
      line: "/teams/0: unknown property 'repository'",
    },
    {
      what: "a negative cost",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 3, co2g: -1}\n" },
      line: "/teams/0/co2g: must be >= 0",
    },
    {
      what: "a name listed twice",
      files: {
        "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 3}\n  - {rank: 2, name: a, entries: 3}\n",
      },
      line: "/teams/1/name: 'a' is listed twice",
    },
    {
      what: "kwh without co2g",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 3, kwh: 2}\n" },
      line: "/teams/0/co2g: is missing (kwh and source describe a co2g)",
    },
    {
      what: "a ref without a repo",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 3, ref: main}\n" },
      line: "/teams/0/repo: is missing (ref names a commit of a repo)",
    },
    {
      what: "a malformed repo URL",
      files: { "lb.yml": "competition: c\nteams:\n  - {rank: 1, name: a, entries: 3, repo: 'https:github.com/x'}\n" },
      line: "/teams/0/repo: malformed URL 'https:github.com/x'",
    },
    {
      what: "a team not on the board",
      files: {
        "p.csv": csv,
        "lb.yml": "competition: c\nkaggle: {private: p.csv}\nteams:\n  - {name: Nobody, repo: ./r}\n",
      },
      line: "/teams/0: no team named 'Nobody' on the board p.csv",
    },
    {
      what: "a misspelt team name",
      files: {
        "p.csv": `${HEADER}\n1,11,Team Alpha,2021-08-01,0.9,5,u\n`,
        "lb.yml": "competition: c\nkaggle: {private: p.csv}\nteams:\n  - {name: Team Alhpa, repo: ./r}\n",
      },
      line: "no team named 'Team Alhpa' on the board p.csv. Did you mean 'Team Alpha'?",
    },
    {
      what: "a submission history that is not one",
      files: {
        "p.csv": csv,
        "s.csv": "a,b\n1,2\n",
        "lb.yml": "competition: c\nkaggle: {private: p.csv}\nteams:\n  - {name: A, submissions: s.csv}\n",
      },
      line: "board s.csv: no column 'status'",
    },
    {
      what: "a board team listed twice",
      files: {
        "p.csv": csv,
        "lb.yml": "competition: c\nkaggle: {private: p.csv}\nteams:\n  - {name: A}\n  - {teamId: 11}\n",
      },
      line: "/teams/1: the team TeamId 11 is listed twice",
    },
    {
      what: "a missing board",
      files: { "lb.yml": "competition: c\nkaggle: {private: gone.csv}\n" },
      line: "gone.csv (/kaggle/private in",
    },
    {
      what: "a bad board row",
      files: {
        "p.csv": `${HEADER}\n1,11,A,2021-08-01,0.9,five,u\n`,
        "lb.yml": "competition: c\nkaggle: {private: p.csv}\n",
      },
      line: "board p.csv row 2: SubmissionCount 'five' is not a whole number",
    },
    {
      what: "a board that is not UTF-8",
      files: {
        "p.csv": new Uint8Array([0x52, 0x61, 0xff, 0xfe, 0x0a]),
        "lb.yml": "competition: c\nkaggle: {private: p.csv}\n",
      },
      line: "board p.csv is not UTF-8 text",
    },
    {
      what: "a zip without a CSV",
      files: {
        "p.zip": zipSync({ "readme.txt": strToU8("hi") }),
        "lb.yml": "competition: c\nkaggle: {public: p.zip}\n",
      },
      line: "board p.zip holds no CSV file",
    },
    {
      what: "a zip of two boards",
      files: {
        "p.zip": zipSync({ "a.csv": strToU8(csv), "b.csv": strToU8(csv) }),
        "lb.yml": "competition: c\nkaggle: {public: p.zip}\n",
      },
      line: "board p.zip holds 2 CSV files (a.csv, b.csv)",
    },
    {
      what: "a broken zip",
      files: {
        "p.zip": new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
        "lb.yml": "competition: c\nkaggle: {public: p.zip}\n",
      },
      line: "board p.zip is not a readable zip",
    },
  ];
  for (const { what, files, line } of cases) {
    it(`names the problem for ${what}`, () => {
      const dir = folder(files);
      const result = runCli(["batch", join(dir, "lb.yml"), "--out", join(dir, "out")]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trim().split("\n");
      expect(lines, result.stderr).toHaveLength(1);
      expect(lines[0]).toContain(line);
      expect(lines[0]).toMatch(/^repro-audit: /);
    });
  }

  it("names a leaderboard file that does not exist", () => {
    const result = runCli(["batch", "/nonexistent/lb.yml"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(
      "repro-audit: leaderboard /nonexistent/lb.yml cannot be read: ENOENT: no such file or directory, stat '/nonexistent/lb.yml'. Check the path of the leaderboard file",
    );
  });

  it("keeps the published leaderboard's own bytes valid UTF-8 with a BOM", () => {
    const bytes = readFileSync(join(LEADERBOARDS, "siim-covid19-detection-privateleaderboard.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
