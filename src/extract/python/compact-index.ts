// Shrink the per-file Python indexes a repo keeps for its whole audit: one shared empty list for every empty
// field, every other list cut to its length, one copy of each repeated string (module names, callees, paths),
// and no string left a slice of its file's text, so a source read once is not held alive by a path or a name
// taken from it.
import type { PyFileIndex, PyTreeFacts } from "./file-index.js";

/** The one empty list every empty field of every file shares; frozen, so a write to it fails loudly. */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** The verdict of every clean parse that confirmed nothing (most parsed files): one frozen object for all. */
export const CLEAN_TREE: PyTreeFacts = Object.freeze({
  error: null,
  unbound: EMPTY_LIST as unknown as PyTreeFacts["unbound"],
});

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
  const copies = new Map<object, unknown>();
  const record = file as unknown as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = compactValue(record[key], table, copies);
  if (file.tree && file.tree.error === null && file.tree.unbound.length === 0) file.tree = CLEAN_TREE;
  return file;
}

/** The compact copy of one value; `copies` keeps a value met twice in one file one object. */
function compactValue(value: unknown, table: StringTable, copies: Map<object, unknown>): unknown {
  if (typeof value === "string") return table.intern(value);
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value) && value.length === 0) return EMPTY_LIST;
  const known = copies.get(value);
  if (known !== undefined) return known;
  let own: unknown;
  if (Array.isArray(value)) {
    // A list grown by push keeps room for 16 or more items; its copy holds exactly its items (a few per field).
    const list = value.slice();
    for (let i = 0; i < list.length; i++) list[i] = compactValue(list[i], table, copies);
    own = list;
  } else {
    // Rebuilt key by key from an empty object, so records of one shape share one hidden class: a record made by
    // spreading (`{ ...arg, root }`) can get a class of its own, larger than the record itself.
    const record: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(value)) record[key] = compactValue(field, table, copies);
    own = record;
  }
  copies.set(value, own);
  return own;
}
