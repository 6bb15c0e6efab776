// GPU ids a training hard-codes: `os.environ["CUDA_VISIBLE_DEVICES"] = "3"`, `torch.cuda.set_device(2)`,
// `device_ids=[0,1,2,3]`, `cuda:1`, a `--gpus 0,1,2,3` default, `CUDA_VISIBLE_DEVICES=2,3 python x.py` in a
// script. A rerun on a one-GPU machine fails there or runs on another device; GPU 0 alone is what any GPU
// machine has (read, for the rule to pass), and a single `--gpus N` is a count, not an id. A docstring's example
// runs nothing, and a shell assignment alone on its line sets a shell variable no program sees. Pure.
import { docstringLines } from "./docstring-lines.js";

export interface GpuIds {
  line: number;
  /** The ids as written, comma-joined ("2,3"). */
  value: string;
  /** What sets them: the variable, call, keyword or option. */
  name: string;
}

const IDS = String.raw`(\d{1,2}(?:\s*,\s*\d{1,2})*)`;
/** `keyed`: the pattern captures the keyword as its first group and the id as its second. */
const PYTHON: ReadonlyArray<{ re: RegExp; name: string | null; list?: true; keyed?: true }> = [
  {
    re: new RegExp(
      String.raw`(?:environ\[\s*['"]CUDA_VISIBLE_DEVICES['"]\s*\]\s*=|environ\.setdefault\(\s*['"]CUDA_VISIBLE_DEVICES['"]\s*,|putenv\(\s*['"]CUDA_VISIBLE_DEVICES['"]\s*,)\s*['"]${IDS}['"]`,
    ),
    name: "CUDA_VISIBLE_DEVICES",
  },
  { re: /\btorch\.cuda\.set_device\(\s*(\d{1,2})\s*\)/, name: "torch.cuda.set_device" },
  { re: new RegExp(String.raw`\bdevice_ids\s*=\s*\[\s*${IDS}\s*\]`), name: "device_ids" },
  { re: /['"](cuda:\d{1,2})['"]/, name: null },
  { re: /\.cuda\(\s*(\d{1,2})\s*\)/, name: ".cuda" },
  // Gradient-boosting libraries pick their GPU by a keyword or a params-dict key: XGBoost's `gpu_id=1`,
  // LightGBM's `gpu_device_id=1`.
  { re: /\b(gpu_id|gpu_device_id)['"]?\s*[=:]\s*['"]?(\d{1,2})\b/, name: null, keyed: true },
];
/** An option naming GPU ids, its default a number or a list: `--gpus` only as a list (a single value is a count). */
const OPTION = new RegExp(
  String.raw`['"](--gpus|--gpu|--gpu[_-]ids?|--device[_-]ids)['"][^#]*?\bdefault\s*=\s*(?:['"\[]\s*)?${IDS}`,
);

/** Hard-coded GPU ids in Python text, line by line (comments left out). */
export function pythonGpuIds(text: string): GpuIds[] {
  if (!/CUDA_VISIBLE_DEVICES|set_device|device_ids|cuda|--gpu|--device|gpu_id|gpu_device_id/.test(text)) return [];
  const out: GpuIds[] = [];
  const prose = docstringLines(text);
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/^\s*#.*$/, "");
    if (line.length > 2000 || prose.has(i + 1)) return;
    for (const p of PYTHON) {
      const m = p.re.exec(line);
      if (!m) continue;
      if (p.keyed) {
        push(out, i + 1, m[2]!, m[1]!, false);
        continue;
      }
      const value = m[1]!.startsWith("cuda:") ? m[1]!.slice(5) : m[1]!;
      push(out, i + 1, value, p.name ?? m[1]!, false);
    }
    const opt = OPTION.exec(line);
    if (opt) push(out, i + 1, opt[2]!, opt[1]!, opt[1] === "--gpus");
  });
  return out;
}

const SHELL_ENV = /(?:^|[\s;&|(])(?:export\s+)?CUDA_VISIBLE_DEVICES=["']?(\d{1,2}(?:,\d{1,2})*)["']?(?=\s|;|$)/;
const SHELL_OPTION = /\s(--gpus|--gpu|--gpu[_-]ids?|--device[_-]ids)[=\s]["']?(\d{1,2}(?:,\d{1,2})*)["']?(?=\s|;|$)/;

/** The assignment alone, or ended by `;`, `&&`, `||` or `&` before a command: bash keeps it in the shell. */
const BARE_ENV = /^\s*CUDA_VISIBLE_DEVICES=["']?\d{1,2}(?:,\d{1,2})*["']?\s*(?:$|#|;|&&|\|\||&(?!>))/;
/** What passes a shell variable on after all: `export` or `declare -x` of it, `set -a`, or reading it back. */
const PASSED_ON =
  /\b(?:export|declare\s+-\w*x\w*)\s+(?:\w+=\S*\s+)*CUDA_VISIBLE_DEVICES\b(?!=)|\$\{?CUDA_VISIBLE_DEVICES\b/;
const ALLEXPORT = /^\s*set\s+(?:-\w*a\w*|-o\s+allexport)\b/;

/** Hard-coded GPU ids in a shell script's lines (comments left out). A bare `CUDA_VISIBLE_DEVICES=2,3` line sets a
 * shell variable: the programs the script runs see it only when it is exported (then, `set -a` before), or used. */
export function shellGpuIds(text: string): GpuIds[] {
  if (!/CUDA_VISIBLE_DEVICES|--gpu|--device/.test(text)) return [];
  const out: GpuIds[] = [];
  const lines = text.split("\n").map((raw) => raw.replace(/^\s*#.*$/, ""));
  let allexport = false;
  const lastPassedOn = lines.findLastIndex((l) => l.length <= 2000 && PASSED_ON.test(l));
  lines.forEach((line, i) => {
    if (line.length > 2000) return;
    if (ALLEXPORT.test(line)) allexport = true;
    const env = SHELL_ENV.exec(line);
    const continued = i > 0 && /\\\s*$/.test(lines[i - 1]!);
    const bare = env && BARE_ENV.test(line) && !continued && !allexport;
    if (env && (!bare || lastPassedOn > i)) push(out, i + 1, env[1]!, "CUDA_VISIBLE_DEVICES", false);
    const opt = SHELL_OPTION.exec(line);
    if (opt) push(out, i + 1, opt[2]!, opt[1]!, opt[1] === "--gpus");
  });
  return out;
}

/** Every selection by id, GPU 0 alone included (the rule passes it); a lone value of a count option is no id, and a
 * `cuda:0` string is the usual device, no selection. */
function push(out: GpuIds[], line: number, written: string, name: string, countWhenSingle: boolean): void {
  const ids = written.split(",").map((s) => s.trim());
  if (ids.length === 1 && (countWhenSingle || (ids[0] === "0" && name.startsWith("cuda:")))) return;
  out.push({ line, value: ids.join(","), name });
}
