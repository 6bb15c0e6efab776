// An import inside `if CFG.apex:` where the committed config says `apex = False` (and nothing sets it True): the
// rerun as committed never runs it, as it never runs an import a try block probes for. Pure over texts.

/** The flag of the `if` that directly encloses line `line` (1-based) of `text`: `apex` for `if CFG.apex:`,
 * `if cfg['apex']:` or `if use_apex:`; null when the line is not under such an `if`. */
export function guardingFlag(text: string, line: number): string | null {
  const lines = text.split("\n");
  const own = lines[line - 1];
  if (own === undefined) return null;
  const indent = own.length - own.trimStart().length;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i]!;
    if (l.trim() === "" || l.trimStart().startsWith("#")) continue;
    const at = l.length - l.trimStart().length;
    if (at >= indent) continue;
    const m = /^\s*if\s+(?:[A-Za-z_][\w.]*\.|[A-Za-z_]\w*\[\s*['"])?([A-Za-z_]\w*)(?:['"]\s*\])?\s*:\s*(?:#.*)?$/.exec(
      l,
    );
    return m ? m[1]! : null;
  }
  return null;
}

/** True when some text assigns `flag = False` (a config class's field, a module constant, a YAML `flag: false`)
 * and none assigns it True. */
export function flagOff(flag: string, texts: Iterable<string>): boolean {
  const off = new RegExp(`^\\s*${flag}\\s*(?::\\s*bool\\s*)?[=:]\\s*(?:False|false|0)\\s*(?:#.*)?,?$`, "m");
  const on = new RegExp(`(?:^|[\\s.'"])${flag}['"]?\\s*(?::\\s*bool\\s*)?[=:]\\s*(?:True|true|1)\\b`, "m");
  let seen = false;
  for (const text of texts) {
    if (!text.includes(flag)) continue;
    if (on.test(text)) return false;
    if (off.test(text)) seen = true;
  }
  return seen;
}
