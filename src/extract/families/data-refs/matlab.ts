// MATLAB (or Octave) scripts of the repo and the files they read and write: a stage of the pipeline the Python
// readers never see (`readtable('raw/x.csv')` ... `writetable(T, 'work/x.csv')`).
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { matlabIo, type MatlabIo } from "../../parse/matlab-io.js";
import { filesWithRole } from "../../view/file-roles.js";
import type { Written } from "./produced.js";

/** A script larger than this is generated, not written: not read (as the shell scripts' cap). */
const MAX_SCRIPT_BYTES = 1_000_000;

export interface MatlabScript {
  file: string;
  io: MatlabIo[];
}

/** The repo's `.m` files that read as MATLAB, each with its reads and writes (Objective-C's `.m` reads as none). */
export function matlabScripts(view: RepoView): MatlabScript[] {
  return filesWithRole(view, "text").flatMap((e) => {
    if (e.skipped || e.size > MAX_SCRIPT_BYTES || !/\.m$/i.test(e.path)) return [];
    const text = view.read(e.path);
    const io = text === null ? [] : matlabIo(text);
    return io.length > 0 ? [{ file: e.path, io }] : [];
  });
}

/** What the scripts write, as the produced-files graph holds writes. */
export function matlabWrites(scripts: readonly MatlabScript[]): Written[] {
  return scripts.flatMap((s) =>
    s.io
      .filter((x) => x.mode === "write")
      .map((x) => ({ path: x.path, by: `${s.file}:${x.line}`, what: "file" as const, fromFile: s.file })),
  );
}

/** A line that names MATLAB or Octave (`MATLAB R2018a`, `apt-get install octave`): the tool is stated. */
const NAMES_TOOL = /\b(?:matlab|octave)\b/i;

/** Where a text names MATLAB or Octave, "file:line", or null. */
export function matlabStatedIn(texts: ReadonlyArray<{ file: string; text: string }>): string | null {
  for (const { file, text } of texts) {
    const at = text.split("\n").findIndex((l) => NAMES_TOOL.test(l.slice(0, 2000)));
    if (at >= 0) return `${file}:${at + 1}`;
  }
  return null;
}

/** The MATLAB stage the pipeline needs: the `.m` scripts a documented command runs, or that alone write a file
 * the code outside them reads (a Python read whose every producer is a `.m` script). Null where it needs none. */
export function matlabStage(
  scripts: readonly MatlabScript[],
  reads: readonly FactRecord[],
  run: ReadonlySet<string>,
  statedBy: string | null,
): FactRecord | null {
  const isM = (by: string) => /\.m(?::\d+)?$/i.test(by);
  const needed = new Map<string, number>();
  for (const s of scripts) if (run.has(s.file)) needed.set(s.file, s.io[0]!.line);
  for (const r of reads) {
    if (typeof r.file !== "string" || isM(r.file) || typeof r.producedBy !== "string") continue;
    const writers = [r.producedBy, ...(typeof r.alsoProducedBy === "string" ? r.alsoProducedBy.split(",") : [])];
    if (!writers.every(isM)) continue;
    for (const w of writers) {
      const cut = w.lastIndexOf(":");
      const file = w.slice(0, cut);
      if (!needed.has(file)) needed.set(file, Number(w.slice(cut + 1)));
    }
  }
  if (needed.size === 0) return null;
  const [file, line] = [...needed][0]!;
  return { kind: "matlab-stage", file, line, scripts: [...needed.keys()].join(", "), statedBy };
}
