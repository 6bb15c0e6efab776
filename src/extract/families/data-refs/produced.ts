// The produced-files graph: what the pipeline writes itself (to_csv, np.save, torch.save, open(..., "w"),
// a shell step's unzip, cp, mkdir or redirection), so that a later read of it is not missing data. Pure.
import { commandWrites, shellSegments, type ShellWrite } from "../../shell/shell-writes.js";
import { inside, locate, sameFile, segmentsMatch, type Located } from "./located.js";

export { outputOptions } from "../../shell/shell-writes.js";

export interface Written {
  path: string;
  /** Where the write is: "file:line". */
  by: string;
  /** "file": that file; "filled": a folder an archive is extracted or files are copied into; "made": a folder created empty. */
  what: "file" | "filled" | "made";
  /** The file whose folder a relative path starts from. */
  fromFile: string;
  /** cp, mv, rsync, ln: the sources it copies from (relative to the same folder as `path`). */
  from?: string[];
  /** A folder known by its name alone (an extracted archive's stem, `*\/<stem>`): only a read that names that
   * folder lies in it, not one whose unknown folder might be it. */
  named?: boolean;
}

interface Edge {
  at: Located[];
  by: string;
  what: Written["what"];
  /** A file pattern with no known name or folder (`{out}/{name}.pth`): it names no file, so it produces only
   * reads as unnamed as itself, never `pretrained/resnet50.pth`. */
  nameless?: boolean;
  /** A file pattern in a known folder whose name is only unknown parts and an extension (`features/{k}.csv`):
   * it makes some csv there, not `features/stage_1_train.csv`; only a checkpoint loaded from that folder may
   * be its file (a training names its checkpoints at run time). */
  extensionOnly?: boolean;
  /** The path as written, when it climbs out of the writer's folder (`../input/x.p`). */
  climbs?: string;
  /** The writer's folder. */
  dir: string;
  named?: boolean;
}

/** A relative path's segments past its climb out of the folder (`../input/x.p`: input, x.p). */
const climbed = (p: string) => p.split("/").filter((s) => s !== "" && s !== "." && s !== "..");

/** A search for names holding some text (`glob("feats/*col1_user_id*")`) against a formatted name
 * (`feats/lda_col1_{}_col2_{}.parquet`): the text may be what a field of the name is filled with. */
function searchMeets(read: Located, write: Located): boolean {
  const [r, w] = [read.segs, write.segs];
  const base = r[r.length - 1] ?? "";
  if (!/^\*[^*]*[A-Za-z0-9][^*]*\*$/.test(base) || !w[w.length - 1]?.includes("*") || r.length < 2 || w.length < 2)
    return false;
  const folder = (l: Located): Located => ({ segs: l.segs.slice(0, -1), anchored: l.anchored });
  return sameFile(folder(read), folder(write)) && fitsWith(base.slice(1, -1), w[w.length - 1]!);
}

/** Can the text stand inside some name the pattern makes, its fields filled in (`col1_user_id` in
 * `lda_col1_*_col2_*.parquet`), a word of it in the pattern's fixed text (a text fields alone hold says nothing)? */
function fitsWith(text: string, pattern: string): boolean {
  const fixed = pattern.split("*");
  if (!text.split(/[^A-Za-z0-9]+/).some((w) => w.length >= 3 && fixed.some((f) => f.includes(w)))) return false;
  // Positions in the pattern the text may have reached; it may start anywhere, in fixed text or in a field.
  let at = new Set<number>();
  for (let j = 0; j <= pattern.length; j++) at.add(j);
  for (const ch of text) {
    const next = new Set<number>();
    for (const j of at) {
      if (pattern[j] === "*") next.add(j); // a field takes this character and may take more
      if (pattern[j] === ch) next.add(j + 1);
      if (pattern[j] === "*" && pattern[j + 1] === ch) next.add(j + 2); // the field ends here
    }
    at = next;
    if (at.size === 0) return false;
  }
  return true;
}

