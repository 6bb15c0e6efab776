// Index Python sources on this thread and, for a large repo, on helper worker threads too, so every core
// lexes and parses; the indexes come back in source order, exactly as a plain loop would make them.
//
// Texts are cut into batches (about 128 KB). This thread indexes a batch, then yields to the event loop so
// helpers' answers are taken and each helper is kept two batches ahead; notebook line maps never leave
// this thread. With no helpers (small repos, or running from the TypeScript sources) it is a plain loop.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Parser } from "web-tree-sitter";
import type { PythonSource } from "../../model/repo-view.js";
import { AUDIT_CORES_ENV, auditCores } from "../../io/audit-cores.js";
import { indexPythonText, type PyFileIndex } from "./file-index.js";
import { needsTree, treeFacts } from "./tree-facts.js";
import { pythonParser } from "./tree-sitter.js";

export interface IndexBatch {
  seq: number;
  items: Array<{ path: string; text: string; notebook: boolean }>;
}

export type IndexResult = { seq: number; files: PyFileIndex[] } | { seq: number; error: string };

export interface PoolOptions {
  /** Worker threads besides this one. */
  helpers: number;
  /** The worker module; by default the compiled index-worker.js next to this module. */
  url?: URL;
  /** Node options for the workers (tests pass a loader for the TypeScript sources). */
  execArgv?: string[];
  /** An interrupt: indexing yields between batches, so Ctrl-C is seen, and stops with an error when it comes. */
  signal?: AbortSignal;
  /** Told each file's index as its batch lands (its notebook fields attached): the caller shrinks it then, so
   * the indexes of a large repo are never all held in their first, roomier form. */
  onFile?: (file: PyFileIndex) => void;
}

const BATCH_BYTES = 128 * 1024;
const BATCH_FILES = 32;
const AHEAD = 2;
/** Below these sizes worker start-up (modules, grammar, a cold JIT) costs more than it saves. */
const MIN_PARALLEL_FILES = 200;
const MIN_PARALLEL_BYTES = 2_000_000;
const MAX_THREADS = 4;

/** The compiled worker; null when this module runs from its TypeScript source (vitest), which a worker cannot load. */
const DEFAULT_WORKER = import.meta.url.endsWith(".js") ? new URL("./index-worker.js", import.meta.url) : null;

/**
 * Helper threads for a repo with this many Python files and bytes (0: this thread alone).
 * REPRO_AUDIT_INDEX_HELPERS=<n> overrides the choice (0 forces one thread), for measuring.
 */
export function helperThreads(files: number, bytes: number): number {
  if (!DEFAULT_WORKER) return 0;
  const forced = process.env["REPRO_AUDIT_INDEX_HELPERS"];
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  return poolHelpers(files, bytes, auditCores(process.env[AUDIT_CORES_ENV], availableParallelism()));
}

/** Helpers for a repo of this size on `cores` cores: none below the sizes where start-up outweighs the gain,
 * else one per core beyond this thread's (at most MAX_THREADS threads in all). */
export function poolHelpers(files: number, bytes: number, cores: number): number {
  if (files < MIN_PARALLEL_FILES || bytes < MIN_PARALLEL_BYTES) return 0;
  return Math.max(0, Math.min(cores, MAX_THREADS) - 1);
}

/** Index one batch in this thread (the worker runs the same function). */
export async function indexBatch(batch: IndexBatch, parser: () => Promise<Parser>): Promise<PyFileIndex[]> {
  const files: PyFileIndex[] = [];
  for (const item of batch.items) {
    const file = indexPythonText(item.path, item.text, item.notebook);
    if (needsTree(file)) file.tree = treeFacts(await parser(), item.text, file);
    files.push(file);
  }
  return files;
}

