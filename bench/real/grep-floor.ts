// The grep floor: quoted machine paths (home and cluster roots, drive letters) that a plain grep finds on
// non-comment lines of code, scripts and configs, and that no machine-path finding covers. Pure.
import { placesOf, ruleFindsKind, samePlace, type BenchFinding } from "./match.js";

export interface GrepHit {
  file: string;
  /** The file's line; for a notebook, the cell (counting every cell from 0) and the line in it instead. */
  line?: number;
  cell?: number;
  cellLine?: number;
  value: string;
}

/** Personal and cluster roots: /home/<u>, /Users/<u>, shared disks, Colab's drive, and drive letters. */
const ROOT =
  /(?:\/(?:home|Users)\/[\w.-]+|\/(?:raid|mnt|media|scratch|groups|gpfs|lustre|nfs|storage|Volumes)(?=[/'"\s]|$)|\/content\/drive|(?<![\w/])[A-Za-z]:[\\/])/;
/** A quoted string on one line (either quote, escapes kept). */
const QUOTED = /(["'])((?:\\.|(?!\1).)*)\1/g;
/** Files a grep for machine paths reads: code, notebooks, shell and job scripts, configs. */
const GREPPED =
  /\.(?:py|pyw|ipynb|sh|bash|zsh|slurm|sbatch|pbs|job|r|m|bat|cmd|ps1|ya?ml|json|cfg|ini|toml|conf)$|(?:^|\/)(?:makefile|dockerfile)$/i;

export function grepped(path: string): boolean {
  return GREPPED.test(path);
}

/** A whole-line comment in the file's language (`#`, `//`, `%` in R/MATLAB, `rem` and `::` in batch). */
function isComment(path: string, line: string): boolean {
  const t = line.trimStart();
  if (/\.m$/i.test(path)) return t.startsWith("%");
  if (/\.(?:bat|cmd)$/i.test(path)) return /^(?:@?rem\b|::)/i.test(t);
  if (/\.json$/i.test(path)) return false;
  return t.startsWith("#") || t.startsWith("//");
}

/** The machine paths quoted on one line: each from its root to the next space or the string's end. */
export function quotedMachinePaths(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(QUOTED)) {
    const inner = m[2]!;
    for (const word of inner.matchAll(new RegExp(`(?:^|[\\s=:,;(\\[{])(${ROOT.source}[^\\s'",;)\\]}]*)`, "g"))) {
      out.push(word[1]!.replace(/[.:]+$/, ""));
    }
  }
  return out;
}

/** Every quoted machine path on a non-comment line of one file; notebooks by code cell and line. */
export function grepFile(path: string, text: string): GrepHit[] {
  if (/\.ipynb$/i.test(path)) return grepNotebook(path, text);
  const hits: GrepHit[] = [];
  text.split("\n").forEach((line, i) => {
    if (isComment(path, line)) return;
    for (const value of quotedMachinePaths(line)) hits.push({ file: path, line: i + 1, value });
  });
  return hits;
}

function grepNotebook(path: string, text: string): GrepHit[] {
  let cells: Array<{ cell_type?: string; source?: string | string[] }>;
  try {
    cells = (JSON.parse(text) as { cells?: typeof cells }).cells ?? [];
  } catch {
    return []; // not JSON: no notebook the audit reads either
  }
  const hits: GrepHit[] = [];
  cells.forEach((cell, c) => {
    if (cell.cell_type !== "code") return;
    const source = Array.isArray(cell.source) ? cell.source.join("") : (cell.source ?? "");
    source.split("\n").forEach((line, i) => {
      if (isComment("cell.py", line)) return;
      for (const value of quotedMachinePaths(line)) hits.push({ file: path, cell: c, cellLine: i + 1, value });
    });
  });
  return hits;
}

/** The hits no machine-path finding covers: none at the same file and line (or cell and line), grouped
 * findings by any of their locations. */
export function uncoveredHits(hits: readonly GrepHit[], findings: readonly BenchFinding[]): GrepHit[] {
  const places = findings.filter((f) => ruleFindsKind(f.rule, "machine-path")).flatMap(placesOf);
  return hits.filter((h) => !places.some((loc) => samePlace(h, loc)));
}
