// The shell commands an `inv <task>` runs: the task's `c.run("...")` lines in a tasks.py of invoke, its pre-tasks'
// first and its post-tasks' after, each task once (as invoke dedupes them). Read line by line; nothing is
// executed. Pure: the text in, the lines out.
import { blockLast, indentOf } from "../../python/blocks.js";

const MAX_LINES = 5000;
const MAX_DEPTH = 8;
/** `@task`, `@task(...)`, `@invoke.task(...)` on one line. */
const DECORATOR = /^\s*@(?:invoke\.)?task\b\s*(?:\((.*)\))?\s*$/;
const DEF = /^\s*def\s+(\w+)\s*\(/;
/** `c.run("...")`, `ctx.run(f'...')`: the context's run of one literal command. */
const RUN = /\b\w+\.run\(\s*[rf]{0,2}(["'])((?:(?!\1).)*)\1/;
/** `c.run(cmd)`: a run of a command held by a name. */
const RUN_NAME = /\b\w+\.run\(\s*([A-Za-z_]\w*)\s*[,)]/;
/** `with c.cd("kami"):`: the commands under it run from that folder. */
const WITH_CD = /^\s*with\s+\w+\.cd\(\s*[rf]?(["'])([\w./-]+)\1\s*\)\s*:/;
/** A statement that calls a function with the context first (`prepare(c)`, `prepare(c, True)`). */
const CALL = /^\s*([A-Za-z_]\w*)\s*\(\s*\w+\s*[,)]/;

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
function bodyRuns(
  body: ReadonlyArray<{ line: number; text: string }>,
  /** The commands of another task the body calls as a function (`prepare(c)`), null for no task. */
  called: (name: string) => Array<{ line: number; text: string }> | null,
): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  // The open `with c.cd("dir"):` blocks: their commands run from that folder.
  const folders: Array<{ indent: number; dir: string }> = [];
  for (const { line, text: raw } of body) {
    if (raw.trim() === "" || raw.trim().startsWith("#")) continue;
    const indent = indentOf(raw);
    while (folders.length > 0 && folders[folders.length - 1]!.indent >= indent) folders.pop();
    const into = WITH_CD.exec(raw);
    if (into) {
      folders.push({ indent, dir: into[2]! });
      continue;
    }
    const call = CALL.exec(raw)?.[1];
    const inner = call === undefined ? null : called(call);
    if (inner) {
      out.push(...inner);
      continue;
    }
    const cd = folders.map((f) => `cd ${f.dir} && `).join("");
    for (const r of lineRuns(body, line, raw)) out.push({ line: r.line, text: cd + r.text });
  }
  return out;
}

/** The commands one line of a body runs: a literal run, or a run of a name set to an f-string (over a loop's
 * list, one command per item). */
function lineRuns(
  body: ReadonlyArray<{ line: number; text: string }>,
  line: number,
  text: string,
): Array<{ line: number; text: string }> {
  const literal = RUN.exec(text);
  if (literal) return [{ line, text: literal[2]! }];
  const held = RUN_NAME.exec(text)?.[1];
  if (held === undefined) return [];
  const setting = new RegExp(`^\\s*${held}\\s*=\\s*f(["'])((?:(?!\\1).)*)\\1`);
  const template = body
    .filter((l) => l.line < line)
    .map((l) => setting.exec(l.text)?.[2])
    .filter((t): t is string => t !== undefined)
    .pop();
  if (template === undefined) return [];
  const loop = body
    .filter((l) => l.line < line)
    .map((l) => LOOP.exec(l.text))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ names: m[1]!.split(",").map((n) => n.trim()), list: m[2]! }))
    .find((m) => m.names.some((n) => template.includes(`{${n}}`)));
  const items = loop ? listItems(body, loop.list) : null;
  if (!loop || !items) return [{ line, text: template }];
  return items.map((item) => ({
    line,
    text: loop.names.reduce((t, n, k) => (item[k] === undefined ? t : t.split(`{${n}}`).join(item[k])), template),
  }));
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
    out.push(...bodyRuns(task.body, (callee) => (tasks.has(callee) ? sub(callee, depth + 1) : null)));
    for (const post of task.post) run(post, depth + 1);
  };
  /** A task called as a function inside another: its commands, where the call stands. */
  const sub = (name: string, depth: number): Array<{ line: number; text: string }> => {
    const at = out.length;
    run(name, depth);
    return out.splice(at);
  };
  // `inv build-all` runs `def build_all`: invoke turns underscores into dashes.
  for (const name of names) run(name.replace(/-/g, "_"), 0);
  return out;
}
