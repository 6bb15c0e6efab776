// The shell commands an `inv <task>` runs: the task's `c.run("...")` lines in a tasks.py of invoke, its pre-tasks'
// first and its post-tasks' after, each task once (as invoke dedupes them). Read line by line; nothing is
// executed. Pure: the text in, the lines out.
import { blockLast } from "../../python/blocks.js";

const MAX_LINES = 5000;
const MAX_DEPTH = 8;
/** `@task`, `@task(...)`, `@invoke.task(...)` on one line. */
const DECORATOR = /^\s*@(?:invoke\.)?task\b\s*(?:\((.*)\))?\s*$/;
const DEF = /^\s*def\s+(\w+)\s*\(/;
/** `c.run("...")`, `ctx.run(f'...')`: the context's run of one literal command. */
const RUN = /\b\w+\.run\(\s*[rf]{0,2}(["'])((?:(?!\1).)*)\1/;
/** `c.run(cmd)`: a run of a command held by a name. */
const RUN_NAME = /\b\w+\.run\(\s*([A-Za-z_]\w*)\s*[,)]/;

interface Task {
  body: Array<{ line: number; text: string }>;
  pre: string[];
  post: string[];
}

/** The task names a decorator's argument list holds under `key=[...]` (or, for `pre`, as plain positional names). */
function taskNames(args: string, key: "pre" | "post"): string[] {
  const listed = new RegExp(`\\b${key}\\s*=\\s*[[(]([^\\])]*)[\\])]`).exec(args)?.[1];
  if (listed !== undefined)
    return listed
      .split(",")
      .map((n) => n.trim())
      .filter((n) => /^\w+$/.test(n));
  if (key === "post") return [];
  return args
    .split(",")
    .map((n) => n.trim())
    .filter((n) => /^[A-Za-z_]\w*$/.test(n));
}

/** Each task of the file by its function's name. */
function tasksOf(lines: readonly string[]): Map<string, Task> {
  const out = new Map<string, Task>();
  for (let i = 0; i < lines.length; i++) {
    const decorator = DECORATOR.exec(lines[i]!);
    if (!decorator) continue;
    let at = i + 1;
    while (at < lines.length && /^\s*@/.test(lines[at]!)) at++;
    const def = DEF.exec(lines[at] ?? "");
    if (!def) continue;
    const last = blockLast(lines, at);
    const args = decorator[1] ?? "";
    out.set(def[1]!, {
      body: lines.slice(at + 1, last + 1).map((text, k) => ({ line: at + 2 + k, text })),
      pre: taskNames(args, "pre"),
      post: taskNames(args, "post"),
    });
    i = last;
  }
  return out;
}

/** The items of a list literal assigned to `name` in a body, each as its strings (`["a.py", ("b.py", "x")]`: ["a.py"]
 * and ["b.py", "x"]), or null. */
function listItems(body: ReadonlyArray<{ text: string }>, name: string): string[][] | null {
  const start = body.findIndex((l) => new RegExp(`^\\s*${name}\\s*=\\s*\\[`).test(l.text));
  if (start < 0) return null;
  let text = "";
  for (const l of body.slice(start, start + 200)) {
    text += `${l.text}\n`;
    if (/\]\s*(?:#.*)?$/.test(l.text)) break;
  }
  const inside = text.slice(text.indexOf("[") + 1, text.lastIndexOf("]"));
  const items: string[][] = [];
  for (const m of inside.matchAll(/\(([^)]*)\)|(["'])([^"'\n]*)\2/g))
    items.push(m[1] !== undefined ? [...m[1].matchAll(/(["'])([^"'\n]*)\1/g)].map((s) => s[2]!) : [m[3]!]);
  return items;
}

/** A loop over a listed name (`for s in scripts:`, `for s, e in jobs:`): its variables and the list's name. */
const LOOP = /^\s*for\s+(\w+(?:\s*,\s*\w+)*)\s+in\s+(\w+)\s*:/;

/** The commands of a body: each literal run, and a run of a name set to an f-string over a loop's list
 * (`for s in scripts: cmd = f"python {s}"; c.run(cmd)`), one command per item. Where branches set the name
 * differently, the last setting before the run (an `else`, the default way) is read. */
function bodyRuns(body: ReadonlyArray<{ line: number; text: string }>): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  for (const { line, text } of body) {
    const literal = RUN.exec(text);
    if (literal) {
      out.push({ line, text: literal[2]! });
      continue;
    }
    const held = RUN_NAME.exec(text)?.[1];
    if (held === undefined) continue;
    const setting = new RegExp(`^\\s*${held}\\s*=\\s*f(["'])((?:(?!\\1).)*)\\1`);
    const template = body
      .filter((l) => l.line < line)
      .map((l) => setting.exec(l.text)?.[2])
      .filter((t): t is string => t !== undefined)
      .pop();
    if (template === undefined) continue;
    const loop = body
      .filter((l) => l.line < line)
      .map((l) => LOOP.exec(l.text))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ names: m[1]!.split(",").map((n) => n.trim()), list: m[2]! }))
      .find((m) => m.names.some((n) => template.includes(`{${n}}`)));
    const items = loop ? listItems(body, loop.list) : null;
    if (!loop || !items) {
      out.push({ line, text: template });
      continue;
    }
    for (const item of items)
      out.push({
        line,
        text: loop.names.reduce((t, n, k) => (item[k] === undefined ? t : t.split(`{${n}}`).join(item[k])), template),
      });
  }
  return out;
}

/** The commands `inv <tasks...>` runs from a tasks.py's text, in order; a name not a task runs nothing. */
export function invokeRuns(text: string, names: readonly string[]): Array<{ line: number; text: string }> {
  const lines = text.split(/\r?\n/).slice(0, MAX_LINES);
  const tasks = tasksOf(lines);
  const done = new Set<string>();
  const out: Array<{ line: number; text: string }> = [];
  const run = (name: string, depth: number) => {
    const task = tasks.get(name);
    if (!task || done.has(name) || depth > MAX_DEPTH) return;
    done.add(name);
    for (const pre of task.pre) run(pre, depth + 1);
    out.push(...bodyRuns(task.body));
    for (const post of task.post) run(post, depth + 1);
  };
  // `inv build-all` runs `def build_all`: invoke turns underscores into dashes.
  for (const name of names) run(name.replace(/-/g, "_"), 0);
  return out;
}
