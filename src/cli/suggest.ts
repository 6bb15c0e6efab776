// "did you mean": the known word closest to a mistyped one, by edit distance (pure).
import { closest, editDistance } from "../model/edit-distance.js";

/** " Did you mean X?" or "". */
export function didYouMean(word: string, known: readonly string[]): string {
  const near = closest(word, known);
  return near ? ` Did you mean ${near}?` : "";
}
