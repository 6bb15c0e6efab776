// Shell variables a step passes as an option's value that nothing sets: run.sh's `--output_dir $output_dir`
// where neither run.sh, nor the README command or script that runs it, nor the key=value arguments a caller
// passes (to a script that exports its arguments) ever give output_dir a value. bash drops the empty word, so
// the option takes the next flag as its value or the parser stops with "expected one argument". ALL-CAPS names
// are left out (usually the environment's), as are positional and special parameters. Pure.
import { joinRel } from "../../shell/readme-commands.js";

/** What this module needs of a plan step. */
export interface VariableStep {
  order: number;
  parent: number | null;
  file: string;
  line: number;
  cwd: string;
  source: string;
  command: string;
  program: string | null;
}

/** `--opt $name`, `--opt=${name}`, `--opt "$name"`: the option, then the variable (braced or not). */
const OPTION_VALUE =
  /(?:^|\s)(--?[A-Za-z][\w.-]*)(?:=|\s+)(["']?)\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))\2(?=\s|$|[;)|&])/g;
/** A file whose lines are shell commands (a README's blocks are read as such too). */
const SHELL_FILE = /\.(?:sh|bash|slurm|sbatch|job|pbs|md|markdown|rst|txt)$/i;
const README_FILE = /\.(?:md|markdown|rst|txt)$/i;
/** A loop over the script's own arguments (`for arg in "$@"`, `for arg; do`, `while [ $# -gt 0 ]`). */
const ARGS_LOOP = /\bfor\s+\w+\s+in\s+["']?\$[@*]|\bfor\s+\w+\s*(?:;|\n)\s*do\b|\bwhile\s+[[(]+\s*"?\$#/;
/** A variable set by a name the text computes (`export "$key=$val"`, `eval "$key=..."`, `declare "$k"`). */
const DYNAMIC_SET = /\b(?:export|eval|declare|typeset|readonly|printf\s+-v)\s+(?:-\w+\s+){0,4}["']?\$\{?\w/;
/** `source x.sh` / `. ./env.sh`: the file whose assignments the script takes. */
const SOURCED = /(?:^|[;&|]\s*|\bthen\s+|\bdo\s+)(?:source|\.)\s+["']?([^\s"';&|]+)/gm;

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether `text` gives `name` a value anywhere: an assignment (alone, after export/local/declare/readonly, or as
 * a command's prefix), a default expansion, read, a for loop, getopts, or mapfile. */
export function setsVariable(text: string, name: string): boolean {
  // A text that never names it sets it nowhere (and is not scanned further).
  if (!text.includes(name)) return false;
  const n = escape(name);
  return [
    // name=, name+=, name[0]=, export name=, local -r name=, a prefix `name=v cmd` after other prefixes.
    new RegExp(
      `(?:^|[;&|({)\`]|\\bthen|\\bdo|\\belse)\\s*(?:(?:export|local|declare|typeset|readonly)\\s+(?:-\\w+\\s+){0,4})?(?:[A-Za-z_]\\w*=[^\\s;&|]{0,200}\\s+){0,8}${n}(?:\\[[^\\]]*\\])?\\+?=`,
      "m",
    ),
    // export name / declare name / local name with no value: a name the author means to be set around it.
    new RegExp(
      `\\b(?:export|local|declare|typeset|readonly)\\s+(?:-\\w+\\s+){0,4}(?:\\w+\\s+){0,8}${n}(?=\\s|$|;)`,
      "m",
    ),
    new RegExp(`\\$\\{${n}:?[-=]`),
    new RegExp(`\\bread\\s+(?:-\\w+\\s+(?:\\S+\\s+)?){0,4}(?:\\w+\\s+){0,8}${n}\\b`),
    new RegExp(`\\bfor\\s+(?:\\(\\(\\s*)?${n}\\b`),
    new RegExp(`\\bgetopts\\s+\\S+\\s+${n}\\b`),
    new RegExp(`\\b(?:mapfile|readarray)\\s+(?:-\\w+\\s+(?:\\S+\\s+)?){0,4}${n}\\b`),
  ].some((re) => re.test(text));
}

/** The names a command's arguments after its program word give: its key=value words, and its `--key value`
 * options (a script that declares its arguments by name takes those too), dashes read as underscores. */
function keyValueArguments(command: string, program: string | null): Set<string> {
  const words = command.split(/\s+/).filter((w) => w !== "");
  const base = program === null ? null : program.slice(program.lastIndexOf("/") + 1);
  const at = base === null ? -1 : words.findIndex((w) => w === base || w.endsWith(`/${base}`));
  const out = new Set<string>();
  for (const w of at < 0 ? [] : words.slice(at + 1)) {
    const m = /^["']?(?:--?)?([A-Za-z_][\w-]*)(?:=|$)/.exec(w);
    if (m) out.add(m[1]!.replace(/-/g, "_"));
  }
  return out;
}

/** The text of a step's file with the files it sources appended; null when a sourced file cannot be read (its
 * assignments are unknown). */
function withSourced(file: string, cwd: string, read: (path: string) => string | null): string | null {
  const text = read(file);
  if (text === null) return null;
  // A README's `source ~/.bashrc` is the reader's shell set-up, not the solution's values: only the repo's files it
  // sources are read, and one it cannot read leaves its steps judged.
  const readme = README_FILE.test(file);
  const folder = file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
  let out = text;
  for (const m of text.matchAll(SOURCED)) {
    const path = m[1]!;
    // An environment's activation (`source activate env`, `. venv/bin/activate`, conda.sh) sets no names of ours.
    if (/(?:^|\/)(?:de)?activate$|(?:^|\/)conda\.sh$/.test(path)) continue;
    const outside = path.includes("$") || path.startsWith("/") || path.startsWith("~");
    const found = outside ? null : [joinRel(cwd, path), joinRel(folder, path)].map(read).find((t) => t !== null);
    if (found === undefined || found === null) {
      if (readme) continue;
      return null;
    }
    out += `\n${found}`;
  }
  return out;
}

/** The 1-based line of `file` at or after `from` that passes `$name` to `option`, else `from`. */
function lineOf(text: string, from: number, option: string, name: string): number {
  const lines = text.split("\n");
  const re = new RegExp(`${escape(option)}(?:=|\\s+)["']?\\$\\{?${escape(name)}\\b`);
  for (let i = Math.max(0, from - 1); i < lines.length && i < from + 200; i++) if (re.test(lines[i]!)) return i + 1;
  return from;
}

/**
 * For each step (by index) that passes an unset lowercase variable as an option's value: "$name to --opt (file:line)",
 * several joined by "; ". A script line several callers run is judged once, on its first step, and a name any of
 * its callers sets counts as set.
 */
export function unsetOptionVariables(
  steps: readonly VariableStep[],
  read: (path: string) => string | null,
): Map<number, string> {
  const byOrder = new Map(steps.map((s) => [s.order, s]));
  const texts = new Map<string, string | null>();
  const textOf = (s: VariableStep) => {
    const key = `${s.file}\0${s.cwd}`;
    if (!texts.has(key)) texts.set(key, withSourced(s.file, s.cwd, read));
    return texts.get(key)!;
  };
  // The steps that run each script line, in order.
  const byLine = new Map<string, number[]>();
  steps.forEach((s, i) => {
    if ((s.source !== "shell" && s.source !== "readme") || !SHELL_FILE.test(s.file)) return;
    const key = `${s.file}:${s.line}`;
    (byLine.get(key) ?? byLine.set(key, []).get(key)!).push(i);
  });
  const out = new Map<number, string>();
  for (const indexes of byLine.values()) {
    const first = steps[indexes[0]!]!;
    if (/^\s*(?:echo|printf)\b/.test(first.command)) continue;
    const own = textOf(first);
    if (own === null) continue;
    const uses = [...first.command.matchAll(OPTION_VALUE)]
      .map((m) => ({ option: m[1]!, name: (m[3] ?? m[4])! }))
      .filter((u) => u.name !== u.name.toUpperCase());
    if (uses.length === 0) continue;
    // A script that sets names it computes without looping over its arguments sets what we cannot know.
    if (DYNAMIC_SET.test(own) && !ARGS_LOOP.test(own)) continue;
    const chains = indexes.map((i) => ancestors(steps[i]!, byOrder));
    const unknown = chains.some((chain) => chain.some((a) => textOf(a) === null));
    if (unknown) continue;
    const isSet = (name: string) =>
      setsVariable(own, name) ||
      chains.some((chain) => {
        // Scripts down the chain that export their arguments make a caller's key=value words variables.
        const exports = [own, ...chain.map((a) => textOf(a)!)].some((t) => ARGS_LOOP.test(t) && DYNAMIC_SET.test(t));
        return chain.some(
          (a) =>
            setsVariable(textOf(a)!, name) ||
            (exports && keyValueArguments(a.command, a.program).has(name)) ||
            new RegExp(`^\\s*(?:env\\s+)?(?:[A-Za-z_]\\w*=\\S*\\s+)*${escape(name)}=`).test(a.command) ||
            // A container's `-e name=value` / `--env name=value`.
            new RegExp(`(?:^|\\s)(?:-e|--env)[\\s=]["']?${escape(name)}=`).test(a.command),
        );
      });
    const unset = uses.filter((u, k) => uses.findIndex((v) => v.name === u.name) === k && !isSet(u.name));
    if (unset.length === 0) continue;
    out.set(
      indexes[0]!,
      unset
        .map((u) => `$${u.name} to ${u.option} (${first.file}:${lineOf(own, first.line, u.option, u.name)})`)
        .join("; "),
    );
  }
  return out;
}

/** The steps that run `step`, nearest first. */
function ancestors(step: VariableStep, byOrder: ReadonlyMap<number, VariableStep>): VariableStep[] {
  const out: VariableStep[] = [];
  for (let p = step.parent; p !== null && out.length < 16;) {
    const a = byOrder.get(p);
    if (!a) break;
    out.push(a);
    p = a.parent;
  }
  return out;
}
