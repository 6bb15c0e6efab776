// The base images a README names, in a `docker run`/`docker pull` line or in its prose ("trained inside the
// nvcr.io/nvidia/pytorch:24.04-py3 container"): a known image fixes the Python a rerun gets. Pure.
import type { FactRecord } from "../../../model/facts.js";
import { imageInfo } from "../../parse/images.js";
import { pythonRecord } from "../../parse/records.js";

/** A word that may name an image: one or more `owner/` parts, a name, an optional tag; not part of a URL's path. */
const IMAGE = /(?<![\w./:-])((?:[a-z0-9][\w.-]*\/)+[a-z0-9][\w.-]*(?::[\w][\w.-]*)?)/gi;

/** One python-version record for the first known image the README names: the table's Python where it gives one,
 * else none named (the image still fixes it, as a FROM of it does). */
export function readmeImagePython(file: string, text: string): FactRecord[] {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.length > 1000) continue;
    for (const m of lines[i]!.matchAll(IMAGE)) {
      const image = m[1]!.replace(/[.:]+$/, "");
      const known = imageInfo(image);
      if (!known) continue;
      return [
        known.python
          ? { ...pythonRecord(file, i + 1, known.python), source: `${image}: ${known.source}` }
          : { kind: "python-version", file, line: i + 1, value: null, source: `the image ${image} fixes it` },
      ];
    }
  }
  return [];
}