/** Does a file name say more than its extension (`oof_*.csv`, `best.pth`), or only that (`*.csv`, `*`, `*_*.npy`)? */
function named(base: string): boolean {
  return /[A-Za-z0-9]/.test(base.replace(/\.[A-Za-z0-9]+$/, "").replace(/\*/g, ""));
}

export class ProducedFiles {
  private readonly byBase = new Map<string, Edge[]>();
  private readonly wildBase: Edge[] = [];
  private readonly folders: Edge[] = [];

  /** `apart`: whether a reading file and a writing file lie in different sub-projects (project-trees.ts): there a
   * write makes a read only where both paths are known from the root and agree, never through a shared tail. */
  constructor(
    writes: Iterable<Written>,
    private readonly apart: (reader: string, writer: string) => boolean = () => false,
  ) {
    for (const w of writes) {
      // A leading unknown root joined without a slash (`folder + 'config.json'`) may end in one: the file may
      // lie in any folder, not only beside the writer.
      const at = locate(w.path, w.fromFile).concat(/^\*[^*/]/.test(w.path) ? locate(`*/${w.path}`, w.fromFile) : []);
      if (at.length === 0) continue;
      const edge: Edge = {
        at,
        by: w.by,
        what: w.what,
        dir: w.fromFile.slice(0, Math.max(0, w.fromFile.lastIndexOf("/"))),
        ...(w.path.startsWith("../") ? { climbs: w.path } : {}),
        ...(w.named ? { named: true } : {}),
      };
      if (w.what !== "file") {
        this.folders.push(edge);
        continue;
      }
      const base = at[0]!.segs[at[0]!.segs.length - 1] ?? "";
      if (base.includes("*") && !named(base)) {
        if (at.every((l) => l.segs.length === 1)) edge.nameless = true;
        else edge.extensionOnly = true;
      }
      if (base.includes("*")) this.wildBase.push(edge);
      else (this.byBase.get(base) ?? this.byBase.set(base, []).get(base)!).push(edge);
    }
  }

  /** The write that makes `path` (read from `fromFile`; `folder`: the read lists a folder; `weights`: it loads a
   * checkpoint), or null. */
  producer(path: string, fromFile: string, folder: boolean, weights = false): string | null {
    return this.producers(path, fromFile, folder, weights, 1)[0] ?? null;
  }

  /** Every write that may make `path`, files before folders, at most `limit`: a glob of per-step outputs fits
   * the writes of several scripts, and any one of them that a step runs makes it. */
  producers(path: string, fromFile: string, folder: boolean, weights = false, limit = 50): string[] {
    const out: string[] = [];
    const reads = locate(path, fromFile);
    if (reads.length === 0) return out;
    const found = (by: string) => {
      if (!out.includes(by)) out.push(by);
      return out.length >= limit;
    };
    const base = reads[0]!.segs[reads[0]!.segs.length - 1] ?? "";
    const files =
      base.includes("*") || folder
        ? [...this.byBase.values()].flat().concat(this.wildBase)
        : [...(this.byBase.get(base) ?? []), ...this.wildBase];
    const writerOf = (edge: Edge) => edge.by.replace(/:\d+$/, "");
    // Another sub-project's write: only a path known whole on both sides.
    const whole = (edge: Edge) => (r: Located, w: Located) =>
      !this.apart(fromFile, writerOf(edge)) || (r.anchored && w.anchored);
    for (const edge of files) {
      // Only the extension in common is no match: the read names a file the pattern does not.
      const unnamedOnly = named(base) && (edge.nameless === true || (edge.extensionOnly === true && !weights));
      const known = whole(edge);
      const hit = reads.some((r) =>
        edge.at.some(
          (w) => known(r, w) && ((!unnamedOnly && (sameFile(r, w) || searchMeets(r, w))) || (folder && inside(w, r))),
        ),
      );
      if (hit && found(edge.by)) return out;
    }
    // Team folders side by side, each run from its own folder (`a/feats.py` writes `../input/x.p`, `b/m/lgb.py`
    // reads `../input/x.p`): the same relative path names the one data folder beside each working folder. (A
    // write into another folder, `../output/x.p`, is not it: someone must copy it over, and nothing says so.)
    const dir = fromFile.slice(0, Math.max(0, fromFile.lastIndexOf("/")));
    if (out.length === 0 && !folder && path.startsWith("../") && named(base)) {
      const want = climbed(path);
      for (const edge of files) {
        if (edge.climbs === undefined || edge.dir === dir || edge.nameless || edge.extensionOnly) continue;
        const got = climbed(edge.climbs);
        if (got.length === want.length && got.every((g, i) => segmentsMatch(g, want[i]!)) && found(edge.by)) return out;
      }
    }
    for (const edge of this.folders) {
      const names = (r: Located, w: Located) => !edge.named || r.segs.slice(0, -1).includes(w.segs[w.segs.length - 1]!);
      const known = whole(edge);
      const hit = reads.some((r) =>
        edge.at.some(
          (w) => names(r, w) && known(r, w) && ((edge.what === "filled" && inside(r, w)) || (folder && sameFile(r, w))),
        ),
      );
      if (hit && found(edge.by)) return out;
    }
    return out;
  }
}

