// A Makefile's variables (`PY ?= python`, `FOLD := 0`, `ARGS = --fold $(FOLD)`) and the values `make
// target FOLD=1` gives, substituted into its recipe lines as make would. Pure.

const ASSIGN = /^(?:export\s+|override\s+)?([A-Za-z_][\w.-]*)\s*(\?=|:{1,3}=|\+=|=)\s*(.*)$/;
const MAX_PASSES = 5;

/** The variables the Makefile sets at the top level, then those given on the command line (which win). */
export function makeVariables(text: string, given: Readonly<Record<string, string>> = {}): Map<string, string> {
  const vars = new Map<string, string>();
  for (const raw of text.split(/\r?\n/).slice(0, 5000)) {
    if (raw.startsWith("\t") || raw.length > 1000) continue;
    const m = ASSIGN.exec(raw.replace(/\s+#.*$/, ""));
    if (!m) continue;
    const [, name, op, value] = m;
    if (op === "?=" && vars.has(name!)) continue;
    vars.set(name!, op === "+=" && vars.has(name!) ? `${vars.get(name!)} ${value!.trim()}` : value!.trim());
  }
  for (const [name, value] of Object.entries(given)) vars.set(name, value);
  return vars;
}

/** `$(NAME)` and `${NAME}` replaced by the value (in turn expanded); an unknown name left as `${NAME}`, `$$` as `$`. */
export function expandMakeVariables(line: string, vars: ReadonlyMap<string, string>): string {
  let out = line;
  for (let pass = 0; pass < MAX_PASSES && /\$[({][\w.-]+[)}]/.test(out); pass++) {
    const next = out.replace(/\$[({]([\w.-]+)[)}]/g, (whole, name: string) => vars.get(name) ?? `\u0000{${name}}`);
    if (next === out) break;
    out = next;
  }
  return out.replace(/\u0000/g, "$").replace(/\$\$/g, "$");
}

/** The `VAR=value` words of a `make` command line. */
export function makeArguments(command: string): Record<string, string> {
  const out: Record<string, string> = {};
  const words = command.split(/\s+/);
  const at = words.findIndex((w) => /(?:^|\/)make$/.test(w));
  for (const word of at < 0 ? [] : words.slice(at + 1)) {
    const m = /^([A-Za-z_][\w.-]*)=(.*)$/.exec(word);
    if (m) out[m[1]!] = m[2]!;
  }
  return out;
}
