// Kaggle's leaderboard CSV: BOM, quoted names with commas and quotes, columns by name, one line per bad row.
import { describe, expect, it } from "vitest";
import { parseBoard, parseCsv, parseSubmissions } from "../../src/batch/kaggle-csv.js";

const HEADER = "Rank,TeamId,TeamName,LastSubmissionDate,Score,SubmissionCount,TeamMemberUserNames";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes, newlines, CRLF and a BOM, keeping each record's row", () => {
    const text = '\ufeffa,b\r\n"x, y","say ""hi"""\r\n"two\nlines",z\r\n\r\n';
    expect(parseCsv("t.csv", text)).toEqual([
      { row: 1, fields: ["a", "b"] },
      { row: 2, fields: ["x, y", 'say "hi"'] },
      { row: 3, fields: ["two\nlines", "z"] },
    ]);
  });

  it("keeps an empty quoted field and a last line without a newline", () => {
    expect(parseCsv("t.csv", 'a,""\nb,c')).toEqual([
      { row: 1, fields: ["a", ""] },
      { row: 2, fields: ["b", "c"] },
    ]);
  });
});

describe("parseBoard", () => {
  it("reads teams by column name, whatever the column order", () => {
    const text = `\ufeffTeamName,SubmissionCount,Score,TeamId,Rank\n"Smith, Jones & Co",71,0.63076,7131676,5\n"The ""Ensemblers""",46,,7147514,7\n`;
    expect(parseBoard("b.csv", text)).toEqual([
      { row: 2, rank: 5, teamId: 7131676, name: "Smith, Jones & Co", score: 0.63076, entries: 71 },
      { row: 3, rank: 7, teamId: 7147514, name: 'The "Ensemblers"', score: null, entries: 46 },
    ]);
  });

  it("ranks rows in file order when the board has no Rank column", () => {
    const rows = parseBoard("b.csv", "TeamName,Score,SubmissionCount\na,0.9,3\nb,0.8,1\n");
    expect(rows.map((r) => [r.rank, r.name, r.teamId])).toEqual([
      [1, "a", null],
      [2, "b", null],
    ]);
  });

  it("reads the Kaggle CLI's `leaderboard --csv` output: camelCase columns, file order, no submission counts", () => {
    const text =
      'teamId,teamName,submissionDate,score\n7131676,"Smith, Jones & Co",2021-08-09 23:52:00,0.63076\n7147514,Solo,2021-08-08 10:00:00,0.61\n';
    expect(parseBoard("lb.csv", text)).toEqual([
      { row: 2, rank: 1, teamId: 7131676, name: "Smith, Jones & Co", score: 0.63076, entries: null },
      { row: 3, rank: 2, teamId: 7147514, name: "Solo", score: 0.61, entries: null },
    ]);
  });

  it("reads the CSV inside the CLI's `leaderboard -d` zip: TeamId,TeamName,SubmissionDate,Score", () => {
    const rows = parseBoard(
      "c-publicleaderboard.csv",
      "TeamId,TeamName,SubmissionDate,Score\n11,a,2021-08-01 00:00:00,0.9\n12,b,2021-08-02 00:00:00,0.8\n",
    );
    expect(rows.map((r) => [r.rank, r.teamId, r.name, r.score, r.entries])).toEqual([
      [1, 11, "a", 0.9, null],
      [2, 12, "b", 0.8, null],
    ]);
  });

  const bad: Array<[string, string, string]> = [
    [
      "a missing column",
      "Rank,TeamId,TeamName,SubmissionCount\n1,2,a,5\n",
      "board b.csv: no column 'Score' in the header (Rank, TeamId, TeamName, SubmissionCount)",
    ],
    [
      "a row with a field missing",
      `${HEADER}\n1,2,a,2021-08-01,0.5,3\n`,
      "board b.csv row 2: 6 fields where the header has 7",
    ],
    [
      "a bad entry count",
      `${HEADER}\n1,2,a,2021-08-01,0.5,3,u\n2,3,b,2021-08-01,0.4,many,u\n`,
      "board b.csv row 3: SubmissionCount 'many' is not a whole number",
    ],
    ["a bad score", `${HEADER}\n1,2,a,2021-08-01,high,3,u\n`, "board b.csv row 2: Score 'high' is not a number"],
    [
      "an entry count of 1e308",
      `${HEADER}\n1,2,a,2021-08-01,0.5,1e308,u\n`,
      "board b.csv row 2: SubmissionCount '1e308' must be a whole number from 0 to 1000000",
    ],
    [
      "a score of -1e308",
      `${HEADER}\n1,2,a,2021-08-01,-1e308,3,u\n`,
      "board b.csv row 2: Score '-1e308' must be a number from -1000000000000 to 1000000000000",
    ],
    [
      "a rank of zero",
      `${HEADER}\n0,2,a,2021-08-01,0.5,3,u\n`,
      "board b.csv row 2: Rank '0' is not a whole number of at least 1",
    ],
    [
      "an unquoted comma in a name",
      `${HEADER}\n1,2,Smith, Jones,2021-08-01,0.5,3,u\n`,
      "board b.csv row 2: 8 fields where the header has 7",
    ],
    [
      "a quote inside a field",
      `${HEADER}\n1,2,The "Best",2021-08-01,0.5,3,u\n`,
      "board b.csv row 2: a quote inside an unquoted field",
    ],
    [
      "a quote never closed",
      `${HEADER}\n1,2,"open,2021-08-01,0.5,3,u\n2,3,b,x,0.4,3,u\n`,
      "board b.csv row 2: a quoted field is never closed",
    ],
    [
      "text after a closing quote",
      `${HEADER}\n1,2,"a"b,2021-08-01,0.5,3,u\n`,
      "board b.csv row 2: text after a closing quote",
    ],
    ["an empty team name", `${HEADER}\n1,2,,2021-08-01,0.5,3,u\n`, "board b.csv row 2: TeamName is empty"],
    ["an empty file", "", "board b.csv is empty"],
  ];
  for (const [what, text, message] of bad) {
    it(`names the row for ${what}`, () => {
      expect(() => parseBoard("b.csv", text)).toThrow(message);
    });
  }
});

describe("parseSubmissions", () => {
  const HISTORY = "fileName,date,description,status,publicScore,privateScore";

  it("counts the completed entries of the CLI's `submissions --csv` export, whatever the status's spelling", () => {
    const text = `${HISTORY}\nsub3.csv,2021-08-09 10:00:00,"blend, v3",complete,0.651,0.634\nsub2.csv,2021-08-08 10:00:00,v2,SubmissionStatus.ERROR,,\nsub1.csv,2021-08-07 10:00:00,v1,SubmissionStatus.COMPLETE,0.61,0.60\nsub0.csv,2021-08-06 10:00:00,v0,pending,,\n`;
    expect(parseSubmissions("subs.csv", text)).toEqual({ entries: 2 });
  });

  it("names a file that is not a submission history", () => {
    expect(() => parseSubmissions("subs.csv", "TeamName,Score\na,1\n")).toThrow(
      "board subs.csv: no column 'status' in the header (TeamName, Score)",
    );
  });
});
