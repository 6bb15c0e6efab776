// Check every other branch without checking it out: can its whole tree be produced, and do its Python,
// notebook, JSON and YAML files parse? Records for the `branches` fact family, read through a BranchView.
import type { BranchRef, BranchTreeEntry, BranchView } from "../../../model/branch-view.js";
import type { FactRecord } from "../../../model/facts.js";
import { parseFormatOf, parseProblem, type ParseProblem } from "./parse-check.js";
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
  const branches = view.others();
  const checked = branches.slice(0, caps.maxBranches);
  // Every tree is listed at once, beside the audited commit's: git answers them side by side.
  const [audited, trees] = await Promise.all([
    auditedBlobs(view),
    inBatches(checked, TREES_AT_ONCE, (b) =>
      view.tree(b.commit).then(
        (tree) => ({ tree }),
        (error: unknown) => ({ error: gitMessage(error) }),
      ),
    ),
  ]);
  const plans = checked.map((branch, i) => planBranch(branch, trees[i]!, caps, audited));
  const outcomes = await parseBlobs(view, plans);
  const records: BranchCheck[] = plans.flatMap((plan) => judgeBranch(plan, outcomes));
  if (branches.length > checked.length) {
    records.push({
      kind: "unchecked",
      count: branches.length - checked.length,
      reason: `only the first ${caps.maxBranches} branches are checked`,
    });
  }
  return records;
}

/** At most this many `git ls-tree` at once: side by side, without a process per branch of a repo with 50. */
const TREES_AT_ONCE = 8;

/** `work` on every item, at most `limit` at a time, the answers in the items' order. */
async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const answers: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      answers[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return answers;
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

/** One branch's part: its head record, and the files to parse (or why its tree could not be listed). */
interface BranchPlan {
  head: BranchCheck;
  error: string | null;
  files: Array<{ path: string; sha: string }>;
}

function planBranch(
  branch: BranchRef,
  listed: { tree: BranchTreeEntry[] } | { error: string },
  caps: BranchCheckCaps,
  audited: ReadonlyMap<string, string>,
): BranchPlan {
  // `error` stays null for a branch whose whole tree can be produced.
  const head: BranchCheck = { kind: "branch", name: branch.name, commit: branch.commit, error: null };
  if ("error" in listed) return { head, error: listed.error, files: [] };
  // A file the branch shares with the audited commit is not parsed again: the code rules judge it there, once.
  const wanted = listed.tree.filter(
    (e) =>
      e.mode !== "120000" && e.mode !== "160000" && parseFormatOf(e.path) !== null && audited.get(e.path) !== e.sha,
  );
  const files = wanted
    .filter((e) => e.size !== null && e.size <= caps.maxFileBytes)
    .slice(0, caps.maxFilesPerBranch)
    .map((e) => ({ path: e.path, sha: e.sha }));
  return { head, error: null, files };
}

/** What one blob came to as one format: a problem, none, or missing from the object store. */
type Outcome = ParseProblem | null | "missing";

interface Outcomes {
  /** By sha, then by parse format. */
  bySha: Map<string, Map<string, Outcome>>;
  /** Why the one read of the blobs stopped, when it did: a branch with a blob left unread fails with it. */
  failure: string | null;
}

/** Every blob any branch wants, read once through one read of the view (one `git cat-file --batch`) and
 * parsed once per format: branches often share the same changed file. */
async function parseBlobs(view: BranchView, plans: readonly BranchPlan[]): Promise<Outcomes> {
  // Each blob's formats, each with the first path that asks for it (the parser tells the format by the name).
  const formats = new Map<string, Map<string, string>>();
  for (const plan of plans)
    for (const file of plan.files) {
      const byFormat = formats.get(file.sha) ?? new Map<string, string>();
      const format = parseFormatOf(file.path)!;
      if (!byFormat.has(format)) byFormat.set(format, file.path);
      formats.set(file.sha, byFormat);
    }
  const bySha = new Map<string, Map<string, Outcome>>();
  if (formats.size === 0) return { bySha, failure: null };
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    await view.readBlobs([...formats.keys()], async (sha, data) => {
      const answers = new Map<string, Outcome>();
      let text: string | null = null;
      let utf8 = data !== null;
      if (data !== null) {
        try {
          text = decoder.decode(data);
        } catch {
          utf8 = false;
        }
      }
      for (const [format, path] of formats.get(sha) ?? []) {
        if (data === null) answers.set(format, "missing");
        else if (!utf8) answers.set(format, { line: null, message: "not valid UTF-8" });
        else answers.set(format, await parseProblem(path, text!));
      }
      bySha.set(sha, answers);
    });
    return { bySha, failure: null };
  } catch (error) {
    return { bySha, failure: gitMessage(error) };
  }
}

/** git's words for a blob the branch's tree lists but this clone's object store lacks (a partial or filtered
 * clone, a mirror that left out large files): the host holds it, so the gap is the copy's, not the branch's.
 * A tree git cannot read ("Could not read <sha>", "unable to read tree") leaves the branch unlisted: no such
 * mark. */
const BLOB_NOT_HERE =
  /\bobject [0-9a-f]+ of .+ is missing|^objects missing for |unable to read sha1 file|missing blob/i;

/** The branch's record with git's words, marked when they say only that this copy lacks a listed blob. */
function failed(head: BranchCheck, error: string): BranchCheck {
  return { ...head, error, ...(BLOB_NOT_HERE.test(error) ? { missingLocally: true } : {}) };
}

function judgeBranch(plan: BranchPlan, outcomes: Outcomes): BranchCheck[] {
  const { head } = plan;
  if (plan.error !== null) return [failed(head, plan.error)];
  const problems: BranchCheck[] = [];
  const missing: string[] = [];
  for (const file of plan.files) {
    const outcome = outcomes.bySha.get(file.sha)?.get(parseFormatOf(file.path)!);
    if (outcome === undefined) return [failed(head, outcomes.failure ?? "git stopped before the file was read")];
    if (outcome === "missing") missing.push(file.path);
    else if (outcome !== null)
      problems.push({
        kind: "parse-error",
        branch: head.name,
        file: file.path,
        ...(outcome.line !== null ? { line: outcome.line } : {}),
        message: outcome.message,
      });
  }
  if (missing.length > 0) return [failed(head, `objects missing for ${missing.sort().slice(0, 3).join(", ")}`)];
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
