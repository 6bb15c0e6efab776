// A dataset whose sample joins N tiles of S px (a whole-slide image cut into a grid, the tiles concatenated or
// stacked back together): the model sees N x S² pixels per sample, not one tile's.
import { countInRange } from "../../../model/count-ranges.js";
import type { SetupFields } from "./setup-calls.js";

const COUNT =
  /^\s*(?:self\.)?(n_?tiles?|num_?tiles?|tiles?_?(?:num|count|n)|n_?patch(?:es)?|num_?patch(?:es)?)\s*=\s*(\d{1,5})\s*(?:#.*)?$/i;
const SIZE = /^\s*(?:self\.)?(tile_?size|tile_?sz|tile_?side|patch_?size)\s*=\s*(\d{1,5})\s*(?:#.*)?$/i;
/** Tiles joined into one sample: concatenated or stacked, or written into a canvas slice by slice (`img[a:a+s, ...] =`);
 * each class excludes the next delimiter, so no split is retried. */
const JOIN =
  /\b(?:np|numpy|torch)\.(?:concatenate|cat|stack|hstack|vstack)\s*\(|\[[^\]\n:]{0,200}:[^\]\n+]{0,200}\+[^\]\n]{0,200}\]\s*=(?!=)/;
const GETITEM = /^\s*def\s+__getitem__\s*\(/m;

/** The per-sample size of a tiled dataset in this Python text, as the side of a square of as many pixels, at the
 * tile count's line; null unless the file holds a dataset (`__getitem__`), a literal tile count and tile size,
 * and joins tiles. */
export function tileGrid(text: string): { line: number; fields: SetupFields } | null {
  if (!GETITEM.test(text) || !/tile|patch/i.test(text)) return null;
  let n: { line: number; name: string; value: number } | null = null;
  let s: { name: string; value: number } | null = null;
  let joins = false;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 4_000) continue; // the regexes stay linear in a line of bounded length
    const c: RegExpExecArray | null = n ? null : COUNT.exec(line);
    if (c) n = { line: i + 1, name: c[1]!, value: Number(c[2]) };
    const z: RegExpExecArray | null = s ? null : SIZE.exec(line);
    if (z) s = { name: z[1]!, value: Number(z[2]) };
    joins ||= JOIN.test(line);
  }
  if (!n || !s || !joins || n.value < 2 || !countInRange("image-size", s.value)) return null;
  const side = Math.round(s.value * Math.sqrt(n.value));
  if (!countInRange("image-size", side)) return null;
  return {
    line: n.line,
    fields: {
      kind: "input-size",
      value: side,
      axis: "both",
      via: "tiles",
      name: `${n.name}, ${s.name}: ${n.value} tiles of ${s.value} px`,
    },
  };
}
