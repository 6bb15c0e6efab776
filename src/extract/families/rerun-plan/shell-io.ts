// What a step's own command line reads and writes, beside the code it runs: redirections (`> out.csv`),
// `mv`/`cp` (the source read, the target written), `mkdir -p d`, output options (`--out d/f.csv`), and the
// ultralytics CLI (`yolo train data=x.yaml`: the data yaml read, runs/<task>/<name>/weights/best.pt
// written). Paths as written, relative to the folder the command runs in. Pure.
import { runWords } from "../../shell/readme-commands.js";
import { shellWords } from "../../shell/shell-words.js";

export interface CommandIo {
  mode: "read" | "write";
  path: string;
}

/** Output options whose value is a file or folder the program writes. */
const OUTPUT_OPTION =
  /^--?(?:out|output|outdir|out[_-]?dir|output[_-]?dir|output[_-]?file|out[_-]?file|save[_-]?dir|save[_-]?path|submission|sub[_-]?file)$/i;
const YOLO_TASKS = new Set(["detect", "segment", "classify", "pose", "obb"]);

export function commandIo(command: string): CommandIo[] {
  const out: CommandIo[] = [];
  const local = (path: string) => path !== "" && !/^[/~$&-]|^\d$|^\/dev\//.test(path) && !/[*?{}$`]/.test(path);
  for (const segment of command.split(/&&|\|\||;|\|(?!\|)/)) {
    const words = shellWords(segment.trim());
    // Redirections: `> f`, `>> f`, `>f`, `2> f` (but not `2>&1`).
    const kept: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const redirect = /^\d?>>?(.*)$/.exec(w);
      if (redirect) {
        const target = redirect[1] !== "" ? redirect[1]! : (words[++i] ?? "");
        if (local(target)) out.push({ mode: "write", path: target });
        continue;
      }
      kept.push(w);
    }
    const argv = runWords(kept).argv;
    const head = (argv[0] ?? "").replace(/^.*\//, "");
    const rest = argv.slice(1).filter((a) => !a.startsWith("-"));
    if ((head === "mv" || head === "cp") && rest.length >= 2) {
      for (const source of rest.slice(0, -1)) if (local(source)) out.push({ mode: "read", path: source });
      if (local(rest[rest.length - 1]!)) out.push({ mode: "write", path: rest[rest.length - 1]! });
    } else if (head === "mkdir") {
      for (const dir of rest) if (local(dir)) out.push({ mode: "write", path: dir });
    } else if (head === "yolo" || head === "ultralytics") out.push(...yoloIo(argv.slice(1), local));
    else {
      for (let i = 1; i < argv.length; i++) {
        const m = /^(--?[\w-]+)(?:=(.*))?$/.exec(argv[i]!);
        if (!m || !OUTPUT_OPTION.test(m[1]!)) continue;
        const value = m[2] ?? argv[i + 1] ?? "";
        if (local(value)) out.push({ mode: "write", path: value });
      }
    }
  }
  return out;
}

/** `yolo [task] mode key=value ...`: its data and model files read, its run folder written. */
function yoloIo(args: string[], local: (path: string) => boolean): CommandIo[] {
  const out: CommandIo[] = [];
  const words = args.filter((a) => !a.includes("="));
  const task = YOLO_TASKS.has(words[0] ?? "") ? words[0]! : "detect";
  const mode = (YOLO_TASKS.has(words[0] ?? "") ? words[1] : words[0]) ?? "";
  const kv = new Map(
    args.filter((a) => a.includes("=")).map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]),
  );
  for (const key of ["data", "cfg", "source"])
    if (kv.has(key) && local(kv.get(key)!)) out.push({ mode: "read", path: kv.get(key)! });
  const model = kv.get("model");
  // A bare `yolov8n.pt` is fetched by name; a path is the repo's or an earlier step's.
  if (model && local(model) && (model.includes("/") || /\.ya?ml$/.test(model))) out.push({ mode: "read", path: model });
  const folder = `${kv.get("project") ?? `runs/${task}`}/${kv.get("name") ?? mode}`;
  if (mode === "train" && local(folder))
    out.push(
      { mode: "write", path: `${folder}/weights/best.pt` },
      { mode: "write", path: `${folder}/weights/last.pt` },
    );
  else if ((mode === "predict" || mode === "val") && local(folder)) out.push({ mode: "write", path: folder });
  return out;
}
