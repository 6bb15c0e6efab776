// Walk a checked-out tree once and serve it as a RepoView: lstat everything, never follow a symlink,
// cap sizes, keep decoded texts (up to a memory budget), and record what could not be read and why.
//
// Memory: binaries and files over the cap are never read; texts are kept while their sum stays under
// caps.maxKeptBytes (256 MiB; a 45 MB solution stays wholly in memory), and past it they are read again
// from disk on demand through a small LRU, so a huge repo costs a bounded amount of memory.
// Speed: reads are synchronous (one open/fstat/read/close per file, no thread-pool hops), yielding to the
// event loop every few hundred files so progress spinners keep turning.
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readSync,
  readdirSync,
  lstatSync,
  readlinkSync,
  realpathSync,
  type Stats,
} from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { FactRecord } from "../../model/facts.js";
import type { InventoryEntry, PythonSource, RepoView } from "../../model/repo-view.js";
import { DEFAULT_WALK_CAPS, fileCapOf, formatBytes, type WalkCaps } from "../../model/walk-caps.js";
import { classifyPath } from "../../model/file-kinds.js";
import { giveRole } from "./file-roles.js";
import { shownName, utf8Name } from "../../io/byte-name.js";
import { flattenNotebook, type FlatNotebook } from "./notebook.js";
import type { PathMatcher } from "./glob.js";

export type WalkedView = RepoView & {
  /** `inventory` records ({kind: "skipped", file, reason, size}) for what a reader of the repo would miss. */
  issues: FactRecord[];
  /** Files and folders the user's exclude globs left out (a folder stands for everything beneath it). */
  excluded: string[];
  /** Files and folders left out because git does not track them (a folder stands for everything beneath it). */
  untracked: string[];
};

export interface WalkOptions {
  /** The user's `exclude:` globs: what matches is not walked at all, as if it were not there. */
  exclude?: PathMatcher;
  /** Paths git does not track in a working tree audited in place (folders with a trailing slash): a clone of
   * the repository would not hold them (bytecode, downloaded data, a run's outputs), so the walk leaves them out. */
  untracked?: ReadonlySet<string>;
}

const issuesByView = new WeakMap<RepoView, FactRecord[]>();

/** The walk's issues for a view made by walkRepo; null for any other view (e.g. memoryView). */
export function walkIssues(view: RepoView): readonly FactRecord[] | null {
  return issuesByView.get(view) ?? null;
}

/** Data files in text form: skipping one of them is expected, not worth a finding. */
const DATA_TEXT = new Set("csv tsv jsonl ndjson log dat xml svg html htm tsv psv arff".split(" "));
const LRU_SIZE = 64;
/** One strict decoder for every file: invalid UTF-8 throws instead of turning into U+FFFD. */
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** One file as the walk holds it: no absolute path (the root and `entry.path` give it), and a slot for its text
 * from the start, so every file's record has one small shape (a 100,000-file repo holds 100,000 of them). */
interface Held {
  entry: InventoryEntry;
  /** Decoded text, or undefined when evicted to keep memory bounded (read again on demand). */
  text: string | undefined;
  /** A symlink inside the repo: the path of the file it names (read through the view, not the disk). */
  aliasOf?: string;
}

export async function walkRepo(
  root: string,
  caps: Partial<WalkCaps> = {},
  options: WalkOptions = {},
): Promise<WalkedView> {
  const walk = new Walk(realpathSync(root), { ...DEFAULT_WALK_CAPS, ...caps }, options.exclude, options.untracked);
  await walk.tree();
  walk.resolveLinks();
  const entries = [...walk.held.values()]
    .map((h) => h.entry)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const view = makeView(walk.top, entries, walk.held, walk.dirs, walk.limits);
  const issues = walk.issues.sort((a, b) =>
    String(a.file) < String(b.file) ? -1 : String(a.file) > String(b.file) ? 1 : 0,
  );
  const walked: WalkedView = Object.assign(view, {
    issues,
    excluded: walk.excluded.sort(),
    untracked: walk.untracked.sort(),
  });
  issuesByView.set(walked, issues);
  return walked;
}

interface Folder {
  abs: string;
  rel: string;
  depth: number;
}

/** One walk's state: what it holds, the folders it saw, what it could not read, and its budgets. */
class Walk {
  readonly held = new Map<string, Held>();
  readonly dirs = new Set<string>([""]);
  readonly issues: FactRecord[] = [];
  readonly excluded: string[] = [];
  readonly untracked: string[] = [];
  private keptBytes = 0;
  private fileCount = 0;
  private truncated = false;
  private readonly links: Array<{ rel: string; target: string }> = [];

