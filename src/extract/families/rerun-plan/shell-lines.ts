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

/** The most elements of a literal loop list that are run one by one (a loop over more is counted, not unrolled). */
const MAX_UNROLLED = 16;

/** `NAME=(a b c)` opening on this line: the name and the words inside, and whether the `)` closes it here. */
function arrayOpen(text: string): { name: string; words: string; closed: boolean } | null {
  const m = /^(?:declare\s+-a\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=\((.*)$/.exec(text);
  if (!m) return null;
  const end = m[2]!.indexOf(")");
  return { name: m[1]!, words: end < 0 ? m[2]! : m[2]!.slice(0, end), closed: end >= 0 };
}

/** The words of an array's body, quotes dropped, comments left out. */
const arrayWords = (body: string): string[] =>
  body
    .replace(/#.*$/gm, "")
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^["']|["']$/g, ""));

/** Expand `${NAME[@]}` and `${NAME[*]}` (quoted or not) for the arrays known so far: their words. */
function expandArrays(text: string, arrays: ReadonlyMap<string, readonly string[]>): string {
  if (arrays.size === 0) return text;
  return text.replace(/"?\$\{(\w+)\[[@*]\]\}"?/g, (all, name: string) => arrays.get(name)?.join(" ") ?? all);
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
  const arrays = new Map<string, string[]>();
  // An open loop: its count, its line, and, for a literal list short enough to unroll, its variable, its words
  // and where its lines begin in `out` (run once per word when the body names the variable).
  const loops: Array<{ count: number | null; line: number; unroll?: { name: string; words: string[]; from: number } }> =
    [];
  const out: ShellLine[] = [];
  // `NAME=(` left open: the array being read over the lines that follow.
  let array: { name: string; body: string } | null = null;
  const factor = () =>
    Math.min(
      MAX_ITERATIONS,
      loops.reduce((n, l) => n * (l.count ?? 1), 1),
    );
  const innermost = () => [...loops].reverse().find((l) => l.count !== null)?.line ?? null;
  for (const { line, text: rawText } of joinContinuations(raw)) {
    const text = rawText.trim();
    if (array) {
      const end = text.indexOf(")");
      array.body += `\n${end < 0 ? text : text.slice(0, end)}`;
      if (end >= 0) {
        arrays.set(array.name, arrayWords(expandVariables(array.body, vars)));
        array = null;
      }
      continue;
    }
    if (text === "" || text.startsWith("#")) continue;
    const opened = arrayOpen(text);
    if (opened) {
      if (opened.closed) arrays.set(opened.name, arrayWords(expandVariables(opened.words, vars)));
      else array = { name: opened.name, body: opened.words };
      continue;
    }
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
    const opens = /^for\s+(\w+)\s+in\s/.exec(text);
    if (opens) {
      const list = expandVariables(expandArrays(loopList(text.slice(opens[0].length)), arrays), vars);
      const words = list.split(/\s+/).filter(Boolean);
      // Plain words the loop runs one by one (a program each, often), even where one names a variable of a folder
      // (`$EXP_DIR/a.py`); braces, `seq`, globs and `$@` are counted, never unrolled.
      const plain =
        words.length > 0 &&
        words.length <= MAX_UNROLLED &&
        !words.some((w) => /[*?`{}[\]]|\$\(|\$[@*#]|\$\{[@*#]/.test(w.replace(/\$\{\w+\}/g, "")));
      loops.push({
        count: loopCount(list) ?? (plain ? words.length : null),
        line,
        ...(plain ? { unroll: { name: opens[1]!, words, from: out.length } } : {}),
      });
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
      const loop = loops.pop();
      if (loop?.unroll) unroll(out, loop.unroll, loop.count ?? 1);
      continue;
    }
    const body = text.replace(/^do\s+/, "");
    if (body === "do") continue;
    const assign = /^(?:export\s+|local\s+|readonly\s+)?([A-Za-z_]\w*)=("[^"]*"|'[^']*'|[^\s;&|`$()]*)\s*$/.exec(body);
    if (assign) {
      vars.set(assign[1]!, expandVariables(assign[2]!.replace(/^["']|["']$/g, ""), vars));
      continue;
    }
    out.push({
      line,
      text: expandVariables(expandArrays(body, arrays), vars),
      repeat: factor(),
      loopLine: innermost(),
    });
  }
  return out;
}

/** A loop over literal words whose body runs its variable as the program (`python $MODEL train`, `bash $S`,
 * `./$S`) runs each line once per word, the word in place: its lines in `out` (from `from` on) are replaced by one
 * copy per word, each counted once for this loop. A loop whose variable is only an argument (`--fold $f`) stays one
 * line run `count` times. */
function unroll(out: ShellLine[], loop: { name: string; words: string[]; from: number }, count: number): void {
  const body = out.slice(loop.from);
  const variable = `\\$(?:\\{${loop.name}\\}|${loop.name}\\b)`;
  const uses = new RegExp(variable);
  const runs = new RegExp(
    `(?:^|[;&|]\\s*|\\b(?:python[\\d.]*|bash|sh|source|\\.)\\s+(?:-[\\w-]+\\s+)*)"?(?:\\.\\/)?${variable}`,
  );
  if (!body.some((l) => runs.test(l.text))) return;
  const copies = loop.words.flatMap((word) =>
    body.map((l) => ({
      ...l,
      text: l.text.replace(new RegExp(uses.source, "g"), () => word),
      repeat: Math.max(1, Math.round(l.repeat / count)),
    })),
  );
  out.splice(loop.from, body.length, ...copies);
}
