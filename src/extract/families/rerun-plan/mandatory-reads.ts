// Whether a program reads a config key before anything gives it a value: hydra raises MissingMandatoryValue for a
// `???` only when the code reads it. Code that assigns the key first (`cfg.out_dir = ...`) never stops there, nor
// does a read under `if cfg.use_pl:` whose flag the composed config turns off. Pure over the texts of the program
// and the modules it imports.
import { indentOf } from "../../python/blocks.js";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a config flag named by its dotted path (`cfg.ensemble_pl.use_pl` read as `ensemble_pl.use_pl`) is off
 * in the composed config; undefined when unknown. */
export type FlagOff = (dotted: string) => boolean;

/** `if cfg.a.b:` / `if cfg["a"]["b"]:` / `elif cfg.a.b == True:`: the flag's dotted path below the config's name. */
function flagOf(line: string): string | null {
  const m = /^\s*(?:if|elif)\s+(\w+)((?:\.\w+|\[\s*["']\w+["']\s*\])+)\s*(?:==\s*True\s*)?:/.exec(line);
  if (!m) return null;
  return m[2]!.replace(/\[\s*["'](\w+)["']\s*\]/g, ".$1").slice(1);
}

/** True when the line at `at` lies under an `if` whose flag the config turns off. */
function guardedOff(lines: readonly string[], at: number, off: FlagOff): boolean {
  let depth = indentOf(lines[at]!);
  for (let k = at - 1; k >= 0 && depth > 0; k--) {
    const l = lines[k]!;
    if (l.trim() === "" || l.trim().startsWith("#")) continue;
    const indent = indentOf(l);
    if (indent >= depth) continue;
    depth = indent;
    const flag = flagOf(l);
    if (flag !== null && off(flag)) return true;
  }
  return false;
}

/** True when some text reads the key's last name as an attribute or item (`cfg.model.lr`, `cfg["lr"]`,
 * `cfg.get("lr")`) outside any branch the config turns off, and no text assigns it; a group key (`model`) read
 * as a whole counts too. */
export function readsUnassigned(key: string, texts: readonly string[], off: FlagOff = () => false): boolean {
  const last = escape(key.slice(key.lastIndexOf(".") + 1));
  const assign = new RegExp(
    `(?:\\.${last}|\\[\\s*["']${last}["']\\s*\\])\\s*=(?!=)|\\b(?:setattr|OmegaConf\\.update)\\([^\\n]*["'](?:[\\w.]*\\.)?${last}["']`,
  );
  const read = new RegExp(
    `\\.${last}\\b(?!\\s*=[^=])|\\[\\s*["']${last}["']\\s*\\](?!\\s*=[^=])|\\.get\\(\\s*["']${last}["']`,
  );
  if (texts.some((t) => assign.test(t))) return false;
  return texts.some((t) => {
    const lines = t.split("\n");
    return lines.some((l, i) => !l.trim().startsWith("#") && read.test(l) && !guardedOff(lines, i, off));
  });
}
