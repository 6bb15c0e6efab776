// The produced-files graph: what the pipeline writes itself (to_csv, np.save, torch.save, open(..., "w"),
// a shell step's unzip, cp, mkdir or redirection), so that a later read of it is not missing data. Pure.
import { shellWords } from "../../shell/shell-words.js";
import { inside, locate, sameFile, type Located } from "./located.js";

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
}

/** Does a file name say more than its extension (`oof_*.csv`, `best.pth`), or only that (`*.csv`, `*`, `*_*.npy`)? */
function named(base: string): boolean {
  return /[A-Za-z0-9]/.test(base.replace(/\.[A-Za-z0-9]+$/, "").replace(/\*/g, ""));
}

export class ProducedFiles {
  private readonly byBase = new Map<string, Edge[]>();
  private readonly wildBase: Edge[] = [];
  private readonly folders: Edge[] = [];

  constructor(writes: Iterable<Written>) {
    for (const w of writes) {
      const at = locate(w.path, w.fromFile);
      if (at.length === 0) continue;
      const edge: Edge = { at, by: w.by, what: w.what };
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
    const reads = locate(path, fromFile);
    if (reads.length === 0) return null;
    const base = reads[0]!.segs[reads[0]!.segs.length - 1] ?? "";
    const files =
      base.includes("*") || folder
        ? [...this.byBase.values()].flat().concat(this.wildBase)
        : [...(this.byBase.get(base) ?? []), ...this.wildBase];
    for (const edge of files) {
      // Only the extension in common is no match: the read names a file the pattern does not.
      const unnamedOnly = named(base) && (edge.nameless === true || (edge.extensionOnly === true && !weights));
      for (const r of reads)
        for (const w of edge.at) if ((!unnamedOnly && sameFile(r, w)) || (folder && inside(w, r))) return edge.by;
    }
    for (const edge of this.folders) {
      for (const r of reads) {
        for (const w of edge.at) {
          if (edge.what === "filled" && inside(r, w)) return edge.by;
          if (folder && sameFile(r, w)) return edge.by;
        }
      }
    }
    return null;
  }
}

/** What shell lines (a script, a README block) write: `mkdir`, `unzip -d`, `tar -C`, `cp`/`mv` targets,
 * `wget -O`, `curl -o`, `-p`/`--path` of downloaders, `> file`; `cd` is followed within the lines. */
export function shellWrites(file: string, lines: ReadonlyArray<{ line: number; text: string }>): Written[] {
  const out: Written[] = [];
  const vars = new Map<string, string>();
  const expand = (word: string) =>
    word.replace(/\$\{?([A-Za-z_]\w*)\}?/g, (whole, name: string) => vars.get(name) ?? whole);
  let cwd = "";
  const at = (dir: string, p: string) =>
    p.startsWith("/") || p.startsWith("$") || p.startsWith("~") || dir === "" ? p : `${dir}/${p}`;
  for (const { line, text } of lines) {
    // The operators alone, then trimmed: /\s*(?:&&|;)\s*/ would retry every space of a long run of spaces.
    for (const segment of text.split(/&&|\|\||;/).map((s) => s.trim())) {
      const [command = "", redirect] = segment.split(/\s>>?\s*/);
      let argv = shellWords(command.replace(/^\s*[!%]/, "")).map(expand);
      const bare = argv[0] === "export" ? argv.slice(1) : argv;
      const assign = bare.length === 1 ? /^([A-Za-z_]\w*)=(.*)$/.exec(bare[0]!) : null;
      if (assign) vars.set(assign[1]!, assign[2]!.replace(/^(["'])(.*)\1$/, "$2"));
      while (argv.length && /^(?:sudo|time|nohup|export|[A-Za-z_]\w*=\S*)$/.test(argv[0]!)) argv = argv.slice(1);
      const head = argv[0]?.replace(/^.*\//, "") ?? "";
      const args = argv.slice(1);
      const push = (path: string | undefined, what: Written["what"], from?: string[]) => {
        if (path && !/^-/.test(path) && path !== ".")
          out.push({
            path: at(cwd, path),
            by: `${file}:${line}`,
            what,
            fromFile: file,
            ...(from ? { from: from.map((p) => at(cwd, p)) } : {}),
          });
      };
      const opt = (...flags: string[]) => {
        const i = args.findIndex((a) => flags.includes(a));
        if (i >= 0) return args[i + 1];
        const joined = args.find((a) => flags.some((f) => f.startsWith("--") && a.startsWith(`${f}=`)));
        return joined?.slice(joined.indexOf("=") + 1);
      };
      if (redirect) push(shellWords(redirect)[0], "file");
      if (head === "cd" && args[0]) cwd = args[0].startsWith("/") ? args[0] : cwd ? `${cwd}/${args[0]}` : args[0];
      else if (head === "mkdir") for (const a of args) push(a, "made");
      else if (head === "unzip") {
        // `unzip x.zip -d dir`, or as READMEs write it, `unzip x.zip dir/`.
        const named = args.filter((a) => !a.startsWith("-"));
        push(
          opt("-d") ??
            (named.length >= 2 && named[named.length - 1]!.endsWith("/") ? named[named.length - 1] : cwd || "."),
          "filled",
        );
      } else if (head === "tar" && args.some((a) => /^-?[a-z]*x/.test(a)))
        push(opt("-C", "--directory") ?? (cwd || "."), "filled");
      else if (head === "7z" || head === "unrar")
        push(args.find((a) => a.startsWith("-o"))?.slice(2) ?? (cwd || "."), "filled");
      else if (head === "cp" || head === "mv" || head === "rsync" || head === "ln") {
        const paths = args.filter((a) => !a.startsWith("-"));
        const dest = paths[paths.length - 1];
        if (paths.length >= 2)
          push(
            dest,
            dest!.endsWith("/") || paths.length > 2 || paths.some((p) => p.includes("*")) ? "filled" : "file",
            paths.slice(0, -1),
          );
      } else if (head === "wget")
        push(
          opt("-O", "--output-document") ?? opt("-P", "--directory-prefix"),
          opt("-O", "--output-document") ? "file" : "filled",
        );
      else if (head === "curl") push(opt("-o", "--output"), "file");
      else if (head === "gdown") push(opt("-O", "--output"), "file");
      else if (
        head === "kaggle" ||
        head === "huggingface-cli" ||
        head === "gsutil" ||
        head === "aws" ||
        head === "azcopy"
      ) {
        const target =
          opt("-p", "--path", "--local-dir") ??
          (head === "gsutil" || head === "aws" || head === "azcopy" ? args[args.length - 1] : undefined);
        push(target ?? (cwd || "."), "filled");
      }
      // Any program's output option (`python infer.py --save-file preds/a.pkl`, `tools/test.py --out x.pkl`,
      // `--output_dir runs/`): the step writes there.
      for (const out of outputOptions(args)) push(out.path, out.what);
    }
  }
  return out;
}

/** Options whose name says the program writes its value: `--out`, `--output(-_)dir`, `--save-file`, `--dump-to`. */
const OUTPUT_OPTION =
  /^--?(?:out(?:put)?|save|dump|dest|dst|write|export)(?:[-_]?(?:dir|folder|path|file|to|name|root|prefix))*(?:[-_](?:dir|folder|path|file))?$/i;

/** The paths a command line's output options name: a folder option's value is filled, a file option's is that file. */
export function outputOptions(args: readonly string[]): Array<{ path: string; what: Written["what"] }> {
  const out: Array<{ path: string; what: Written["what"] }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!arg.startsWith("-") || !OUTPUT_OPTION.test(name)) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (!value || value.startsWith("-") || !/[\w]/.test(value)) continue;
    const folder = /dir|folder|root|prefix/i.test(name) || value.endsWith("/") || !/\.[A-Za-z0-9]{1,8}$/.test(value);
    out.push({ path: value.replace(/\/+$/, ""), what: folder ? "filled" : "file" });
  }
  return out;
}
