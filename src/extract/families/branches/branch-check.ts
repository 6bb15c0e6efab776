// Check every other branch without checking it out: can its whole tree be produced, and do its Python,
// notebook, JSON and YAML files parse? Records for the `branches` fact family, read through a BranchView.
import type { BranchRef, BranchView } from "../../../model/branch-view.js";
import type { FactRecord } from "../../../model/facts.js";
import { parseFormatOf, parseProblem } from "./parse-check.js";
import { compareText } from "../../../model/text-order.js";

export interface BranchCheckCaps {
  /** Branches checked; the rest are named in one `unchecked` record. */
  maxBranches: number;
  /** Files larger than this are not parsed. */
  maxFileBytes: number;
  /** Parseable files read per branch. */
  maxFilesPerBranch: number;
}

const BRANCH_CHECK_CAPS: BranchCheckCaps = { maxBranches: 50, maxFileBytes: 2 * 1024 * 1024, maxFilesPerBranch: 5_000 };

export type BranchCheck = FactRecord;

export async function checkBranches(
  view: BranchView,
  caps: BranchCheckCaps = BRANCH_CHECK_CAPS,
): Promise<BranchCheck[]> {
  const records: BranchCheck[] = [];
  const branches = view.others();
  const checked = branches.slice(0, caps.maxBranches);
  const audited = await auditedBlobs(view);
  for (const branch of checked) for (const item of await checkBranch(view, branch, caps, audited)) records.push(item);
  if (branches.length > checked.length) {
    records.push({
      kind: "unchecked",
      count: branches.length - checked.length,
      reason: `only the first ${caps.maxBranches} branches are checked`,
    });
  }
  return records;
}

/** The audited commit's blob of each path: a branch's identical file is the audited branch's, judged there. */
async function auditedBlobs(view: BranchView): Promise<ReadonlyMap<string, string>> {
  const commit = view.audited();
  if (commit === null) return new Map();
  try {
    return new Map((await view.tree(commit)).map((e) => [e.path, e.sha]));
  } catch {
    return new Map();
  }
}

async function checkBranch(
  view: BranchView,
  branch: BranchRef,
  caps: BranchCheckCaps,
  audited: ReadonlyMap<string, string>,
): Promise<BranchCheck[]> {
  // `error` stays null for a branch whose whole tree can be produced.
  const head: BranchCheck = { kind: "branch", name: branch.name, commit: branch.commit, error: null };
  let tree;
  try {
    tree = await view.tree(branch.commit);
  } catch (error) {
    return [{ ...head, error: gitMessage(error) }];
  }
  // A file the branch shares with the audited commit is not parsed again: the code rules judge it there, once.
  const wanted = tree.filter(
    (e) =>
      e.mode !== "120000" && e.mode !== "160000" && parseFormatOf(e.path) !== null && audited.get(e.path) !== e.sha,
  );
  const toParse = wanted.filter((e) => e.size !== null && e.size <= caps.maxFileBytes).slice(0, caps.maxFilesPerBranch);
  const pathsBySha = new Map<string, string[]>();
  for (const entry of toParse) pathsBySha.set(entry.sha, [...(pathsBySha.get(entry.sha) ?? []), entry.path]);

  const problems: BranchCheck[] = [];
  const missing: string[] = [];
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    await view.readBlobs([...pathsBySha.keys()], async (sha, data) => {
      for (const file of pathsBySha.get(sha) ?? []) {
        if (data === null) {
          missing.push(file);
          continue;
        }
        let text: string;
        try {
          text = decoder.decode(data);
        } catch {
          problems.push({ kind: "parse-error", branch: branch.name, file, message: "not valid UTF-8" });
          continue;
        }
        const problem = await parseProblem(file, text);
        if (problem) {
          problems.push({
            kind: "parse-error",
            branch: branch.name,
            file,
            ...(problem.line !== null ? { line: problem.line } : {}),
            message: problem.message,
          });
        }
      }
    });
  } catch (error) {
    return [{ ...head, error: gitMessage(error) }];
  }
  if (missing.length > 0) return [{ ...head, error: `objects missing for ${missing.sort().slice(0, 3).join(", ")}` }];
  problems.sort((a, b) => compareText(String(a.file), String(b.file)));
  return [head, ...problems];
}

/** git's own words, one line: the last "fatal:"/"error:" line of its stderr. */
function gitMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const fatal = lines.filter((l) => /^(fatal|error):/.test(l)).pop();
  return (fatal ?? lines[0] ?? "git failed").slice(0, 300);
}
