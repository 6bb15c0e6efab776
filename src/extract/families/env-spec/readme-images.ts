// The base images a README names, in a `docker run`/`docker pull` line or in its prose ("trained inside the
// nvcr.io/nvidia/pytorch:24.04-py3 container"): a known image fixes the Python a rerun gets, and so does a tag
// that names it (`owner/base:pt112-py39-20220803`, or that tag on a line of its own under "docker tag"). Pure.
import type { FactRecord } from "../../../model/facts.js";
import { imageInfo } from "../../parse/images.js";
import { pythonRecord } from "../../parse/records.js";
import { tagPython } from "../../parse/dockerfile.js";

/** A word that may name an image: one or more `owner/` parts, a name, an optional tag; not part of a URL's path. */
const IMAGE = /(?<![\w./:-])((?:[a-z0-9][\w.-]*\/)+[a-z0-9][\w.-]*(?::[\w][\w.-]*)?)/gi;

/** An image named with a tag other than latest: what it ships is fixed. */
const pinnedTag = (image: string) => /:(?!latest$)[\w.-]+$/.test(image.slice(image.lastIndexOf("/") + 1));
/** A tag written alone (`pt112-tf29-py39-20220803`): words joined by `-`/`_`, one of them the Python. */
const BARE_TAG = /(?<![\w./:@-])([a-z0-9][\w.]*(?:[-_][\w.]+)+)(?![\w/:@-])/gi;
/** A line that speaks of a container image, whose tag the next lines may give alone. */
const IMAGE_WORDS = /\b(?:docker|container|image)\b/i;
/** How many lines after such a line a tag written alone is taken as that image's. */
const TAG_REACH = 4;

/** One python-version record for the first known image the README names: the table's Python where it gives one,
 * else none named (the image still fixes it, as a FROM of it does); else the Python the first image's tag names,
 * with the image or alone near words about an image. */
export function readmeImagePython(file: string, text: string): FactRecord[] {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.length > 1000) continue;
    for (const m of lines[i]!.matchAll(IMAGE)) {
      const image = m[1]!.replace(/[.:]+$/, "");
      const known = imageInfo(image);
      const tagged = known?.python ? null : tagPython(image);
      if (tagged)
        return [{ ...pythonRecord(file, i + 1, tagged), source: `the tag of the image ${image}`, prescribes: image }];
      if (!known) continue;
      const record: FactRecord = known.python
        ? { ...pythonRecord(file, i + 1, known.python), source: `${image}: ${known.source}` }
        : { kind: "python-version", file, line: i + 1, value: null, source: `the image ${image} fixes it` };
      return [pinnedTag(image) ? { ...record, prescribes: image } : record];
    }
  }
  return bareTagPython(file, lines);
}

/** The Python of a tag written alone within a few lines after words about a docker image ("docker tag:
 * pt112-py39-20220803"). */
function bareTagPython(file: string, lines: readonly string[]): FactRecord[] {
  let near = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 1000) continue;
    if (IMAGE_WORDS.test(line)) near = i;
    if (i - near > TAG_REACH) continue;
    for (const m of line.matchAll(BARE_TAG)) {
      const version = tagPython(`image:${m[1]!}`);
      if (version)
        return [{ ...pythonRecord(file, i + 1, version), source: `the image tag ${m[1]!}`, prescribes: m[1]! }];
    }
  }
  return [];
}
