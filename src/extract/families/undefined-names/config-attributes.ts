// Attributes read from a config class that the class never defines: `CFG.n_epochs` where `class CFG:` holds only
// `epochs = 10`. Python raises AttributeError when the line runs. Only plain config classes are judged (a name
// like CFG or TrainConfig, no base but object, a body of assignments only), defined in one file of the repo, read
// where that file's class is the one in scope, and never given attributes elsewhere (`CFG.x = ...`, setattr). Pure.
import type { PythonSource } from "../../../model/repo-view.js";

export interface MissingAttribute {
  path: string;
  line: number;
  /** "CFG.n_epochs" */
  name: string;
  /** The class and the file that defines it: "CFG in configs/cfg.py". */
  definedIn: string;
}

const CONFIG_NAME = /^(?:CFG|Cfg|cfg|CONFIG|Config|config|Conf|conf|Args|HParams|Hparams|\w+(?:Config|CFG|Cfg|Conf))$/;
const CLASS = /^class\s+([A-Za-z_]\w*)\s*(?:\(\s*(?:object)?\s*\))?\s*:\s*(?:#.*)?$/;
const MAX_LINE = 2000;

interface ConfigClass {
  name: string;
  path: string;
  attributes: Set<string>;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The plain config classes of one file: top-level, no base, a body of assignments, docstrings and comments. */
function configClasses(source: PythonSource): ConfigClass[] {
  const lines = source.text.split("\n");
  const out: ConfigClass[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = CLASS.exec(lines[i]!);
    if (!m || !CONFIG_NAME.test(m[1]!)) continue;
    const attributes = new Set<string>();
    let plain = true;
    let inDoc: string | null = null;
    let k = i + 1;
    for (; k < lines.length; k++) {
      const line = lines[k]!;
      if (inDoc !== null) {
        if (line.includes(inDoc)) inDoc = null;
        continue;
      }
      if (!line.trim() || line.trimStart().startsWith("#")) continue;
      if (indentOf(line) === 0) break;
      const body = line.trim();
      const doc = /^[rRuU]?("""|''')/.exec(body);
      if (doc) {
        if (!body.slice(doc[0].length).includes(doc[1]!)) inDoc = doc[1]!;
        continue;
      }
      const assign = /^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*(?::[^=]+)?=(?!=)/.exec(body);
      if (assign) {
        for (const n of assign[1]!.split(",")) attributes.add(n.trim());
        continue;
      }
      // A continuation of a multi-line value (deeper than the body's first line) is fine; anything else is not plain.
      if (indentOf(line) > indentOf(lines[i + 1] ?? "") || /^[)\]}]/.test(body)) continue;
      plain = false;
      break;
    }
    if (plain && attributes.size > 0) out.push({ name: m[1]!, path: source.path, attributes });
    i = k - 1;
  }
  return out;
}

/** Module path a .py file answers to, for matching `from configs.cfg import CFG`. */
const moduleOf = (path: string) => path.replace(/\.py$/, "").replace(/\//g, ".");

export function missingConfigAttributes(sources: readonly PythonSource[]): MissingAttribute[] {
  const py = sources.filter((s) => s.path.endsWith(".py") || s.path.endsWith(".ipynb"));
  const defined = py.flatMap((s) => (s.path.endsWith(".py") ? configClasses(s) : []));
  const byName = new Map<string, ConfigClass[]>();
  for (const c of defined) (byName.get(c.name) ?? byName.set(c.name, []).get(c.name)!).push(c);
  const out: MissingAttribute[] = [];
  for (const [name, classes] of byName) {
    // The same name defined in two files: which one a reader gets is not read here.
    if (classes.length !== 1) continue;
    const cls = classes[0]!;
    const n = escape(name);
    // Only the files that spell the name are read further.
    const readers = py.filter((s) => s.text.includes(name));
    // Attributes given anywhere (`CFG.device = ...`), or given in ways not read here (setattr, __dict__, vars).
    if (readers.some((s) => new RegExp(`\\b(?:setattr|vars)\\(\\s*${n}\\b|\\b${n}\\.__dict__`).test(s.text))) continue;
    const given = new Set(cls.attributes);
    for (const s of readers)
      for (const m of s.text.matchAll(
        new RegExp(`\\b${n}\\.([A-Za-z_]\\w*)\\s*(?:\\[[^\\]\\n]*\\]\\s*)?(?:[-+*/|&]?=)(?!=)`, "g"),
      ))
        given.add(m[1]!);
    const module = moduleOf(cls.path);
    const imports = new RegExp(`^\\s*from\\s+([\\w.]+)\\s+import\\s+[^#\\n]*\\b${n}\\b`, "m");
    for (const s of readers) {
      const from = imports.exec(s.text)?.[1];
      const inScope = s.path === cls.path || (from !== undefined && (module === from || module.endsWith(`.${from}`)));
      if (!inScope) continue;
      const seen = new Set<string>();
      s.text.split("\n").forEach((line, i) => {
        if (line.length > MAX_LINE) return;
        const code = line.replace(/#.*$/, "");
        for (const m of code.matchAll(new RegExp(`(?<![\\w.])${n}\\.([A-Za-z_]\\w*)`, "g"))) {
          const attr = m[1]!;
          if (given.has(attr) || attr.startsWith("__") || seen.has(attr)) continue;
          // Inside a string: an odd count of quotes before it.
          const before = code.slice(0, m.index);
          if ((before.match(/'/g) ?? []).length % 2 === 1 || (before.match(/"/g) ?? []).length % 2 === 1) continue;
          seen.add(attr);
          out.push({ path: s.path, line: i + 1, name: `${name}.${attr}`, definedIn: `${name} in ${cls.path}` });
        }
      });
    }
  }
  return out;
}
