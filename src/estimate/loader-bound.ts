// Trainings whose data loading, not the GPU, sets the pace (pure): a file the step's program reaches imports a
// decoder of whole-slide images, DICOM or medical volumes, read and resized image by image while the GPU waits.
import type { FactRecord } from "../model/facts.js";

/** The share of the GPU-bound utilisation a loader-bound training keeps: a third at the centre, a tenth at the
 * low end, all of it at the high end (the loader may keep up after all). */
export const LOADER_SHARE = { value: 1 / 3, low: 1 / 10, high: 1 };

/** Modules that decode slides, DICOM series and 3D volumes on the CPU. */
const DECODERS = new Set([
  "openslide",
  "tifffile",
  "pydicom",
  "dicomsdl",
  "gdcm",
  "pylibjpeg",
  "nibabel",
  "SimpleITK",
  "nrrd",
  "cucim",
  "pyvips",
]);

export interface LoaderBound {
  value: number;
  low: number;
  high: number;
  source: string;
}

/** The files the step's program reaches when any step runs it (itself included); null for a step with no program. */
export function reachedFiles(step: FactRecord, plan: readonly FactRecord[]): Set<string> | null {
  if (typeof step.program !== "string") return null;
  const runs = new Set(plan.filter((s) => s.kind === "step" && s.program === step.program).map((s) => Number(s.order)));
  return new Set([
    step.program,
    ...plan.filter((r) => r.kind === "reach" && runs.has(Number(r.step))).map((r) => String(r.file)),
  ]);
}

/** Why the training `step` runs loader-bound, or null: the first decoder import among the files that its
 * program, run by any step, reaches. */
export function loaderBound(
  step: FactRecord,
  plan: readonly FactRecord[],
  imports: readonly FactRecord[],
): LoaderBound | null {
  const reached = reachedFiles(step, plan);
  if (!reached) return null;
  const found = imports
    .filter((r) => reached.has(String(r.file)) && DECODERS.has(String(r.top)))
    .sort((a, b) => String(a.file).localeCompare(String(b.file)) || Number(a.line) - Number(b.line))[0];
  if (!found) return null;
  return {
    ...LOADER_SHARE,
    source: `${String(found.file)}:${String(found.line)} imports ${String(found.top)} (reached by ${step.program}): images decoded on the CPU as the GPU waits, a third of the GPU-bound utilisation, a tenth at the low end`,
  };
}
