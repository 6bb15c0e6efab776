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
const SHORTENS = /\b(?:\w*epochs?\w*|max_steps|num_steps|n_steps)\s*=|\.head\s*\(|\.sample\s*\(|\[\s*:\s*\d+\s*\]/i;
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

/** The debug flags of a Python file's text that gate saving or the training's length. */
export function debugSwitches(text: string): DebugSwitch[] {
  if (!/debug/i.test(text)) return [];
  const lines = text.split("\n");
  const out: DebugSwitch[] = [];
  const seen = new Set<string>();
  lines.forEach((raw, i) => {
    if (raw.length > MAX_LINE) return;
    const m = ASSIGN.exec(raw);
    if (!m || seen.has(m[1]!)) return;
    seen.add(m[1]!);
    // The flag is read by its last name: `CFG.debug = True` is tested as `CFG.debug`, `cfg.debug`, `debug`.
    const last = m[1]!.split(".").pop()!;
    const flag = `(?:[A-Za-z_]\\w*\\.)?${escape(last)}\\b`;
    const ifOn = new RegExp(`^\\s*(?:if|elif)\\s+${flag}\\s*(?:==\\s*True\\s*)?:`);
    const ifOff = new RegExp(`^\\s*(?:if|elif)\\s+(?:not\\s+${flag}|${flag}\\s*(?:==\\s*False|is\\s+False))\\s*:`);
    const ternary = new RegExp(`\\bif\\s+${flag}\\s+else\\b`);
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
