// A flag literally named DEBUG or debug that gates the training's saving or length: `if not DEBUG:
// torch.save(...)`, `if DEBUG: EPOCHS = 1`, `n = 1 if debug else 30`. Left on in the committed file, a rerun as
// written trains a smoke test and keeps nothing. Pure.

export interface DebugSwitch {
  /** Line of the assignment that sets the flag's default. */
  line: number;
  /** The flag as written: DEBUG, CFG.debug. */
  name: string;
  /** What it gates when on, with lines: "turns off saving (line 9), shortens training (line 4)". */
  effects: string;
  /** True when the committed default is off. */
  off: boolean;
}

const ASSIGN = /^\s*((?:[A-Za-z_]\w*\.)?(?:DEBUG|debug))\s*(?::\s*bool\s*)?=\s*(True|False)\b/;
const SAVES = /\b(?:torch\.save|save_model|save_checkpoint|save_pretrained|save_weights|\w*\.save)\s*\(/;
const SHORTENS =
  /\b(?:\w*epochs?\w*|max_steps|num_steps|n_steps)\s*=|\.head\s*\(|\.sample\s*\(|\[\s*:\s*(?:\d+|[A-Za-z_][\w.]*)\s*\]/i;
const MAX_LINE = 2000;

const indentOf = (line: string) => line.length - line.trimStart().length;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The lines of the block under header line i (deeper indented, up to the first line back at its level). */
function blockOf(lines: readonly string[], i: number): number[] {
  const indent = indentOf(lines[i]!);
  const out: number[] = [];
  for (let k = i + 1; k < lines.length && k < i + 200; k++) {
    const line = lines[k]!;
    if (!line.trim()) continue;
    if (indentOf(line) <= indent) break;
    out.push(k);
  }
  return out;
}

/** What a flag read by its last name gates in one file's lines, each effect with its first line. `attribute`: only
 * reads through an object (`config.debug`), as another file reads a config class's field; "key" also a mapping's
 * key (`cfg["debug"]`), as code reads a YAML config's. */
export function effectsIn(lines: readonly string[], last: string, attribute: boolean | "key"): Map<string, number> {
  const name = escape(last);
  const flag =
    attribute === "key"
      ? `(?:[A-Za-z_]\\w*\\.${name}\\b|[A-Za-z_][\\w.]*\\[\\s*["']${name}["']\\s*\\])`
      : attribute
        ? `[A-Za-z_]\\w*\\.${name}\\b`
        : `(?:[A-Za-z_]\\w*\\.)?${name}\\b`;
  const ifOn = new RegExp(`^\\s*(?:if|elif)\\s+${flag}\\s*(?:==\\s*True\\s*)?:`);
  const ifOff = new RegExp(`^\\s*(?:if|elif)\\s+(?:not\\s+${flag}|${flag}\\s*(?:==\\s*False|is\\s+False))\\s*:`);
  // `n if debug else 30`, `30 if not debug else 2`: the epochs or rows the flag picks.
  const ternary = new RegExp(`\\bif\\s+(?:not\\s+)?${flag}\\s+else\\b`);
  const effects = new Map<string, number>();
  lines.forEach((line, k) => {
    if (line.length > MAX_LINE) return;
    const code = line.replace(/#.*$/, "");
    if (ifOff.test(code) && blockOf(lines, k).some((b) => SAVES.test(lines[b]!.replace(/#.*$/, ""))))
      effects.has("turns off saving") || effects.set("turns off saving", k + 1);
    if (ifOn.test(code) && blockOf(lines, k).some((b) => SHORTENS.test(lines[b]!.replace(/#.*$/, ""))))
      effects.has("shortens training") || effects.set("shortens training", k + 1);
    if (ternary.test(code) && SHORTENS.test(code))
      effects.has("shortens training") || effects.set("shortens training", k + 1);
  });
  return effects;
}

/** The headers enclosing line i, nearest first (each less indented than the one before), up to the module. */
function headersOf(lines: readonly string[], i: number): number[] {
  let indent = indentOf(lines[i]!);
  const out: number[] = [];
  for (let k = i - 1; k >= 0 && k > i - 400 && indent > 0; k--) {
    const line = lines[k]!;
    if (!line.trim() || line.trimStart().startsWith("#") || indentOf(line) >= indent) continue;
    indent = indentOf(line);
    out.push(k);
  }
  return out;
}

/** Line i sets the flag only when another debug flag is on (`if args.debug: CFG.debug = True`, where `--debug` is
 * the user's switch), or inside a function the file never names outside its `def` (a helper nothing calls, its
 * call commented out): neither is a committed default. */
function notCommittedDefault(lines: readonly string[], i: number): boolean {
  for (const k of headersOf(lines, i)) {
    const code = lines[k]!.replace(/#.*$/, "");
    if (/^\s*(?:if|elif)\s+(?!not\b)[^:]*\bdebug\b[^:]*:/i.test(code)) return true;
    const def = /^\s*(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/.exec(code);
    if (!def) continue;
    if (/^__\w+__$/.test(def[1]!)) return false;
    const named = new RegExp(`\\b${escape(def[1]!)}\\b`);
    return !lines.some((line, n) => n !== k && named.test(line.replace(/#.*$/, "")));
  }
  return false;
}

/** The debug flags of a Python file's text that gate saving or the training's length. */
export function debugSwitches(text: string): DebugSwitch[] {
  if (!/debug/i.test(text)) return [];
  const lines = text.split("\n");
  const out: DebugSwitch[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    if (raw.length > MAX_LINE) return;
    const m = ASSIGN.exec(raw);
    if (!m || seen.has(m[1]!) || (m[2] === "True" && notCommittedDefault(lines, i))) return;
    seen.add(m[1]!);
    // The flag is read by its last name: `CFG.debug = True` is tested as `CFG.debug`, `cfg.debug`, `debug`.
    const effects = effectsIn(lines, m[1]!.split(".").pop()!, false);
    if (effects.size === 0) return;
    out.push({
      line: i + 1,
      name: m[1]!,
      effects: [...effects].map(([what, at]) => `${what} (line ${at})`).join(", "),
      off: m[2] === "False",
    });
  });
  return out;
}

/** A config class's field (`debug: bool = True` in a dataclass) that other files read as `config.debug`. */
const CLASS_FIELD = /^\s+(DEBUG|debug)\s*(?::\s*bool\s*)?=\s*(True|False)\b/;

/** The class whose body holds line i (the nearest `class X` above it, less indented), or null. */
function enclosingClass(lines: readonly string[], i: number): string | null {
  const indent = indentOf(lines[i]!);
  for (let k = i - 1; k >= 0 && k > i - 400; k--) {
    const line = lines[k]!;
    if (!line.trim() || indentOf(line) >= indent) continue;
    return /^\s*class\s+([A-Za-z_]\w*)/.exec(line)?.[1] ?? null;
  }
  return null;
}

/** Debug fields a config class declares that code in other files importing its module and naming the class reads
 * through its object (`if config.debug:`), gating saving or the training's length there. A config file that sets the field off
 * (`debug: false`) makes it the user's switch. */
export function classDebugSwitches(
  files: ReadonlyArray<{ path: string; text: string }>,
  configs: ReadonlyArray<string>,
): Array<DebugSwitch & { path: string }> {
  const out: Array<DebugSwitch & { path: string }> = [];
  for (const f of files) {
    if (!/debug/i.test(f.text)) continue;
    const lines = f.text.split("\n");
    lines.forEach((raw, i) => {
      const m = raw.length <= MAX_LINE ? CLASS_FIELD.exec(raw) : null;
      const owner = m ? enclosingClass(lines, i) : null;
      if (!m || !owner) return;
      // A reader imports the class from the declaring module (`from config import TrainingConfig`, or
      // `import config` then `config.TrainingConfig`); a namesake class elsewhere is another class.
      const stem = escape(f.path.slice(f.path.lastIndexOf("/") + 1).replace(/\.py$/, ""));
      const cls = escape(owner);
      const imports = new RegExp(
        `^\\s*from\\s+[\\w.]*\\b${stem}\\s+import\\s+[^\\n]*\\b${cls}\\b|\\b${stem}\\.${cls}\\b`,
        "m",
      );
      const effects = files
        .filter((r) => r.path !== f.path && r.text.includes(`.${m[1]}`) && imports.test(r.text))
        .flatMap((r) =>
          [...effectsIn(r.text.split("\n"), m[1]!, true)].map(([what, at]) => `${what} (${r.path} line ${at})`),
        );
      if (effects.length === 0) return;
      const setOff = new RegExp(`^\\s*"?${m[1]}"?\\s*[:=]\\s*(?:false|False|0)\\b`, "m");
      out.push({
        path: f.path,
        line: i + 1,
        name: `${owner}.${m[1]}`,
        effects: effects.slice(0, 3).join(", "),
        off: m[2] === "False" || configs.some((c) => setOff.test(c)),
      });
    });
  }
  return out;
}
