// Path-like words of prose (pure): each matched once from its start to its end, a linear scan (no pattern here
// backtracks over a long run of path characters).

/** A path-like word; global, for `matchAll` and `replace`. */
export const PATH_TOKEN = /[\w./-]+/g;
/** No path is longer than PATH_MAX. */
export const MAX_PATH_WORD = 4096;

/** A word without the full stops that end its sentence ("run setup.sh."): a loop, since a pattern would backtrack
 * on a run of dots. */
export function withoutTrailingDots(word: string): string {
  let end = word.length;
  while (end > 0 && word[end - 1] === ".") end--;
  return word.slice(0, end);
}
