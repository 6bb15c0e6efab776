// A training config names its input files as values (`data.train_csv: [/kaggle/input/x/train.csv]`,
// `train_list: data/train_clean.csv`): the run reads them as it would a path in code. Only a config a command
// loads counts (`--config configs/a.yaml`), only keys named for an input file, never an output's or a
// checkpoint's, and only values that name a file. Pure.

export interface ConfigInput {
  line: number;
  /** The key's dotted path (`data.train_csv`). */
  key: string;
  value: string;
}

/** Keys named for an input file: `train_csv`, `train_list`, `csv_path`, `label_file`, `valid_files`. */
const INPUT_KEY = /(?:^|_)(?:csv|tsv|list|lists|path|paths|file|files|parquet|json|pkl)$/i;
/** Keys (or sections) of what the run writes or loads as a model: never an input of data. */
const NOT_INPUT =
  /^(?:out|save|log|export|dump|result|submission|pred|oof|tensorboard|wandb|work_?dir|exp)|ckpt|checkpoint|weight|pretrain|resume|model|cache|tmp|temp|tokenizer|backbone|output/i;
/** A value that names a file: a path-like string with an extension, no URL, no interpolation. */
const FILE_VALUE = /^(?![a-z][\w+.-]*:\/\/)[\w.~\/-]*[\w-]\.[A-Za-z][A-Za-z0-9]{0,7}$/;
const WEIGHTS = /\.(?:pt|pth|ckpt|bin|safetensors|h5|hdf5|keras|onnx|pb|tflite|params|weights|ya?ml|py)$/i;
const MAX_INPUTS = 100;

/** The input files a YAML config names, with their line and key path. */
export function configInputs(text: string): ConfigInput[] {
  const out: ConfigInput[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  /** A key with no value on its line, whose list items follow (`train_csv:` then `  - a.csv`). */
  let open: { indent: number; key: string } | null = null;
  const add = (line: number, key: string, raw: string) => {
    const value = unquote(raw);
    const names = key.split(".");
    if (out.length >= MAX_INPUTS || !INPUT_KEY.test(names[names.length - 1]!)) return;
    if (names.some((n) => NOT_INPUT.test(n)) || !FILE_VALUE.test(value) || WEIGHTS.test(value)) return;
    out.push({ line, key, value });
  };
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, "");
    if (line.trim() === "" || /^\s*#/.test(line)) return;
    const item = /^(\s*)-\s+(.*)$/.exec(line);
    if (item && open && item[1]!.length >= open.indent) {
      add(i + 1, open.key, item[2]!);
      return;
    }
    const keyed = /^(\s*)([A-Za-z_][\w.-]*)\s*:(?:\s+(.*))?$/.exec(line);
    if (!keyed) return;
    const indent = keyed[1]!.length;
    while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
    stack.push({ indent, key: keyed[2]! });
    const key = stack.map((s) => s.key).join(".");
    const value = (keyed[3] ?? "").trim();
    open = value === "" ? { indent, key } : null;
    if (value.startsWith("[") && value.endsWith("]")) for (const v of value.slice(1, -1).split(",")) add(i + 1, key, v);
    else if (value !== "") add(i + 1, key, value);
  });
  return out;
}

function unquote(raw: string): string {
  const v = raw.trim();
  const m = /^(["'])(.*)\1$/.exec(v);
  return (m ? m[2]! : v).trim();
}

/** The YAML configs the commands load: a `*.yaml` word of a README command or a script that names a config of
 * the repo, as written or from the command's folder. */
export function loadedConfigs(
  commands: ReadonlyArray<{ text: string; cwd: string }>,
  configs: readonly string[],
): string[] {
  const known = new Set(configs);
  const out = new Set<string>();
  for (const c of commands)
    for (const m of c.text.matchAll(/(?:^|[\s='"])((?:\.\/)?[\w.\/-]+\.ya?ml)\b/g)) {
      const word = m[1]!.replace(/^\.\//, "");
      const joined = c.cwd && c.cwd !== "." ? normal(`${c.cwd}/${word}`) : word;
      if (known.has(joined)) out.add(joined);
      else if (known.has(word)) out.add(word);
    }
  return [...out].sort();
}

/** `a/b/../c` as `a/c`. */
function normal(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}
