// "did you mean": the known word closest to a mistyped one, by edit distance (pure).
import { editDistance } from "../model/edit-distance.js";

export { editDistance };

/** The closest known word within a third of its length (at least 2 edits), or null. */
export function closest(word: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : null;
}

/** " Did you mean X?" or "". */
export function didYouMean(word: string, known: readonly string[]): string {
  const near = closest(word, known);
  return near ? ` Did you mean ${near}?` : "";
}
