// Versions a repo states outside any spec: "pytorch 1.7.1" in a README's software list, a `torch==1.7.1`
// in its prose, a notebook that prints `tf.__version__` and kept the output. Pure.
import { normalizeName } from "../../model/package-name.js";
import type { RepoView } from "../../model/repo-view.js";
import { roleOf } from "../view/file-roles.js";
import { cellSource } from "../view/notebook.js";

export interface StatedVersion {
  /** The name as written, normalised (PEP 503). */
  name: string;
  version: string;
  /** "file:line" (a notebook's cell and line in the cell). */
  by: string;
}

/** `name 1.2.3`, `name==1.2.3`, `name: 1.2.3`, `| name | 1.2.3 |`, `name v1.2`, `- name 1.2`. A name starts after a
 * space, a mark or a bullet's dash, never inside another name (`timesler/facenet-pytorch 2.5` names no pytorch). */
const NAME_VERSION =
  /(?:^|[\s|*`(>]|(?<![\w./-])-)([A-Za-z][\w.-]{1,40}?)`?(?:\s*(?:===?|[:=])\s*|\s+v?|\s*\|\s*)v?(\d+\.\d+(?:\.\d+)*(?:\.?post\d+|[ab]\d+|rc\d+)?)(?![\w.])/g;

const AT_LEAST_AFTER = /^\s*\+|^\s+(?:or|and)\s+(?:later|newer|higher|above|up)\b/i;

export function readmeVersions(file: string, text: string): StatedVersion[] {
  const out: StatedVersion[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const plain = line.replace(/<br\s*\/?>/gi, " ");
    for (const m of plain.matchAll(NAME_VERSION)) {
      const name = m[1]!.replace(/[.-]+$/, "");
      // A minimum ("1.4+", "1.4 or later") states no version used; the README list keeps it as a bound.
      if (AT_LEAST_AFTER.test(plain.slice(m.index + m[0].length))) continue;
      if (
        /^(?:version|v|ubuntu|cuda|cudnn|nvidia|driver|gpu|ram|memory|gb|os|step|stage|part|section|the|and|with|using|python\d*|top|rank|place|score|lb|cv|fold|epoch|epochs)$/i.test(
          name,
        )
      )
        continue;
      out.push({ name: normalizeName(name), version: m[2]!, by: `${file}:${i + 1}` });
    }
  });
  return out;
}

interface NotebookCell {
  cell_type?: unknown;
  source?: unknown;
  outputs?: Array<{ text?: unknown; data?: { "text/plain"?: unknown } }>;
}

/** Versions a notebook printed: a cell whose lines are `x.__version__` (or print of it), paired in order
 * with the version-like lines of its saved output; `x` read through the notebook's `import y as x`. */
export function notebookVersions(file: string, json: string): StatedVersion[] {
  let cells: NotebookCell[];
  try {
    cells = (JSON.parse(json) as { cells?: NotebookCell[] }).cells ?? [];
  } catch {
    return [];
  }
  if (!Array.isArray(cells)) return [];
  const aliases = new Map<string, string>();
  const out: StatedVersion[] = [];
  cells.forEach((cell, index) => {
    if (cell?.cell_type !== "code") return;
    const source = cellSource(cell.source);
    for (const m of source.matchAll(/^\s*import\s+([\w.]+)\s+as\s+(\w+)/gm)) aliases.set(m[2]!, m[1]!);
    for (const m of source.matchAll(/^\s*import\s+([\w.]+)\s*$/gm)) aliases.set(m[1]!, m[1]!);
    const asked = [...source.matchAll(/^\s*(?:print\(\s*)?([A-Za-z_][\w.]*)\.__version__\s*\)?\s*$/gm)].map((m) => ({
      name: m[1]!,
      line: source.slice(0, m.index).split("\n").length,
    }));
    if (asked.length === 0) return;
    const printed = (Array.isArray(cell.outputs) ? cell.outputs : [])
      .flatMap((o) => cellSource(o?.text ?? o?.data?.["text/plain"]).split("\n"))
      .map((l) => l.trim().replace(/^['"]|['"]$/g, ""))
      .filter((l) => /^\d+\.\d+[\w.+-]*$/.test(l));
    asked.forEach((a, i) => {
      const version = printed[i];
      if (!version) return;
      const module = aliases.get(a.name) ?? a.name;
      out.push({
        name: normalizeName(module.split(".")[0]!),
        version: version.replace(/\+.*$/, ""),
        by: `${file} cell ${index + 1} line ${a.line}`,
      }); // cells counted from 1, as shown
    });
  });
  return out;
}

/** Versions the READMEs and notebooks state, outside any spec. */
export function repoStatedVersions(view: RepoView): StatedVersion[] {
  const out: StatedVersion[] = [];
  for (const entry of view.files()) {
    if (entry.skipped) continue;
    const isReadme = entry.kind === "text" && (roleOf(entry) === "readme" || roleOf(entry) === "docs");
    if (!isReadme && entry.kind !== "notebook") continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    out.push(...(isReadme ? readmeVersions(entry.path, text) : notebookVersions(entry.path, text)));
  }
  return out;
}
