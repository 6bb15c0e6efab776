// What the environment's container image adds to Python's search path: a documented image whose Dockerfile sets
// PYTHONPATH with an empty entry (Kaggle's: `:$PYTHONPATH:/opt/facets/...`) puts the working folder on it, so
// `python scripts/x.py` from the root imports the root's packages. Read from the env-spec family's images and the
// table of known images; an outside image whose environment the table does not know leaves the strict reading
// unconfirmed. Pure.
import type { FactRecord } from "../../../model/facts.js";
import { imageInfo, pythonPathHasWorkingFolder } from "../../parse/images.js";

export interface ImageSearchPath {
  /** An image of the environment puts the working folder on PYTHONPATH, with why ("image X: its Dockerfile ..."). */
  workingFolder: string | null;
  /** An outside image of the environment whose variables the table does not know (a PYTHONPATH it may set). */
  unknown: string | null;
}

/** The images the env-spec family names (a Dockerfile's FROM, an image the README pulls or runs), read for PYTHONPATH. */
export function imageSearchPath(envSpec: readonly FactRecord[]): ImageSearchPath {
  let workingFolder: string | null = null;
  let unknown: string | null = null;
  for (const r of envSpec) {
    if (r.kind !== "image" || typeof r.image !== "string" || typeof r.file !== "string") continue;
    const image = r.image;
    // A Dockerfile's earlier stage, scratch or a build argument's base carries no `untagged` verdict: no outside image.
    // An Anaconda installer a shell script runs is a base environment, but no image with variables of its own.
    if (/\.(?:sh|bash)$/i.test(r.file) || (isDockerfile(r.file) && typeof r.untagged !== "boolean")) continue;
    const environment = imageInfo(image)?.environment ?? null;
    if (environment === null) {
      unknown ??= image;
      continue;
    }
    const value = environment.variables["PYTHONPATH"];
    if (value !== undefined && pythonPathHasWorkingFolder(value))
      workingFolder ??= `${image} sets PYTHONPATH=${value} (${environment.source})`;
  }
  return { workingFolder, unknown: workingFolder === null ? unknown : null };
}

const isDockerfile = (file: string) => /(?:^|\/)(?:[^/]*Dockerfile[^/]*|[^/]*\.docker|Containerfile)$/i.test(file);
