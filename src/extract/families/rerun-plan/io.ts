// io: the files the reached code reads (the data-refs family's reads) and writes (the Python index's
// writes), each resolved from the working folder of the step that reaches the file.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoPythonIndex } from "../../python/repo-index.js";
import { joinFrom } from "./parser-view.js";
import type { Reach } from "./reach.js";
import type { Step } from "./steps.js";
import { commandIo } from "./shell-io.js";

const MAX_PER_FILE = 200;

/** A path as the step's folder makes it: relative paths joined to it, others (absolute, home, unknown) as written. */
function resolvedFrom(cwd: string, path: string): string {
  if (/^[/~*]|^[A-Za-z]:[\\/]|^\w+:\/\//.test(path)) return path;
  return joinFrom(cwd, path) ?? path;
}

export function ioOf(
  reach: readonly Reach[],
  steps: readonly Step[],
  index: RepoPythonIndex,
  dataRefs: readonly FactRecord[],
): FactRecord[] {
  const cwdOf = new Map(steps.map((s) => [s.order, s.cwd]));
  const reads = new Map<string, FactRecord[]>();
  for (const r of dataRefs)
    if ((r.kind === "read" || r.kind === "weights") && typeof r.file === "string" && typeof r.path === "string")
      (reads.get(r.file) ?? reads.set(r.file, []).get(r.file)!).push(r);
  const out: FactRecord[] = [];
  const reached = new Set([...reach.map((r) => r.file), ...steps.flatMap((s) => (s.program ? [s.program] : []))]);
  // A write in an imported module's __main__ block (a make_folds.py the steps only import) makes nothing.
  const mainOnlyOf = new Map(reach.map((r) => [r.file, spans(r.mainOnly)]));
  const runsLine = (file: string, line: number) =>
    reached.has(file) && !(mainOnlyOf.get(file) ?? []).some(([a, b]) => line >= a && line <= b);
  const written = new Set(
    reach.flatMap((r) =>
      (index.byPath.get(r.file)?.writes ?? [])
        .filter((w) => runsLine(r.file, w.line))
        .map((w) => resolvedFrom(cwdOf.get(r.step) ?? "", w.path)),
    ),
  );
  for (const step of steps)
    for (const io of commandIo(step.command)) if (io.mode === "write") written.add(resolvedFrom(step.cwd, io.path));
  for (const r of reach) {
    const cwd = cwdOf.get(r.step) ?? "";
    const at = (line: number, extra: FactRecord) =>
      index.byPath.get(r.file)?.lineMap?.[line - 1]
        ? {
            cell: index.byPath.get(r.file)!.lineMap![line - 1]!.cell,
            cellLine: index.byPath.get(r.file)!.lineMap![line - 1]!.cellLine,
            ...extra,
          }
        : extra;
    // Lines of an imported module that run only when it runs itself (its __main__ block) are no part of the rerun.
    const mainOnly = [...spans(r.mainOnly), ...spans(r.uncalled)];
    for (const read of (reads.get(r.file) ?? []).slice(0, MAX_PER_FILE)) {
      const ranHere = !mainOnly.some(([a, b]) => Number(read.line) >= a && Number(read.line) <= b);
      out.push({
        kind: "io",
        file: r.file,
        line: Number(read.line),
        ...at(Number(read.line), {}),
        step: r.step,
        mode: "read",
        path: resolvedFrom(cwd, String(read.path)),
        ...(ranHere ? writtenOnlyBy(read, runsLine, written.has(resolvedFrom(cwd, String(read.path)))) : {}),
      });
    }
    for (const write of (index.byPath.get(r.file)?.writes ?? []).slice(0, MAX_PER_FILE)) {
      out.push({
        kind: "io",
        file: r.file,
        line: write.line,
        ...at(write.line, {}),
        step: r.step,
        mode: "write",
        path: resolvedFrom(cwd, write.path),
      });
    }
  }
  // What the steps' own command lines read and write (`> out.csv`, `mv a b`, `yolo train data=x.yaml`).
  for (const step of steps) {
    for (const io of commandIo(step.command).slice(0, MAX_PER_FILE)) {
      out.push({
        kind: "io",
        file: step.file,
        line: step.line,
        ...(step.cell !== undefined ? { cell: step.cell, cellLine: step.cellLine! } : {}),
        step: step.order,
        mode: io.mode,
        path: resolvedFrom(step.cwd, io.path),
      });
    }
  }
  return out;
}

/** "12-20,31-40" as line spans. */
function spans(value: string | undefined): Array<[number, number]> {
  return (value ?? "").split(",").flatMap((part) => {
    const m = /^(\d+)-(\d+)$/.exec(part.trim());
    return m ? [[Number(m[1]), Number(m[2])] as [number, number]] : [];
  });
}

/** A read whose only writers are code files of the repo no step runs or imports (and no step writes it under the
 * same path): the rerun skips the script that makes it. Any writer a step runs makes it (a glob of per-step
 * outputs fits an unrun script's writes too). An optional read (tested for first, or tried with a fallback)
 * stops nothing. */
function writtenOnlyBy(
  read: FactRecord,
  runsLine: (file: string, line: number) => boolean,
  writtenByStep: boolean,
): FactRecord {
  if (typeof read.producedBy !== "string" || writtenByStep || read.inRepo === true || read.fetched === true) return {};
  if (read.optional === true) return {};
  const writers = [read.producedBy, ...(typeof read.alsoProducedBy === "string" ? read.alsoProducedBy.split(",") : [])];
  const runs = (w: string) => {
    const m = /^(.*?)(?::(\d+))?$/.exec(w)!;
    return !/\.(?:py|ipynb)$/.test(m[1]!) || runsLine(m[1]!, m[2] === undefined ? 0 : Number(m[2]));
  };
  if (writers.some(runs)) return {};
  return { writtenOnlyBy: read.producedBy };
}
