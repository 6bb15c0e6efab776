// When an extractor throws, find the file it throws on by halving the files it sees, so the crash is a
// finding about that file and the family is gathered from the others (pure but for the extractor's own work).
import type { FactRecord } from "../../model/facts.js";
import type { RepoView } from "../../model/repo-view.js";
import type { ExtractContext, Extractor } from "../extractor.js";

/** Files one extractor may fail on before its whole family is given up (each costs a few reruns). */
const MAX_FAILING_FILES = 3;

/** The view without some files: not listed, not read, not indexed as Python. */
function viewWithout(view: RepoView, left: ReadonlySet<string>): RepoView {
  return {
    files: () => view.files().filter((f) => !left.has(f.path)),
    has: (path) => !left.has(path) && view.has(path),
    read: (path) => (left.has(path) ? null : view.read(path)),
    python: function* () {
      for (const source of view.python()) if (!left.has(source.path)) yield source;
    },
    isDir: (path) => view.isDir(path),
  };
}

const viewOnly = (view: RepoView, kept: readonly string[], all: readonly string[]) => {
  const keep = new Set(kept);
  return viewWithout(view, new Set(all.filter((p) => !keep.has(p))));
};

async function throws(extractor: Extractor, ctx: ExtractContext): Promise<boolean> {
  try {
    await extractor.extract(ctx);
    return false;
  } catch {
    return true;
  }
}

/** The one file the extractor throws on alone among `files`, or null when its crash needs several files. */
async function culprit(
  extractor: Extractor,
  ctx: ExtractContext,
  files: readonly string[],
  all: readonly string[],
): Promise<string | null> {
  if (files.length === 1) return files[0]!;
  const half = Math.ceil(files.length / 2);
  for (const part of [files.slice(0, half), files.slice(half)]) {
    if (part.length > 0 && (await throws(extractor, { ...ctx, view: viewOnly(ctx.view, part, all) })))
      return culprit(extractor, ctx, part, all);
  }
  return null;
}

export interface Isolated {
  records: FactRecord[];
  /** The files left out, each with the error the extractor threw on it. */
  failed: Array<{ file: string; error: string }>;
}

/** Rerun an extractor that threw without the files it throws on; null when no such files explain it. */
export async function extractAroundFailures(
  extractor: Extractor,
  ctx: ExtractContext,
  firstError: string,
): Promise<Isolated | null> {
  const all = ctx.view.files().map((f) => f.path);
  const left = new Set<string>();
  const failed: Isolated["failed"] = [];
  let error = firstError;
  while (failed.length < MAX_FAILING_FILES) {
    const remaining = all.filter((p) => !left.has(p));
    const file = await culprit(extractor, { ...ctx, view: viewWithout(ctx.view, left) }, remaining, remaining);
    if (file === null) return null;
    left.add(file);
    failed.push({ file, error });
    try {
      return { records: await extractor.extract({ ...ctx, view: viewWithout(ctx.view, left) }), failed };
    } catch (next) {
      error = firstLine(next);
    }
  }
  return null;
}

/** An error as one line of at most 300 characters. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 300);
}
