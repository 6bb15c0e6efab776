// Shrink the per-file Python indexes a repo keeps for its whole audit: one shared empty list for every empty
// field, one copy of each repeated string (module names, callees, paths), and no string left a slice of
// its file's text, so a source read once is not held alive by a path or a name taken from it.
import type { PyFileIndex } from "./file-index.js";

/** The one empty list every empty field of every file shares; frozen, so a write to it fails loudly. */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** Shortest string V8 keeps as a slice of a longer one; shorter ones are always copies. */
const SLICE_MIN = 13;

/** One copy of each distinct string, for one repo's index (dropped with it). */
export class StringTable {
  private readonly seen = new Map<string, string>();

  /** The table's copy of `text`: the first one met, made its own (not a slice of a file's text). */
  intern(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    // Joining, then cutting, flattens the string into new memory of its own: a slice's parent text is let go.
    const own = text.length >= SLICE_MIN ? (" " + text).slice(1) : text;
    this.seen.set(own, own);
    return own;
  }

  /** How many distinct strings the table holds. */
  get size(): number {
    return this.seen.size;
  }
}

/** Compact one file's index in place (its fields keep their values) and return it. */
export function compactFileIndex(file: PyFileIndex, table: StringTable): PyFileIndex {
  compactObject(file as unknown as Record<string, unknown>, table);
  return file;
}

function compactValue(value: unknown, table: StringTable): unknown {
  if (typeof value === "string") return table.intern(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY_LIST;
    for (let i = 0; i < value.length; i++) value[i] = compactValue(value[i], table);
    return value;
  }
  if (value !== null && typeof value === "object") compactObject(value as Record<string, unknown>, table);
  return value;
}

function compactObject(object: Record<string, unknown>, table: StringTable): void {
  for (const key of Object.keys(object)) {
    const value = object[key];
    if (value !== null && (typeof value === "object" || typeof value === "string"))
      object[key] = compactValue(value, table);
  }
}
