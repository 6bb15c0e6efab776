// io: the files the reached code reads (the data-refs family's reads) and writes (the Python index's
// writes), each resolved from the working folder of the step that reaches the file.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoPythonIndex } from "../../python/repo-index.js";
import { joinFrom } from "./parser-view.js";
import type { Reach } from "./reach.js";
import type { Step } from "./steps.js";
import { commandIo } from "./shell-io.js";
import { needsFolder, unmadeFolders, type FolderScene, type PlannedWrite } from "./out-folders.js";
import { isTestFile } from "../../python/test-files.js";

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
  repo: { isDir: (path: string) => boolean; text: (file: string) => string | null } = {
    isDir: () => true,
    text: () => null,
  },
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
  const planned: Array<{ at: number; write: PlannedWrite }> = [];
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
      planned.push({
        at: out.length,
        write: {
          step: r.step,
          file: r.file,
          line: write.line,
          path: resolvedFrom(cwd, write.path),
          written: write.path,
          call: write.call,
          ...(write.folder ? { folder: true } : {}),
        },
      });
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
  return [...out, ...markUnmadeFolders(out, planned, reach, steps, index, written, repo)];
}

/** Each write into a folder the repo lacks and nothing on the plan makes gets that folder (folderUnmade); the
 * same writes of code files no step reaches come back as unplanned-write records. */
function markUnmadeFolders(
  out: FactRecord[],
  planned: ReadonlyArray<{ at: number; write: PlannedWrite }>,
  reach: readonly Reach[],
  steps: readonly Step[],
  index: RepoPythonIndex,
  written: ReadonlySet<string>,
  repo: { isDir: (path: string) => boolean; text: (file: string) => string | null },
): FactRecord[] {
  const cwdOf = new Map(steps.map((s) => [s.order, s.cwd]));
  const shellWrites: Array<{ step: number; path: string }> = [];
  for (const step of steps)
    for (const io of commandIo(step.command))
      if (io.mode === "write") shellWrites.push({ step: step.order, path: resolvedFrom(step.cwd, io.path) });
  // Lines a step's own listing holds that no step records (`mkdir -p out` in the README block or the script): read
  // from each folder its steps work in, and from the root.
  const cwdsOf = new Map<string, Set<string>>();
  for (const step of steps)
    for (const file of [step.file, step.program ?? ""])
      if (file !== "" && !/\.(?:py|ipynb)$/.test(file))
        (cwdsOf.get(file) ?? cwdsOf.set(file, new Set([""])).get(file)!).add(step.cwd);
  for (const [file, cwds] of cwdsOf)
    for (const line of (repo.text(file) ?? "").split("\n"))
      if (/\b(?:mkdir|unzip|tar|git|wget|curl|kaggle|gdown|cp|mv|ln|rsync|7z)\b/.test(line))
        for (const io of commandIo(line.replace(/^\s*(?:[$>!%]\s*)?/, "")))
          if (io.mode === "write")
            for (const cwd of cwds) shellWrites.push({ step: 0, path: resolvedFrom(cwd, io.path) });
  const files: Array<{ file: string; step: number; cwd: string; text: string }> = [];
  for (const r of reach) {
    const cwd = cwdOf.get(r.step) ?? "";
    const file = index.byPath.get(r.file);
    // A notebook's `!mkdir -p out`, `os.system("mkdir -p out")`: shell lines of the code.
    const shellLines = [...(file?.shell ?? []).map((l) => l.text), ...(file?.shellStrings ?? []).map((l) => l.value)];
    for (const line of shellLines)
      for (const io of commandIo(line))
        if (io.mode === "write") shellWrites.push({ step: r.step, path: resolvedFrom(cwd, io.path) });
    const text = repo.text(r.file);
    // Hydra runs the program in a run folder of its own making: the plan's relative writes land there.
    if (text !== null && /@hydra\.main\b/.test(text)) return [];
    if (text !== null) files.push({ file: r.file, step: r.step, cwd, text });
  }
  const inputs = out.flatMap((r) =>
    r.mode === "read" && typeof r.path === "string" && !written.has(r.path) ? [r.path] : [],
  );
  const readmes = [...new Set(steps.map((s) => s.file))]
    .filter((f) => /(?:^|\/)readme[^/]*$|\.(?:md|rst)$/i.test(f))
    .flatMap((f) => repo.text(f) ?? []);
  const scene = { readmes, shellWrites, inputs, files, isDir: repo.isDir, resolve: resolvedFrom };
  const unmade = unmadeFolders({ ...scene, writes: planned.map((p) => p.write) });
  for (const [i, folder] of unmade) {
    const { at, write } = planned[i]!;
    Object.assign(out[at]!, { folderUnmade: folder, writer: write.call });
  }
  return unplannedWrites(scene, planned, new Set(reach.map((r) => r.file)), index, repo.text);
}

/** Writes of code files no step reaches, into folders that neither exist nor get made, whether the file runs from
 * the root or from its own folder: off the plan, but a stranger who runs the script meets them. */
function unplannedWrites(
  scene: Omit<FolderScene, "writes">,
  planned: ReadonlyArray<{ write: PlannedWrite }>,
  reached: ReadonlySet<string>,
  index: RepoPythonIndex,
  textOf: (file: string) => string | null,
): FactRecord[] {
  const LATER = Number.MAX_SAFE_INTEGER;
  const candidates = index.files.filter(
    (f) =>
      !reached.has(f.path) &&
      !isTestFile(f) &&
      f.writes.some(
        (w) => needsFolder(w.call) && /^[\w.-]+(?:\/[\w.-]+)*\/[^/]+$/.test(w.path) && !w.path.startsWith(".."),
      ),
  );
  if (candidates.length === 0) return [];
  const texts = new Map(candidates.map((f) => [f.path, textOf(f.path) ?? ""]));
  const judged = (own: boolean) => {
    const cwdOf = (file: string) => (own && file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");
    const writes: PlannedWrite[] = [...planned.map((p) => p.write)];
    const first = writes.length;
    const shellWrites = [...scene.shellWrites];
    const files = [...scene.files];
    for (const f of candidates) {
      if (/@hydra\.main\b/.test(texts.get(f.path)!)) continue;
      const cwd = cwdOf(f.path);
      for (const w of f.writes.slice(0, MAX_PER_FILE))
        writes.push({
          step: LATER,
          file: f.path,
          line: w.line,
          path: resolvedFrom(cwd, w.path),
          written: w.path,
          call: w.call,
          ...(w.folder ? { folder: true } : {}),
        });
      for (const line of [...(f.shell ?? []).map((l) => l.text), ...f.shellStrings.map((l) => l.value)])
        for (const io of commandIo(line))
          if (io.mode === "write") shellWrites.push({ step: LATER, path: resolvedFrom(cwd, io.path) });
      files.push({ file: f.path, step: LATER, cwd, text: texts.get(f.path)! });
    }
    const found = unmadeFolders({ ...scene, writes, shellWrites, files });
    return { writes, found: new Map([...found].filter(([i]) => i >= first)) };
  };
  const fromRoot = judged(false);
  const fromOwn = judged(true);
  const out: FactRecord[] = [];
  for (const [i, folder] of fromRoot.found) {
    if (!fromOwn.found.has(i)) continue;
    const w = fromRoot.writes[i]!;
    const place = index.byPath.get(w.file)?.lineMap?.[w.line - 1];
    out.push({
      kind: "unplanned-write",
      file: w.file,
      line: w.line,
      ...(place ? { cell: place.cell, cellLine: place.cellLine } : {}),
      path: w.path,
      folderUnmade: folder,
      writer: w.call,
    });
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
