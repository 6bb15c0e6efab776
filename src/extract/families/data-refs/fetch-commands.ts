// Commands a repo documents or scripts to fetch data: README commands, shell scripts, notebook `!` lines,
// download scripts; and the Kaggle slugs they name.
import type { Facts } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { roleOf } from "../../view/file-roles.js";
import { commentMarker } from "../../shell/shell-words.js";

export interface FetchLine {
  file: string;
  line: number;
  text: string;
}

export const FETCHER =
  /\b(?:kaggle|wget|curl|gdown|download|aws\s+s3|gsutil|azcopy|rsync|scp|hf_hub_download|snapshot_download|git\s+lfs)\b/i;
// Slugs may hold shell variables (`-d owner/images-${size}`): they match any text there (slugMatches).
const COMPETITION = /kaggle\s+competitions\s+download\b[^\n]*?(?:-c|--competition)[\s=]+["']?([\w${}-]+)/g;
const DATASET = /kaggle\s+datasets\s+download\b[^\n]*?(?:-d|--dataset)[\s=]+["']?([\w${}-]+\/[\w.${}-]+)/g;
const API_CALL =
  /competition_download_files?\(\s*["']([\w-]+)["']|dataset_download_files\(\s*["']([\w-]+\/[\w.-]+)["']/g;

/** The fact families fetchLines reads: the data-refs extractor declares them in its reads. */
export const FETCH_LINE_READS = ["readme"] as const;

export function fetchLines(view: RepoView, facts: Facts): FetchLine[] {
  const out: FetchLine[] = [];
  for (const r of facts.families["readme"] ?? []) {
    if (r.kind === "command" && typeof r.command === "string")
      out.push({ file: r.file ?? "README", line: typeof r.line === "number" ? r.line : 0, text: r.command });
  }
  for (const { file, text } of fetchScripts(view))
    for (const { line, text: lineText } of fetcherLines(text))
      out.push({ file, line, text: lineText.trim().replace(/^"|\\n",?$|",?$/g, "") });
  return out;
}

/** The scripts, notebooks and download modules whose lines may fetch data, with their text. */
export function* fetchScripts(view: RepoView): Generator<{ file: string; text: string }> {
  for (const entry of view.files()) {
    const name = entry.path.slice(entry.path.lastIndexOf("/") + 1).toLowerCase();
    const role = roleOf(entry);
    // Every script the shell scanner reads (job files, .cmd and .bat, PowerShell), by its one list, and the walk's.
    const script =
      role === "shell" || role === "makefile" || role === "dockerfile" || commentMarker(entry.path) !== null;
    const downloader = /download|fetch|get_data|prepare/.test(name) && entry.kind === "python";
    if (
      entry.skipped ||
      !(script || downloader || entry.kind === "notebook") ||
      entry.size > (entry.kind === "notebook" ? 16_000_000 : 2_000_000)
    )
      continue;
    const text = view.read(entry.path);
    if (text !== null) yield { file: entry.path, text };
  }
}

const FETCHER_ANYWHERE = new RegExp(FETCHER.source, "gi");

/** The lines of `text` FETCHER matches, found by searching the whole text and testing only the lines
 * hit (a whole-text match is a superset: only `\s+` can span a newline, and the line test decides). */
function fetcherLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  let line = 1;
  let counted = 0;
  let nextLine = 0;
  FETCHER_ANYWHERE.lastIndex = 0;
  for (let m = FETCHER_ANYWHERE.exec(text); m; m = FETCHER_ANYWHERE.exec(text)) {
    if (m.index < nextLine) continue;
    const start = text.lastIndexOf("\n", m.index - 1) + 1;
    let end = text.indexOf("\n", m.index);
    if (end < 0) end = text.length;
    for (let i = text.indexOf("\n", counted); i >= 0 && i < start; i = text.indexOf("\n", i + 1)) line++;
    counted = start;
    nextLine = end + 1;
    FETCHER_ANYWHERE.lastIndex = nextLine;
    const lineText = text.slice(start, end);
    if (FETCHER.test(lineText)) out.push({ line, text: lineText });
  }
  return out;
}

export function slugsIn(
  lines: readonly FetchLine[],
): Array<FetchLine & { slug: string; kind: "kaggle-competition" | "kaggle-dataset" }> {
  const out: Array<FetchLine & { slug: string; kind: "kaggle-competition" | "kaggle-dataset" }> = [];
  for (const l of lines) {
    for (const m of l.text.matchAll(COMPETITION)) out.push({ ...l, slug: m[1]!, kind: "kaggle-competition" });
    for (const m of l.text.matchAll(DATASET)) out.push({ ...l, slug: m[1]!, kind: "kaggle-dataset" });
    for (const m of l.text.matchAll(API_CALL))
      out.push({ ...l, slug: (m[1] ?? m[2])!, kind: m[1] ? "kaggle-competition" : "kaggle-dataset" });
  }
  return out;
}

/** Does a slug as a command writes it (maybe with `${var}` parts) name this slug? */
export function slugMatches(pattern: string, slug: string): boolean {
  if (!pattern.includes("$")) return pattern === slug;
  const re = new RegExp(
    `^${pattern
      .split(/\$\{[^}]*\}|\$\w+/)
      .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
      .join(".+")}$`,
  );
  return re.test(slug);
}

const TARGET = /(?:\s-p|--path|-O|-o|-P|--output|--dir|\s-d)[\s=]+["']?([\w.${}/-]+)/;

/** The folders and files fetch lines download into (`-p data`, `-O x.npy`, `unzip -d raw`), with their line. */
export function fetchTargets(lines: readonly FetchLine[]): Array<{ path: string; by: string }> {
  const out: Array<{ path: string; by: string }> = [];
  for (const l of lines) {
    const m = TARGET.exec(l.text.replace(/(?:-d|--dataset)[\s=]+["']?[\w${}-]+\/[\w.${}-]+/, ""));
    const path = m?.[1]?.replace(/^\.\//, "").replace(/\/$/, "");
    if (path && path !== "." && !path.startsWith("$")) out.push({ path, by: `${l.file}:${l.line}` });
  }
  return out;
}

/** Answers "does a fetch line name this file (its base name) or download into a folder that holds it?";
 * the lines are joined and their target folders read once, since a repo may hold thousands of reads. */
export function fetchMatcher(lines: readonly FetchLine[]): (path: string) => boolean {
  const joined = lines.map((l) => l.text).join("\n");
  const dirs = lines
    .map((l) =>
      /(?:\s-p|--path|-O|-o|-P|--output|--dir)[\s=]+["']?([\w./-]+)/
        .exec(l.text)?.[1]
        ?.replace(/^\.\//, "")
        .replace(/\/$/, ""),
    )
    .filter((d): d is string => d !== undefined && d !== "" && d !== ".");
  // Answers are remembered: the same path is read by many files, and each answer scans every line.
  const answers = new Map<string, boolean>();
  return (path) => {
    let answer = answers.get(path);
    if (answer === undefined) {
      const base = path.slice(path.lastIndexOf("/") + 1);
      const rel = path.replace(/^(?:\.\.?\/)+/, "");
      answer =
        (base !== "" && !base.includes("*") && base.length > 2 && joined.includes(base)) ||
        dirs.some((dir) => rel === dir || rel.startsWith(`${dir}/`));
      answers.set(path, answer);
    }
    return answer;
  };
}
