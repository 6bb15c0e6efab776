// A shell script's logical lines with how many times each runs (its enclosing `for` loops multiplied) and
// the variables it assigns expanded. Pure: the text in, the lines out; nothing is executed.
import { joinContinuations } from "../../shell/readme-commands.js";

export interface ShellLine {
  line: number;
  text: string;
  /** Product of the iteration counts of the loops around it (1 outside loops or for a loop of unknown count). */
  repeat: number;
  /** The line of the innermost counted loop, or null. */
  loopLine: number | null;
}

const MAX_LINES = 2000;
/** A logical line longer than this (continuations joined) is run as written, its loop syntax unread:
 * the loop patterns would take time quadratic in its length. */
const MAX_LOOP_LINE = 4000;
const MAX_ITERATIONS = 100_000;

/** How many times `for NAME in ...` iterates, or null when the list is not literal. */
export function loopCount(list: string): number | null {
  const words = list.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const brace = /^\{(-?\d+)\.\.(-?\d+)(?:\.\.(\d+))?\}$/.exec(list.trim());
  if (brace) return Math.floor(Math.abs(Number(brace[2]) - Number(brace[1])) / Number(brace[3] ?? 1)) + 1;
  // `$(seq 0 4)`, `` `seq 5` ``: seq's last, first and step.
  const seq = /^(?:\$\(|`)\s*seq\s+(-?\d+)(?:\s+(-?\d+))?(?:\s+(-?\d+))?\s*(?:\)|`)$/.exec(list.trim());
  if (seq) {
    const [first, step, last] =
      seq[3] !== undefined
        ? [Number(seq[1]), Number(seq[2]), Number(seq[3])]
        : seq[2] !== undefined
          ? [Number(seq[1]), 1, Number(seq[2])]
          : [1, 1, Number(seq[1])];
    return step === 0 ? null : Math.max(0, Math.floor((last - first) / step) + 1);
  }
  // Words that expand to an unknown list (`$FOLDS`, `*.yaml`, `"$@"`) leave the count unknown.
  if (words.some((w) => /[$*?`]/.test(w))) return null;
  return words.length;
}

/** A C-style `for ((i=0; i<5; i++))`: its count, or null. */
function arithmeticCount(head: string): number | null {
  const m = /\(\(\s*\w+\s*=\s*(-?\d+)\s*;\s*\w+\s*(<=?)\s*(-?\d+)\s*;\s*\w+(?:\+\+|\s*\+=\s*1)\s*\)\)/.exec(head);
  if (!m) return null;
  return Math.max(0, Number(m[3]) - Number(m[1]) + (m[2] === "<=" ? 1 : 0));
}

/** A loop's list with a trailing `; do` or `do` taken off (string operations: no pattern retries a run of spaces). */
function loopList(rest: string): string {
  let list = rest.trimEnd();
  if (/(?:^|[\s;])do$/.test(list.slice(-3))) list = list.slice(0, -2).trimEnd();
  if (list.endsWith(";")) list = list.slice(0, -1).trimEnd();
  return list;
}

/** `for x in LIST; do BODY; done` (or a C-style head) on one line: its head and body, else null. */
function loopOnOneLine(text: string): { head: string; body: string; arithmetic: boolean } | null {
  const start = /^for\s+\w+\s+in\s|^for\s*\(\(/.exec(text);
  if (!start) return null;
  const doAt = /;\s*do\s/.exec(text);
  const doneAt = text.lastIndexOf("done");
  if (!doAt || doneAt < doAt.index + doAt[0].length || /\w/.test(text[doneAt + 4] ?? "")) return null;
  const arithmetic = start[0].endsWith("((");
  const head = arithmetic ? text.slice(text.indexOf("(("), doAt.index) : text.slice(start[0].length, doAt.index);
  const body = text
    .slice(doAt.index + doAt[0].length, doneAt)
    .trimEnd()
    .replace(/;$/, "");
  return { head: head.trim(), body: body.trim(), arithmetic };
}

/** Expand `$NAME` and `${NAME}` for the variables known so far; others stay as written. */
function expandVariables(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (all, a: string | undefined, b: string | undefined) => vars.get((a ?? b)!) ?? all,
  );
}

/** The runnable lines of a script, each with its repeat count and the variables known at that point expanded. */
export function shellLines(text: string): ShellLine[] {
  const raw = text
    .split(/\r?\n/)
    .slice(0, MAX_LINES)
    .map((t, i) => ({ line: i + 1, text: t }));
  const vars = new Map<string, string>();
  const loops: Array<{ count: number | null; line: number }> = [];
  const out: ShellLine[] = [];
  const factor = () =>
    Math.min(
      MAX_ITERATIONS,
      loops.reduce((n, l) => n * (l.count ?? 1), 1),
    );
  const innermost = () => [...loops].reverse().find((l) => l.count !== null)?.line ?? null;
  for (const { line, text: rawText } of joinContinuations(raw)) {
    const text = rawText.trim();
    if (text === "" || text.startsWith("#")) continue;
    // A loop on one line: `for f in 0 1 2; do python train.py --fold $f; done`.
    if (text.length > MAX_LOOP_LINE) {
      out.push({ line, text, repeat: factor(), loopLine: innermost() });
      continue;
    }
    const oneLine = loopOnOneLine(text);
    if (oneLine) {
      loops.push({
        count: oneLine.arithmetic ? arithmeticCount(oneLine.head) : loopCount(expandVariables(oneLine.head, vars)),
        line,
      });
      out.push({ line, text: expandVariables(oneLine.body, vars), repeat: factor(), loopLine: innermost() });
      loops.pop();
      continue;
    }
    const opens = /^for\s+\w+\s+in\s/.exec(text);
    if (opens) {
      loops.push({ count: loopCount(expandVariables(loopList(text.slice(opens[0].length)), vars)), line });
      continue;
    }
    if (/^for\s*\(\(/.test(text)) {
      loops.push({ count: arithmeticCount(text), line });
      continue;
    }
    // A while or until loop runs an unknown number of times: counted once.
    if (/^(?:while|until)\b/.test(text)) {
      const doAt = /;\s*do\s/.exec(text);
      const doneAt = text.lastIndexOf("done");
      // On one line: its body runs (once, as far as the audit can count).
      if (doAt && doneAt > doAt.index)
        out.push({
          line,
          text: expandVariables(
            text
              .slice(doAt.index + doAt[0].length, doneAt)
              .trim()
              .replace(/;$/, ""),
            vars,
          ),
          repeat: factor(),
          loopLine: innermost(),
        });
      else loops.push({ count: null, line });
      continue;
    }
    if (/^done\b/.test(text)) {
      loops.pop();
      continue;
    }
    const body = text.replace(/^do\s+/, "");
    if (body === "do") continue;
    const assign = /^(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=("[^"]*"|'[^']*'|[^\s;&|`$()]*)\s*$/.exec(body);
    if (assign) {
      vars.set(assign[1]!, expandVariables(assign[2]!.replace(/^["']|["']$/g, ""), vars));
      continue;
    }
    out.push({ line, text: expandVariables(body, vars), repeat: factor(), loopLine: innermost() });
  }
  return out;
}