export async function indexSources(sources: Iterable<PythonSource>, options: PoolOptions): Promise<PyFileIndex[]> {
  const iterator = sources[Symbol.iterator]();
  // A batch's notebook fields, by batch, until its indexes land.
  const notebookFields = new Map<number, Array<Pick<PythonSource, "lineMap" | "shell">>>();
  const results: PyFileIndex[][] = [];
  const land = (seq: number, files: PyFileIndex[]) => {
    const fields = notebookFields.get(seq) ?? [];
    notebookFields.delete(seq);
    files.forEach((file, i) => {
      const { lineMap, shell } = fields[i] ?? {};
      if (lineMap) file.lineMap = lineMap;
      if (shell?.length) file.shell = shell;
      options.onFile?.(file);
    });
    results[seq] = files;
  };
  let seq = 0;
  const nextBatch = (): IndexBatch | null => {
    const items: IndexBatch["items"] = [];
    const fields: Array<Pick<PythonSource, "lineMap" | "shell">> = [];
    let bytes = 0;
    while (items.length < BATCH_FILES && bytes < BATCH_BYTES) {
      const next = iterator.next();
      if (next.done) break;
      const source = next.value;
      items.push({ path: source.path, text: source.text, notebook: source.lineMap !== undefined });
      fields.push({ lineMap: source.lineMap, shell: source.shell });
      bytes += source.text.length;
    }
    if (items.length === 0) return null;
    notebookFields.set(seq, fields);
    return { seq: seq++, items };
  };

  const helpers = options.helpers > 0 ? startHelpers(options, nextBatch, land) : null;
  let parser: Promise<Parser> | null = null;
  const loadParser = () => (parser ??= pythonParser());
  try {
    for (let batch = nextBatch(); batch; batch = nextBatch()) {
      land(batch.seq, await indexBatch(batch, loadParser));
      if (helpers || options.signal) await new Promise((resolve) => setImmediate(resolve));
      if (options.signal?.aborted) throw new Error("indexing interrupted");
      helpers?.check();
    }
    if (helpers) await helpers.drained();
  } finally {
    helpers?.stop();
  }
  return results.flat();
}

/** Start the helper workers, each fed AHEAD batches and refed on every answer. */
function startHelpers(
  options: PoolOptions,
  nextBatch: () => IndexBatch | null,
  land: (seq: number, files: PyFileIndex[]) => void,
) {
  const url = options.url ?? DEFAULT_WORKER;
  if (!url) throw new Error("index helper threads need the compiled worker module (run from dist/)");
  const workers: Worker[] = [];
  let pending = 0;
  let failure: Error | null = null;
  let stopped = false;
  let onIdle: (() => void) | null = null;
  const settle = () => {
    if (onIdle && (pending === 0 || failure)) onIdle();
  };
  const fail = (error: Error) => {
    failure ??= error;
    settle();
  };
  const feed = (worker: Worker) => {
    if (failure || stopped) return;
    try {
      const batch = nextBatch();
      if (!batch) return settle();
      pending++;
      worker.postMessage(batch);
    } catch (error) {
      fail(error as Error);
    }
  };
  for (let i = 0; i < options.helpers; i++) {
    const worker = new Worker(url, options.execArgv ? { execArgv: options.execArgv } : {});
    worker.on("message", (result: IndexResult) => {
      pending--;
      if ("error" in result) return fail(new Error(`Python indexing failed in a worker thread: ${result.error}`));
      try {
        land(result.seq, result.files);
      } catch (error) {
        return fail(error as Error);
      }
      feed(worker);
      settle();
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!stopped) fail(new Error(`a Python indexing worker exited early (code ${code})`));
    });
    workers.push(worker);
    for (let k = 0; k < AHEAD; k++) feed(worker);
  }
  return {
    /** Throw a helper's failure on this thread. */
    check(): void {
      if (failure) throw failure;
    },
    /** Resolves once every batch sent to a helper is answered. */
    drained(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        onIdle = () => (failure ? reject(failure) : resolve());
        settle();
      });
    },
    stop(): void {
      stopped = true;
      for (const worker of workers) void worker.terminate();
    },
  };
}
