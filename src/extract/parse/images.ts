// What a base image ships (data/container-images.json): its packages, Python and environment, with the table's sources.
import { readDataJson } from "../../io/package.js";

export interface ImageInfo {
  python: string | null;
  ships: string[];
  source: string;
  /** The variables the image's published Dockerfile sets (PYTHONPATH as written), with where that was read;
   * null when the table does not know the image's environment. */
  environment: { variables: Readonly<Record<string, string>>; source: string } | null;
}

interface ImageTable {
  images: Array<{
    match: string;
    python: string | null;
    ships: string[];
    source: string;
    environment?: Record<string, string>;
    environmentSource?: string;
  }>;
}

let compiled: Array<{ re: RegExp; info: ImageInfo }> | null = null;

/** The first table entry matching the image (name and tag, a registry prefix allowed); null when unknown. */
export function imageInfo(image: string): ImageInfo | null {
  compiled ??= readDataJson<ImageTable>("container-images.json").images.map((e) => ({
    re: new RegExp(e.match),
    info: {
      python: e.python,
      ships: e.ships,
      source: e.source,
      environment:
        e.environment && e.environmentSource ? { variables: e.environment, source: e.environmentSource } : null,
    },
  }));
  const name = image.replace(/@sha256:[0-9a-f]+$/, "");
  return compiled.find((e) => e.re.test(name))?.info ?? null;
}

/** Whether a PYTHONPATH value as a Dockerfile writes it has an empty entry (`:$PYTHONPATH:/opt/x`, `$PYTHONPATH:/opt/x`
 * in an image that had none), which Python reads as the working folder: `python scripts/x.py` run from the root then
 * imports the root's packages. */
export function pythonPathHasWorkingFolder(value: string): boolean {
  const expanded = value.replace(/\$\{PYTHONPATH\}|\$PYTHONPATH\b/g, "");
  return expanded.includes(":") && expanded.split(":").some((entry) => entry.trim() === "");
}
