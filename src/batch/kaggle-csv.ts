// Kaggle's leaderboard CSV (UTF-8 with a BOM, quoted team names with commas) in the site's and the Kaggle
// CLI's forms, and the CLI's submission history export, read by column name. Pure.
import { badInput } from "../model/errors.js";
import { LEADERBOARD_RANGES, leaderboardNumberProblem, type LeaderboardNumber } from "../model/count-ranges.js";

/** One team on a Kaggle board. `row` is the spreadsheet row (the header is row 1). */
export interface BoardRow {
  row: number;
  rank: number;
  teamId: number | null;
  name: string;
  score: number | null;
  /** Submissions the team made; null on a board that does not count them (the CLI's CSV forms). */
  entries: number | null;
}

/** RFC 4180 records: commas, CRLF or LF, fields in double quotes with "" for a quote and newlines inside.
 * Each record keeps the row it starts on. Throws on an unterminated or stray quote. */
export function parseCsv(label: string, text: string): Array<{ row: number; fields: string[] }> {
  const records: Array<{ row: number; fields: string[] }> = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let row = 1;
  let start = 1;
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !wasQuoted)) records.push({ row: start, fields });
    fields = [];
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"') {
        if (body[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") row++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field !== "" || wasQuoted)
        throw badInput(
          `board ${label} row ${row}: a quote inside an unquoted field`,
          "Quote the whole field and double the quotes inside it",
        );
      quoted = true;
      wasQuoted = true;
    } else if (c === ",") {
      fields.push(field);
      field = "";
      wasQuoted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      row++;
      start = row;
    } else {
      if (wasQuoted)
        throw badInput(
          `board ${label} row ${row}: text after a closing quote`,
          "Quote the whole field and double the quotes inside it",
        );
      field += c;
    }
  }
  if (quoted)
    throw badInput(
      `board ${label} row ${start}: a quoted field is never closed`,
      "Close the quote, or download the leaderboard again",
    );
  if (field !== "" || fields.length > 0 || wasQuoted) endRecord();
  return records;
}

const REQUIRED = ["TeamName", "Score"] as const;
const BOARD_HINT =
  "Give Kaggle's leaderboard CSV (Rank,TeamId,TeamName,LastSubmissionDate,Score,SubmissionCount,TeamMemberUserNames) or the Kaggle CLI's (teamId,teamName,submissionDate,score)";

/** The header's columns, found by name whatever their case: the site writes TeamName, the CLI teamName. */
function columnsOf(label: string, text: string, hint: string) {
  const [header, ...records] = parseCsv(label, text);
  if (!header)
    throw badInput(
      `board ${label} is empty`,
      "Download the leaderboard again (kaggle competitions leaderboard -c <slug> --download)",
    );
  const names = header.fields.map((f) => f.trim());
  const lower = names.map((n) => n.toLowerCase());
  const column = (name: string) => lower.indexOf(name.toLowerCase());
  const require = (name: string) => {
    if (column(name) < 0)
      throw badInput(`board ${label}: no column '${name}' in the header (${names.join(", ")})`, hint);
  };
  return { names, records, column, require };
}

/** The teams of a Kaggle board: columns found by name (Rank, TeamId, TeamName, Score, SubmissionCount;
 * the dates and TeamMemberUserNames are not needed). Without a Rank column, rows are in rank order;
 * without SubmissionCount (the CLI's forms), entries are unknown. */
export function parseBoard(label: string, text: string): BoardRow[] {
  const { names, records, column, require } = columnsOf(label, text, BOARD_HINT);
  for (const name of REQUIRED) require(name);
  const at = {
    rank: column("Rank"),
    teamId: column("TeamId"),
    name: column("TeamName"),
    score: column("Score"),
    entries: column("SubmissionCount"),
  };
  return records.map((record, index): BoardRow => {
    const where = `board ${label} row ${record.row}`;
    if (record.fields.length !== names.length) {
      throw badInput(
        `${where}: ${record.fields.length} fields where the header has ${names.length}`,
        "Quote team names that hold commas, or download the leaderboard again",
      );
    }
    const cell = (i: number) => (i < 0 ? "" : record.fields[i]!.trim());
    const name = record.fields[at.name]!;
    if (name.trim() === "") throw badInput(`${where}: TeamName is empty`, "Give every team a name");
    return {
      row: record.row,
      rank: at.rank < 0 ? index + 1 : wholeNumber(where, "Rank", cell(at.rank), "rank"),
      teamId: at.teamId < 0 || cell(at.teamId) === "" ? null : wholeNumber(where, "TeamId", cell(at.teamId), "teamId"),
      name,
      score: score(where, cell(at.score)),
      entries: at.entries < 0 ? null : wholeNumber(where, "SubmissionCount", cell(at.entries), "entries"),
    };
  });
}

/** One team's entries from the Kaggle CLI's submission history (`kaggle competitions submissions -c <slug>
 * --csv`: fileName,date,description,status,publicScore,privateScore): the submissions that completed
 * (the CLI writes `complete` or `SubmissionStatus.COMPLETE`); errors and pending ones are no entries. */
export function parseSubmissions(label: string, text: string): { entries: number } {
  const { records, column, require } = columnsOf(
    label,
    text,
    "Give the Kaggle CLI's submission history: kaggle competitions submissions -c <slug> --csv",
  );
  require("status");
  const status = column("status");
  return { entries: records.filter((r) => /(?:^|\.)complete$/i.test((r.fields[status] ?? "").trim())).length };
}

function wholeNumber(where: string, column: string, text: string, field: LeaderboardNumber): number {
  const n = Number(text);
  const min = LEADERBOARD_RANGES[field].min;
  if (text === "" || !Number.isInteger(n) || n < min)
    throw badInput(
      `${where}: ${column} '${text.slice(0, 40)}' is not a whole number${min > 0 ? ` of at least ${min}` : ""}`,
      `Fix the ${column} cell`,
    );
  return withinRange(where, column, text, field);
}

function score(where: string, text: string): number | null {
  if (text === "") return null;
  if (!Number.isFinite(Number(text)))
    throw badInput(
      `${where}: Score '${text.slice(0, 40)}' is not a number`,
      "Fix the Score cell, or leave it empty for a team without a score",
    );
  return withinRange(where, "Score", text, "privateScore");
}

/** A number past its stated range (model/count-ranges.ts) is a typo, not a board. */
function withinRange(where: string, column: string, text: string, field: LeaderboardNumber): number {
  const problem = leaderboardNumberProblem(field, Number(text));
  if (problem) throw badInput(`${where}: ${column} '${text.slice(0, 40)}' ${problem}`, `Fix the ${column} cell`);
  return Number(text);
}
