// What a base image ships (data/container-images.json): its packages, Python and environment, with the table's sources.
import { readDataJson } from "../../io/package.js";

export interface ImageInfo {
  python: string | null;
  ships: string[];
  source: string;
  /** The variables the image's published Dockerfile sets (PYTHONPATH as written), with where that was read;
   * null when the table does not know the image's environment. */
  environment: { variables: Readonly<Record<string, string>>; source: string } | null;
  /** The framework versions the release ships (torch: 2.1.0a0), where the table knows them. */
  frameworks: Readonly<Record<string, string>> | null;
  /** The system (apt) packages the image's published Dockerfile installs, with where that was read; null when the
   * table does not know them. */
  system: { packages: readonly string[]; source: string } | null;
}

interface ImageTable {
  images: Array<{
    match: string;
    python: string | null;
    ships: string[];
    source: string;
    environment?: Record<string, string>;
    environmentSource?: string;
    frameworks?: Record<string, string>;
    systemPackages?: string[];
    systemSource?: string;
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
      frameworks: e.frameworks ?? null,
      system: e.systemPackages && e.systemSource ? { packages: e.systemPackages, source: e.systemSource } : null,
    },
  }));
  const name = image.replace(/@sha256:[0-9a-f]+$/, "");
  return compiled.find((e) => e.re.test(name))?.info ?? null;
}

/** Images whose tag is the framework's version (`pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime`). NVIDIA's NGC tags
 * (`nvcr.io/nvidia/pytorch:23.07-py3`) are its release, year and month, never the framework's version. */
const VERSION_TAG: Array<[RegExp, string]> = [
  [/^(?:docker\.io\/)?pytorch\/pytorch:v?(\d+\.\d+(?:\.\d+)?)/, "torch"],
  [/^(?:docker\.io\/)?tensorflow\/tensorflow:(\d+\.\d+(?:\.\d+)?)/, "tensorflow"],
];

/** The framework versions an image ships: those the table gives its release, else those its tag names; none for a
 * release the table does not know. */
export function imageFrameworks(image: string): Array<{ framework: string; version: string }> {
  const known = imageInfo(image)?.frameworks;
  if (known) return Object.entries(known).map(([framework, version]) => ({ framework, version }));
  const name = image.replace(/@sha256:[0-9a-f]+$/, "");
  return VERSION_TAG.flatMap(([re, framework]) => {
    const m = re.exec(name);
    return m ? [{ framework, version: m[1]! }] : [];
  });
}

/** Whether a PYTHONPATH value as a Dockerfile writes it has an empty entry (`:$PYTHONPATH:/opt/x`, `$PYTHONPATH:/opt/x`
 * in an image that had none), which Python reads as the working folder: `python scripts/x.py` run from the root then
 * imports the root's packages. */
export function pythonPathHasWorkingFolder(value: string): boolean {
  const expanded = value.replace(/\$\{PYTHONPATH\}|\$PYTHONPATH\b/g, "");
  return expanded.includes(":") && expanded.split(":").some((entry) => entry.trim() === "");
}
