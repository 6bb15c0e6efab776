// With no --base-image named, a base the plan chose that the user's engine lacks (no registry to pull it from) gives
// way to the engine's local images labelled with their Python, chosen among exactly as named ones are (pure).
import { chooseBase, fitPythonToBases, type BaseChoice, type BaseOrigin } from "./base-image.js";
import { PYTHON_LABEL, type NamedBase } from "./local-bases.js";
import type { SpecPlan } from "./spec-plan.js";

export interface LocalBaseFallback {
  /** The plan, its Python fitted to the local bases as to named ones. */
  plan: SpecPlan;
  base: BaseChoice;
  origin: BaseOrigin;
  /** The report's note: which local base stood in for which missing image. */
  note: string;
}

/** The local bases, in the words of the reason and notes: why they were considered though none was named. */
function localBasesOrigin(missing: string): BaseOrigin {
  return {
    name: "local base image",
    noun: "local base image",
    none: `no local base image labelled ${PYTHON_LABEL}`,
    why: `${missing} is not on the engine`,
  };
}

/** The local base to build on in place of `chosen`, or null where nothing changes: the chosen base is on the
 * engine, it is the repo's own Dockerfile, or no local image states a Python it can be chosen by. */
export function fallBackToLocalBase(
  plan: SpecPlan,
  chosen: BaseChoice,
  present: boolean,
  local: readonly NamedBase[],
): LocalBaseFallback | null {
  if (present || chosen.flavor === "own") return null;
  const labelled = local.filter((b) => b.python !== null);
  if (labelled.length === 0) return null;
  const origin = localBasesOrigin(chosen.image);
  const fitted = fitPythonToBases(plan, labelled, origin);
  const base = chooseBase(fitted, labelled, origin);
  const python = base.python ? ` (labelled Python ${base.python})` : "";
  return {
    plan: fitted,
    base,
    origin,
    note: `Build: ${chosen.image} is not on the engine and no --base-image was named: built on the local base image ${base.image}${python} in its place.`,
  };
}
