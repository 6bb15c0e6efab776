// Reruns a README asks for by hand: "change `FOLD = 0` in config.py to 1..4 and rerun", "set `stage=2` in the
// config and run again". The step before such a sentence runs once more per value, each after a manual edit;
// the count goes into its repeat as a loop's would, and the edit is said on the step. Pure.
import type { Step } from "./steps.js";

export interface HandEdit {
  line: number;
  /** What is edited, as written (`FOLD = 0`, `stage=2`, `fold`). */
  setting: string;
  /** The file it is edited in, when the sentence names one. */
  file: string | null;
  /** How many runs the edit adds to the one already made. */
  more: number;
}

const EDIT =
  /\b(?:change|changing|set|setting|modify|modifying|edit|editing|update|updating|replace|replacing)\s+(?:the\s+)?(?:`([^`]{1,80})`|([A-Za-z_][\w.]{0,60}))/i;
const RERUN = /\b(?:re-?run|run\s+(?:\w+\s+){0,3}again|repeat|each\s+time|one\s+by\s+one)\b/i;
const FILE = /`?((?:[\w.-]+\/)*[\w.-]+\.(?:py|ya?ml|json|cfg|ini|toml))`?/i;
const RANGE = /\b(\d{1,3})\s*(?:\.\.\.?|-|–|to)\s*(\d{1,3})\b/;
const MAX_MORE = 100;

/** The sentences outside code blocks that make the reader edit a setting and run again. */
export function handEdits(text: string): HandEdit[] {
  const out: HandEdit[] = [];
  let fenced = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    if (/^\s*(?:```|~~~)/.test(raw)) fenced = !fenced;
    if (fenced || raw.length > 2000) return;
    const edit = EDIT.exec(raw);
    if (!edit || !RERUN.test(raw) || /^set(?:ting)?\s+up$/i.test(edit[0].trim())) return;
    const file = FILE.exec(raw.slice(edit.index))?.[1] ?? null;
    // The values run: a range (`1..4`, `0 to 4`) or a list (`1, 2, 3 and 4`), the first already run when it is 0.
    const rest = raw.replace(/`[^`]*`/g, " ").replace(new RegExp(FILE.source, "gi"), " ");
    const range = RANGE.exec(rest);
    const values = range
      ? Array.from({ length: Math.max(0, Number(range[2]) - Number(range[1]) + 1) }, (_, k) => Number(range[1]) + k)
      : [...rest.matchAll(/\b\d{1,3}\b/g)].map((m) => Number(m[0]));
    // A setting is named as code, in a file, or given values: "update pip and run it again" edits none.
    if (edit[1] === undefined && file === null && values.length === 0) return;
    const more = values.length >= 2 ? values.filter((v) => v !== 0).length : 1;
    out.push({ line: i + 1, setting: (edit[1] ?? edit[2]!).trim(), file, more: Math.min(MAX_MORE, Math.max(1, more)) });
  });
  return out;
}

/** Each edit's reruns counted into the last step of `file` before it that runs a program, and that step's own
 * steps (a script's lines), with the edit said on the step. */
export function applyHandEdits(steps: Step[], file: string, edits: readonly HandEdit[]): void {
  for (const edit of edits) {
    const target = steps
      .filter((s) => s.file === file && s.parent === null && s.line < edit.line && s.program !== null)
      .pop();
    if (!target) continue;
    const inside = new Set([target.order]);
    for (const s of steps) if (s.parent !== null && inside.has(s.parent)) inside.add(s.order);
    for (const s of steps) {
      if (!inside.has(s.order)) continue;
      s.repeat *= 1 + edit.more;
      s.repeatSource = `${file}:${edit.line}`;
    }
    const where = edit.file ? ` in ${edit.file}` : "";
    target.handEdit = `change ${edit.setting}${where} and rerun, ${edit.more} more time${edit.more > 1 ? "s" : ""} (${file}:${edit.line})`;
  }
}