  constructor(
    readonly top: string,
    readonly limits: WalkCaps,
    private readonly exclude: PathMatcher | undefined,
    private readonly notTracked: ReadonlySet<string> | undefined,
  ) {}

  readonly skip = (entry: InventoryEntry, reason: string, report: boolean): void => {
    entry.skipped = reason;
    if (report && worthReporting(entry))
      this.issues.push({ kind: "skipped", file: entry.path, reason, size: entry.size });
  };

  /** Depth first, folders in name order, until the tree or the file budget ends. */
  async tree(): Promise<void> {
    const stack: Folder[] = [{ abs: this.top, rel: "", depth: 0 }];
    while (stack.length > 0 && !this.truncated) {
      const subdirs = await this.folder(stack.pop()!);
      // Reverse so that popping visits folders in name order.
      for (const item of subdirs.reverse()) stack.push(item);
    }
  }

  /** List one folder: its files are visited now, its sub-folders returned. */
  private async folder(dir: Folder): Promise<Folder[]> {
    const names: string[] = [];
    try {
      // Names as bytes: one that is not UTF-8 would otherwise be decoded into a name that does not exist
      // on disk, and vanish from the audit without a word.
      for (const raw of readdirSync(dir.abs, { encoding: "buffer" })) {
        const name = utf8Name(raw);
        if (name !== null) names.push(name);
        else
          this.issues.push({
            kind: "skipped",
            file: dir.rel === "" ? shownName(raw) : `${dir.rel}/${shownName(raw)}`,
            reason: "name is not valid UTF-8: not read",
            size: null,
          });
      }
      names.sort();
    } catch (error) {
      this.issues.push({
        kind: "skipped",
        file: dir.rel || ".",
        reason: `folder cannot be listed (${(error as NodeJS.ErrnoException).code ?? "error"})`,
        size: null,
      });
      return [];
    }
    const subdirs: Folder[] = [];
    for (const name of names) {
      if (name === ".git") continue;
      const abs = join(dir.abs, name);
      const rel = dir.rel === "" ? name : `${dir.rel}/${name}`;
      let stat;
      try {
        stat = lstatSync(abs);
      } catch {
        continue; // vanished between listing and lstat
      }
      if (this.exclude?.matches(rel, stat.isDirectory())) {
        this.excluded.push(rel);
        continue;
      }
      if (this.notTracked?.has(stat.isDirectory() ? `${rel}/` : rel)) {
        this.untracked.push(rel);
        continue;
      }
      if (stat.isDirectory()) {
        if (dir.depth + 1 > this.limits.maxDepth) {
          this.issues.push({
            kind: "skipped",
            file: rel,
            reason: `folder nested deeper than ${this.limits.maxDepth} levels: not walked`,
            size: null,
          });
        } else {
          this.dirs.add(rel);
          subdirs.push({ abs, rel, depth: dir.depth + 1 });
        }
        continue;
      }
      if (++this.fileCount > this.limits.maxFiles) {
        this.truncated = true;
        this.issues.push({
          kind: "skipped",
          file: rel,
          reason: `more than ${this.limits.maxFiles} files: this one and the rest of the tree were not walked`,
          size: null,
        });
        break;
      }
      this.file(abs, rel, stat);
      if (this.fileCount % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    return subdirs;
  }

  /** One non-folder entry: held with its kind; read and kept when it is text within the caps. */
  private file(abs: string, rel: string, stat: Stats): void {
    const entry: InventoryEntry = { path: rel, size: stat.size, ...classifyPath(rel) };
    giveRole(entry);
    const item: Held = { entry, text: undefined };
    this.held.set(rel, item);
    if (stat.isSymbolicLink()) {
      entry.size = 0;
      const target = readlinkSync(abs);
      const resolved = resolve(dirname(abs), target);
      if (resolved !== this.top && !resolved.startsWith(this.top + sep))
        this.skip(entry, "symlink pointing outside the repo: not followed", true);
      else this.links.push({ rel, target: relative(this.top, resolved).split(sep).join("/") });
      return;
    }
    if (!stat.isFile()) return this.skip(entry, "not a regular file", true);
    const cap = capOf(entry, this.limits);
    if (stat.size > cap)
      return this.skip(entry, `larger than the ${formatBytes(cap)} cap (${formatBytes(stat.size)})`, true);
    if (entry.kind === "binary") return;
    const text = readText(abs, item, cap, this.skip);
    if (text !== null && this.keptBytes + text.length <= this.limits.maxKeptBytes) {
      item.text = text;
      this.keptBytes += text.length;
    }
  }

  /** In-repo symlinks: a link to a folder counts as a folder; a link to a file reads as that file. */
  resolveLinks(): void {
    for (const { rel, target } of this.links) {
      const item = this.held.get(rel)!;
      const targetItem = this.held.get(target);
      if (this.dirs.has(target)) {
        this.dirs.add(rel);
        this.held.delete(rel);
      } else if (targetItem && !targetItem.aliasOf && !targetItem.entry.skipped && targetItem.entry.kind !== "binary") {
        item.aliasOf = target;
        item.entry.size = targetItem.entry.size;
      } else {
        this.skip(item.entry, `symlink to ${target}: not followed`, false);
      }
    }
  }
}

/** Read and decode one file without following a symlink swapped in since the lstat; null when not text. */
function readText(
  abs: string,
  item: Held,
  cap: number,
  skip: (e: InventoryEntry, reason: string, report: boolean) => void,
): string | null {
  const entry = item.entry;
  const bytes = readCapped(abs, cap);
  if (typeof bytes === "string") {
    skip(entry, bytes, true);
    return null;
  }
  if (bytes.indexOf(0) >= 0) {
    // NUL bytes: binary content. A data file without a telling extension is simply binary; a .py or
    // config file that holds NULs cannot be inspected, which is worth a finding.
    if (entry.kind === "text") entry.kind = "binary";
    else skip(entry, "binary content (NUL bytes)", true);
    return null;
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    skip(entry, "not valid UTF-8", true);
    return null;
  }
}

function readCapped(abs: string, cap: number): Buffer | string {
  let fd: number;
  try {
    fd = openSync(abs, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return "not a regular file";
    if (stat.size > cap) return `larger than the ${formatBytes(cap)} cap (${formatBytes(stat.size)})`;
    const buffer = Buffer.allocUnsafe(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`;
  } finally {
    closeSync(fd);
  }
}

/** The size a file of this kind is read up to. */
function capOf(entry: InventoryEntry, caps: WalkCaps): number {
  return fileCapOf(entry.kind, caps);
}

function worthReporting(entry: InventoryEntry): boolean {
  if (entry.kind === "binary") return false;
  const ext = entry.path.slice(entry.path.lastIndexOf(".") + 1).toLowerCase();
  return !(entry.kind === "text" && DATA_TEXT.has(ext));
}

const normalise = (path: string) => path.replace(/^\.\/+/, "").replace(/\/+$/, "");

function makeView(
  top: string,
  entries: InventoryEntry[],
  held: Map<string, Held>,
  dirs: Set<string>,
  caps: WalkCaps,
): RepoView {
  const lru = new Map<string, string>();
  const notebooks = new Map<string, FlatNotebook | null>();
  const read = (path: string): string | null => {
    let item = held.get(normalise(path));
    if (item?.aliasOf) item = held.get(item.aliasOf);
    if (!item || item.entry.skipped || item.entry.kind === "binary") return null;
    if (item.text !== undefined) return item.text;
    const cached = lru.get(item.entry.path);
    if (cached !== undefined) {
      lru.delete(item.entry.path);
      lru.set(item.entry.path, cached);
      return cached;
    }
    const bytes = readCapped(join(top, item.entry.path), capOf(item.entry, caps));
    if (typeof bytes === "string") return null;
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      return null;
    }
    lru.set(item.entry.path, text);
    if (lru.size > LRU_SIZE) lru.delete(lru.keys().next().value!);
    return text;
  };
  return {
    files: () => entries,
    has: (path) => held.has(normalise(path)),
    read,
    isDir: (path) => dirs.has(normalise(path)),
    *python(): Iterable<PythonSource> {
      for (const entry of entries) {
        if (entry.skipped) continue;
        if (entry.kind === "python") {
          const text = read(entry.path);
          if (text !== null) yield { path: entry.path, text };
        } else if (entry.kind === "notebook") {
          let flat = notebooks.get(entry.path);
          if (flat === undefined) {
            const text = read(entry.path);
            const result = text === null ? null : flattenNotebook(text);
            flat = result?.ok ? result.notebook : null;
            notebooks.set(entry.path, flat);
          }
          if (flat)
            yield {
              path: entry.path,
              text: flat.text,
              lineMap: flat.lineMap,
              ...(flat.shell.length ? { shell: flat.shell } : {}),
            };
        }
      }
    },
  };
}
