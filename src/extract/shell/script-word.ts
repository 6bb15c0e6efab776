// Whether a command word names a script to run (.py, .sh, .ipynb), in one pass over the word. Pure.
const SCRIPT_EXTENSION = /\.(?:py|sh|ipynb)$/;
const PATH_CHAR = /[\w.\-/]/;
/** A word naming a script: its tail is path characters ending in .py/.sh/.ipynb, and that tail is the whole word
 * or holds a `/` (`x=a/b.py`, not `x=b.py`). Scanned once from the end: the regex it replaces,
 * /(^|\/)[\w.\-/]*\.(py|sh|ipynb)$/, was tried at every start and took seconds on one long line of slashes. */
export function isScriptWord(word: string): boolean {
  const extension = SCRIPT_EXTENSION.exec(word);
  if (!extension) return false;
  let start = extension.index;
  while (start > 0 && PATH_CHAR.test(word[start - 1]!)) start--;
  return start === 0 || word.slice(start, extension.index).includes("/");
}
