// Sorting text the way localeCompare sorts it in English, without starting ICU's collator (its first use costs
// tens of milliseconds of every audit's start-up): printable ASCII by a fixed table, anything else by localeCompare.

/** Printable ASCII in English collation order; a letter's two cases share a place, lower case first on a tie. */
const ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";

/** The primary weight of each printable ASCII code (upper case as its lower case); 0 for any other. */
const WEIGHT = new Uint8Array(128);
for (let i = 0; i < ORDER.length; i++) {
  const code = ORDER.charCodeAt(i);
  WEIGHT[code] = i + 1;
  if (code >= 97 && code <= 122) WEIGHT[code - 32] = i + 1;
}

/** -1, 0 or 1 as `a.localeCompare(b, "en")` gives for printable ASCII text (paths, ids, names). */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let caseOrder = 0;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    const wx = x < 128 ? WEIGHT[x]! : 0;
    const wy = y < 128 ? WEIGHT[y]! : 0;
    if (wx === 0 || wy === 0) return Math.sign(a.localeCompare(b, "en"));
    if (wx !== wy) return wx < wy ? -1 : 1;
    // The same letter in two cases: decides only when nothing else does (lower case first).
    if (caseOrder === 0 && x !== y) caseOrder = x > y ? -1 : 1;
  }
  for (const rest of [a.slice(n), b.slice(n)])
    for (let i = 0; i < rest.length; i++) {
      const code = rest.charCodeAt(i);
      if (code >= 128 || WEIGHT[code] === 0) return Math.sign(a.localeCompare(b, "en"));
    }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return caseOrder;
}
