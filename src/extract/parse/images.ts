// What a base image ships (data/container-images.json): its packages and Python, with the table's source.
import { readDataJson } from "../../io/package.js";

export interface ImageInfo {
  python: string | null;
  ships: string[];
  source: string;
}

interface ImageTable {
  images: Array<{ match: string; python: string | null; ships: string[]; source: string }>;
}

let compiled: Array<{ re: RegExp; info: ImageInfo }> | null = null;

/** The first table entry matching the image (name and tag, a registry prefix allowed); null when unknown. */
export function imageInfo(image: string): ImageInfo | null {
  compiled ??= readDataJson<ImageTable>("container-images.json").images.map((e) => ({
    re: new RegExp(e.match),
    info: { python: e.python, ships: e.ships, source: e.source },
  }));
  const name = image.replace(/@sha256:[0-9a-f]+$/, "");
  return compiled.find((e) => e.re.test(name))?.info ?? null;
}
