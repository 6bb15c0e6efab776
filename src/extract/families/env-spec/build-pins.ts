// A Dockerfile's loose bound (`pip install "numpy<2.0.0"`) followed by the `pip install -r requirements.txt` whose
// file pins numpy==1.26.4: the build ends with the exact pin, so the package is pinned in that build.
import type { FactRecord } from "../../../model/facts.js";
import { normalizeDistribution } from "../../python/packages.js";
import { dockerfileRequirements } from "./dockerfile-requirements.js";

/** Marks pinned each unpinned package line of a Dockerfile whose package an exact pin of the same build fixes: the
 * Dockerfile's own lines or a requirements file it installs with `-r`. */
export function pinThroughBuilds(records: FactRecord[], read: (file: string) => string | null): void {
  const specFiles = (format: string) =>
    records.flatMap((r) =>
      r.kind === "spec-file" && r.format === format && typeof r.file === "string" ? [r.file] : [],
    );
  const requirementFiles = specFiles("requirements");
  for (const dockerfile of specFiles("dockerfile")) {
    const build = new Set([
      dockerfile,
      ...dockerfileRequirements(dockerfile, read(dockerfile) ?? "", requirementFiles).map((i) => i.target),
    ]);
    const pinned = new Set(
      records.flatMap((r) =>
        r.kind === "package" && build.has(String(r.file)) && r.pinned === true && typeof r.name === "string"
          ? [normalizeDistribution(r.name)]
          : [],
      ),
    );
    for (const r of records)
      if (
        r.kind === "package" &&
        r.file === dockerfile &&
        r.pinned === false &&
        typeof r.name === "string" &&
        pinned.has(normalizeDistribution(r.name))
      )
        r.pinned = true;
  }
}
