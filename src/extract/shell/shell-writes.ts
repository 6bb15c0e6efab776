// What one shell command writes, read once for every caller: redirections (`> out.csv`, `2> log`), `tee`, `mkdir`,
// `cp`/`mv`/`rsync`/`ln` targets (with what they copy), `unzip -d`, `tar -C`, `7z -o`, `wget -O`/`-P`,
// `curl -o`, `gdown -O`, downloaders' `-p`/`--path`, and any program's output options. Paths as written. Pure.
import { shellWords } from "./shell-words.js";

export type WriteKind = "file" | "filled" | "made";

export interface ShellWrite {
  /** As written; "" for the folder the command runs in (an archive extracted where it stands). */
  path: string;
  /** "file": that file; "filled": a folder files are extracted or copied into; "made": a folder created empty. */
  what: WriteKind;
  /** cp, mv, rsync, ln: the sources they copy from. */
  from?: string[];
}

/** One command of a line: its words, and the targets of its output redirections. */
export interface ShellSegment {
  words: string[];
  redirects: string[];
}

/** A line's commands (split at `&&`, `||`, `;` and `|`), each with its redirections taken out of its words. */
export function shellSegments(line: string): ShellSegment[] {
  const out: ShellSegment[] = [];
  for (const segment of line.split(/&&|\|\||;|\|/)) {
    const words: string[] = [];
    const redirects: string[] = [];
    const all = shellWords(segment.trim());
    for (let i = 0; i < all.length; i++) {
      const redirect = /^\d?>>?(.*)$/.exec(all[i]!);
      if (!redirect) {
        words.push(all[i]!);
        continue;
      }
      const target = redirect[1] !== "" ? redirect[1]! : (all[++i] ?? "");
      // `2>&1` joins streams; it names no file.
      if (target !== "" && !target.startsWith("&")) redirects.push(target);
    }
    if (words.length > 0 || redirects.length > 0) out.push({ words, redirects });
  }
  return out;
}

/** What a command (its words after prefixes such as `sudo` or `VAR=x`) writes, by its program. */
export function commandWrites(argv: readonly string[]): ShellWrite[] {
  const head = argv[0]?.replace(/^.*\//, "") ?? "";
  const args = argv.slice(1);
  const out: ShellWrite[] = [];
  const push = (path: string | undefined, what: WriteKind, from?: string[]) => {
    if (path !== undefined && !/^-/.test(path) && path !== ".") out.push({ path, what, ...(from ? { from } : {}) });
  };
  const opt = (...flags: string[]) => {
    const i = args.findIndex((a) => flags.includes(a));
    if (i >= 0) return args[i + 1];
    const joined = args.find((a) => flags.some((f) => f.startsWith("--") && a.startsWith(`${f}=`)));
    return joined?.slice(joined.indexOf("=") + 1);
  };
  if (head === "mkdir") for (const a of args) push(a, "made");
  else if (head === "tee") for (const a of args) push(a, "file");
  else if (head === "unzip") {
    // `unzip x.zip -d dir`, or as READMEs write it, `unzip x.zip dir/`.
    const named = args.filter((a) => !a.startsWith("-"));
    push(
      opt("-d") ?? (named.length >= 2 && named[named.length - 1]!.endsWith("/") ? named[named.length - 1] : ""),
      "filled",
    );
  } else if (head === "tar" && args.some((a) => /^-?[a-z]*x/.test(a))) push(opt("-C", "--directory") ?? "", "filled");
  else if (head === "7z" || head === "unrar") push(args.find((a) => a.startsWith("-o"))?.slice(2) ?? "", "filled");
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
    push(target ?? "", "filled");
  }
  // Any program's output option (`python infer.py --save-file preds/a.pkl`, `tools/test.py --out x.pkl`,
  // `--output_dir runs/`): the command writes there.
  for (const o of outputOptions(args, SHORT_OUTPUT.test(head))) {
    push(o.path, o.what);
    // `fasttext skipgram -output model/m` writes model/m.bin and model/m.vec: a tool given a name without an
    // extension may add its own, so the name is also the stem of the files it writes.
    if (o.stem) push(`${o.path}.*`, "file");
  }
  return out;
}

/** Programs whose `-o` names an output (a script, a compiler, fasttext); elsewhere it is often a flag (`unzip -o`
 * overwrites, `grep -o` prints only matches). */
const SHORT_OUTPUT =
  /^(?:python[\d.]*|bash|sh|Rscript|[\w.-]+\.(?:py|sh|R)|gcc|g\+\+|clang|nvcc|pandoc|sort|fasttext)$/;

/** Options whose name says the program writes its value: `--out`, `--output(-_)dir`, `--save-file`, `--dump-to`,
 * `--output_json`, `--submission`, `--sub-file`. */
const OUTPUT_OPTION =
  /^--?(?:(?:out(?:put)?|save|dump|dest|dst|write|export)(?:[-_]?(?:dir|folder|path|file|to|name|root|prefix))*(?:[-_](?:dir|folder|path|file|json|jsonl|csv|tsv|txt|pkl|pickle|parquet|npy|h5|pth?|ckpt|model))?|submission|sub[-_]?file)$/i;

/** The paths a command line's output options name: a folder option's value is filled, a file option's is that file. */
export function outputOptions(
  args: readonly string[],
  /** The program's `-o` names an output too. */
  short = false,
): Array<{ path: string; what: WriteKind; stem?: true }> {
  const out: Array<{ path: string; what: WriteKind; stem?: true }> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!arg.startsWith("-") || !(OUTPUT_OPTION.test(name) || (short && name === "-o"))) continue;
    const value = eq > 0 ? arg.slice(eq + 1) : args[i + 1];
    if (!value || value.startsWith("-") || !/[\w]/.test(value)) continue;
    const folderNamed = /dir|folder|root|prefix/i.test(name) || value.endsWith("/");
    const folder = folderNamed || !/\.[A-Za-z0-9]{1,8}$/.test(value);
    // A file option given a bare name (`-output model/m`): a folder, or the stem a tool adds its extension to.
    const stem = !folderNamed && folder && /[A-Za-z0-9]$/.test(value);
    out.push({
      path: value.replace(/\/+$/, ""),
      what: folder ? "filled" : "file",
      ...(stem ? { stem: true as const } : {}),
    });
  }
  return out;
}