/** What shell lines (a script, a README block) write (see shell/shell-writes.ts), from the folder `cd` moved to
 * within the lines, with the variables the lines set expanded. */
export function shellWrites(
  file: string,
  lines: ReadonlyArray<{ line: number; text: string }>,
  /** Where the lines' relative paths start, as a file path in that folder (default: `file` itself). */
  from: string = file,
): Written[] {
  const out: Written[] = [];
  const vars = new Map<string, string>();
  const expand = (word: string) =>
    word.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (whole, name: string) => vars.get(name) ?? whole);
  let cwd = "";
  const at = (dir: string, p: string) =>
    p.startsWith("/") || p.startsWith("$") || p.startsWith("~") || dir === "" ? p : `${dir}/${p}`;
  for (const { line, text } of lines) {
    for (const segment of shellSegments(text)) {
      // A notebook's `!mkdir x`, `%cd src`: the magic's mark is no part of the command.
      const words = segment.words.map((w, i) => (i === 0 ? w.replace(/^[!%]/, "") : w)).filter((w) => w !== "");
      let argv = words.map(expand);
      // `export X=1`, and a function's `local X=...` (`declare`, `readonly`): an assignment all the same.
      const bare = /^(?:export|local|declare|readonly)$/.test(argv[0] ?? "") ? argv.slice(1) : argv;
      const assign = bare.length === 1 ? /^([A-Za-z_]\w*)=(.*)$/.exec(bare[0]!) : null;
      if (assign) vars.set(assign[1]!, assign[2]!.replace(/^(["'])(.*)\1$/, "$2"));
      while (argv.length && /^(?:sudo|time|nohup|export|local|declare|readonly|[A-Za-z_]\w*=\S*)$/.test(argv[0]!))
        argv = argv.slice(1);
      const writes: ShellWrite[] = segment.redirects.map((r) => ({ path: expand(r), what: "file" }));
      const head = argv[0]?.replace(/^.*\//, "") ?? "";
      if (head === "cd" && argv[1]) cwd = argv[1].startsWith("/") ? argv[1] : cwd ? `${cwd}/${argv[1]}` : argv[1];
      else if (head !== "cd") writes.push(...commandWrites(argv));
      for (const w of writes) {
        // "": the folder the command runs in; at the lines' own folder that is no path of its own.
        if (w.path === "" && cwd === "") continue;
        out.push({
          path: w.path === "" ? cwd : at(cwd, w.path),
          by: `${file}:${line}`,
          what: w.what,
          fromFile: from,
          ...(w.from ? { from: w.from.map((p) => at(cwd, p)) } : {}),
        });
      }
    }
  }
  return out;
}
