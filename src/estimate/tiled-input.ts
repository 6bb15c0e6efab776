// A training whose dataset joins N tiles of S px into each sample (pure): its input is N x S² pixels, whatever one
// tile's size the step or its code states (a whole-slide grid of 36 tiles of 256 px is 1536 px a side, not 256).
import type { FactRecord } from "../model/facts.js";
import type { Guessed, Size } from "./compute.js";
import { reachedFiles } from "./loader-bound.js";

const tiled = (r: FactRecord) => r.kind === "input-size" && r.via === "tiles" && typeof r.value === "number";

const sizeOf = (r: FactRecord): Guessed<Size> => ({
  value: [Number(r.value), Number(r.value)],
  origin: "code",
  source: `${String(r.file)}:${String(r.line)} ${String(r.name)} joined into each sample: as many pixels as ${String(r.value)} px square`,
});

/** The tiled input of the files the step's program reaches (its own file first), or null. */
export function tiledInput(
  step: FactRecord,
  plan: readonly FactRecord[],
  setup: readonly FactRecord[],
): Guessed<Size> | null {
  const reached = reachedFiles(step, plan);
  if (!reached) return null;
  const found = setup
    .filter((r) => tiled(r) && reached.has(String(r.file)))
    .sort(
      (a, b) =>
        Number(b.file === step.program) - Number(a.file === step.program) ||
        String(a.file).localeCompare(String(b.file)) ||
        Number(a.line) - Number(b.line),
    )[0];
  return found ? sizeOf(found) : null;
}
