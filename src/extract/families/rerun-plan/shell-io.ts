// What a step's own command line reads and writes, beside the code it runs: what shell/shell-writes.ts reads
// (redirections, `mkdir`, `cp`/`mv` with their sources read, `unzip -d`, `wget -O`, output options such as
// `--out d/f.csv`), and the ultralytics CLI (`yolo train data=x.yaml`: the data yaml read,
// runs/<task>/<name>/weights/best.pt written). Paths as written, relative to the folder the command runs in. Pure.
import { runWords } from "../../shell/readme-commands.js";
import { commandWrites, shellSegments } from "../../shell/shell-writes.js";
import { isPlaceholderWord } from "../../shell/shell-words.js";

export interface CommandIo {
  mode: "read" | "write";
  path: string;
}

const YOLO_TASKS = new Set(["detect", "segment", "classify", "pose", "obb"]);

export function commandIo(command: string): CommandIo[] {
  const out: CommandIo[] = [];
  // A placeholder (`<output file>`, `[path to data]`) is the reader's to fill: no file of the repo.
  const local = (path: string) =>
    path !== "" && !/^[/~$&-]|^\d$|^\/dev\//.test(path) && !/[*?{}$`]/.test(path) && !isPlaceholderWord(path);
  for (const segment of shellSegments(command)) {
    for (const target of segment.redirects) if (local(target)) out.push({ mode: "write", path: target });
    const argv = runWords(segment.words).argv;
    const head = (argv[0] ?? "").replace(/^.*\//, "");
    if (head === "yolo" || head === "ultralytics") {
      out.push(...yoloIo(argv.slice(1), local));
      continue;
    }
    // `mv a b`: a read, b written; `mkdir d`, `--out f.csv`, `unzip x.zip -d d`: written.
    for (const write of commandWrites(argv)) {
      for (const source of write.from ?? []) if (local(source)) out.push({ mode: "read", path: source });
      if (local(write.path)) out.push({ mode: "write", path: write.path });
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
