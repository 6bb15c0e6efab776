// GPU counts a training fixes: a launcher's process count in a script (`torchrun --nproc_per_node=8`,
// `python -m torch.distributed.launch --nproc_per_node 8`, `accelerate launch --num_processes 8`, `deepspeed
// --num_gpus 8`), a training's own `--gpus 8` or Hydra override (`trainer.gpus=8`), a GPU-count variable
// (`N_GPUS = 3`), a Lightning `Trainer(gpus=8)` or `Trainer(devices=8)`, `mp.spawn(..., nprocs=8)`, an argparse
// default, a config key (`num_gpus: 8`). One GPU is any GPU machine; a
// count read from an argument or the machine fixes nothing; a launcher's one process is read (the rule passes it),
// a variable or key of 1 is not (`world_size = 1` is every single-process script). Pure.
import { docstringLines } from "./docstring-lines.js";

export interface GpuCount {
  line: number;
  value: number;
  /** What fixes it: the option, variable, or call and keyword. */
  name: string;
}

const SHELL =
  /(?:^|\s)(--nproc[_-]per[_-]node|--num[_-]processes|--num[_-]gpus|--n[_-]?gpus|--gpus)(?:=|\s+)["']?(\d{1,3})["']?(?=\s|;|$)/;
/** A Hydra override of a GPU count on a training's command line: `trainer.gpus=8`, `training.num_gpus=4`. */
const OVERRIDE = /(?:^|\s)((?:[A-Za-z_]\w*\.)*(?:gpus|devices|num_gpus|n_gpus))=(\d{1,3})(?=\s|;|$)/;
/** A variable or key whose name is a GPU or process count. */
const COUNT_NAME =
  /^(?:n_?gpus?|num_?gpus|ngpus?|gpu_?count|num_?devices|n_?devices|nprocs|nproc_per_node|num_processes|world_size)$/i;
const ASSIGN = /^\s*(?:[A-Za-z_][\w.]*\.)?([A-Za-z_]\w*)\s*(?::\s*int\s*)?=\s*(\d{1,3})\s*(?:#.*)?$/;
const OPTION = /['"]--?([\w-]+)['"][^#]*?\bdefault\s*=\s*(\d{1,3})\b(?!\s*[,.\]]\s*\d)/;
const TRAINER = /\b(?:pl\.|L\.|lightning\.)?Trainer\s*\(/;
const SPAWN = /\bspawn\s*\([^#]*?\bnprocs\s*=\s*(\d{1,3})\b/;

const counted = (value: string) => Number(value) >= 2;
/** `gpus` alone is a count where its value is one number (a list of ids is read as GPU ids). */
const isCountName = (name: string) => COUNT_NAME.test(name) || name === "gpus";

/** Process counts a shell script's launchers fix (comments left out). */
export function shellGpuCounts(text: string): GpuCount[] {
  if (!/--nproc|--num[_-]processes|gpus|devices=/.test(text)) return [];
  const out: GpuCount[] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/^\s*#.*$/, "");
    const m = line.length <= 2000 ? SHELL.exec(line) : null;
    if (m && Number(m[2]) >= 1)
      out.push({ line: i + 1, value: Number(m[2]), name: `--${m[1]!.slice(2).replace(/-/g, "_")}` });
    const o = !m && line.length <= 2000 ? OVERRIDE.exec(line) : null;
    if (o && Number(o[2]) >= 1) out.push({ line: i + 1, value: Number(o[2]), name: o[1]! });
  });
  return out;
}

/** GPU counts a Python text fixes (comments and docstrings left out). */
export function pythonGpuCounts(text: string): GpuCount[] {
  if (!/gpu|nproc|num_processes|world_size|devices|Trainer/i.test(text)) return [];
  const out: GpuCount[] = [];
  const prose = docstringLines(text);
  const lines = text
    .split("\n")
    .map((raw, i) => (prose.has(i + 1) || raw.length > 2000 ? "" : raw.replace(/#.*$/, "")));
  lines.forEach((line, i) => {
    const at = (value: string, name: string) => counted(value) && out.push({ line: i + 1, value: Number(value), name });
    const assign = ASSIGN.exec(line);
    if (assign && COUNT_NAME.test(assign[1]!)) at(assign[2]!, assign[1]!);
    const option = OPTION.exec(line);
    if (option && isCountName(option[1]!.replace(/-/g, "_"))) at(option[2]!, `--${option[1]}`);
    const spawn = SPAWN.exec(line);
    if (spawn) at(spawn[1]!, "spawn(nprocs)");
    const trainer = TRAINER.exec(line);
    if (trainer) {
      const args = callArguments(lines, i, (trainer.index ?? 0) + trainer[0].length);
      const kw = /\b(gpus|devices|num_processes)\s*=\s*(\d{1,3})\b(?!\s*[.\]])/.exec(args);
      if (kw) at(kw[2]!, `Trainer(${kw[1]})`);
    }
  });
  return out;
}

/** The count a config key fixes (`num_gpus: 8`, `trainer.gpus: 4`, accelerate's `num_processes: 8`), or null. */
export function configGpuCount(key: string, value: string): number | null {
  const last = key.slice(key.lastIndexOf(".") + 1);
  if (!isCountName(last) && last !== "devices") return null;
  const v = value.trim().replace(/^["']|["']$/g, "");
  return /^\d{1,3}$/.test(v) && counted(v) ? Number(v) : null;
}

/** A call's argument text from just after its `(`, across lines until the parentheses balance (capped). */
function callArguments(lines: readonly string[], i: number, from: number): string {
  let depth = 1;
  let out = "";
  for (let k = i, start = from; k < lines.length && k < i + 40; k++, start = 0) {
    const line = lines[k]!;
    for (let c = start; c < line.length; c++) {
      const ch = line[c]!;
      if (ch === "(") depth++;
      else if (ch === ")" && --depth === 0) return out;
      out += ch;
    }
    out += "\n";
  }
  return out;
}
