// A file's own helpers that load a config file from a parameter (`def load_paths(fp): with open(fp) as f:
// return yaml.safe_load(f)`): a call with a literal (`load_paths('configs/paths.yaml')`) reads that config as a
// direct `open` would. Read line by line. Pure.
import { blockLast, indentOf } from "../../python/blocks.js";

const DEF = /^([ \t]*)def\s+([A-Za-z_]\w*)\s*\(([^)]*)\)/;
/** A config file's name: a helper's literal argument is one only when it names such a file. */
const CONFIG_FILE = /\.(?:ya?ml|json|toml)$/i;

/** Each top-level or nested function that opens or loads one of its parameters: its name and that parameter's
 * position (self and cls dropped). */
export function configLoaders(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const def = DEF.exec(lines[i]!);
    if (!def) continue;
    const params = def[3]!
      .split(",")
      .map((p) =>
        p
          .trim()
          .replace(/[:=].*$/, "")
          .trim(),
      )
      .filter((p) => p !== "" && !p.startsWith("*"));
    const own = params[0] === "self" || params[0] === "cls" ? 1 : 0;
    const body = lines.slice(i + 1, blockLast(lines, i) + 1).filter((l) => indentOf(l) > indentOf(lines[i]!));
    const at = params.findIndex(
      (p, k) =>
        k >= own &&
        body.some((l) =>
          new RegExp(`\\b(?:open|OmegaConf\\.load|yaml\\.(?:safe_)?load|json\\.load|toml\\.load)\\(\\s*${p}\\b`).test(
            l,
          ),
        ),
    );
    if (at >= own) out.set(def[2]!, at - own);
  }
  return out;
}

/** The calls of those helpers with a literal config file in the loaded parameter's place (`load_paths('a.yaml')`),
 * 1-based lines; only a first-place parameter is read, as a literal's place is plain there. */
export function configLoads(text: string): Array<{ line: number; path: string; call: string }> {
  const loaders = [...configLoaders(text)].filter(([, at]) => at === 0).map(([name]) => name);
  if (loaders.length === 0) return [];
  const call = new RegExp(`(?<![\\w.])(${loaders.join("|")})\\(\\s*[rRuU]?(['"])([^'"\\n]+)\\2`, "g");
  const out: Array<{ line: number; path: string; call: string }> = [];
  text.split("\n").forEach((l, i) => {
    if (/^\s*(?:#|def\s)/.test(l)) return;
    for (const m of l.matchAll(call)) if (CONFIG_FILE.test(m[3]!)) out.push({ line: i + 1, path: m[3]!, call: m[1]! });
  });
  return out;
}
