// Facts: plain records the extractors collect and the rules judge. They carry no opinions.

/** Where a fact was seen. `line` is 1-based in the file; in a notebook `cell` (0-based code-cell index
 * among all cells) and `cellLine` (1-based) point back into the .ipynb, and `line` is the flattened line. */
export interface Location {
  file: string;
  line?: number;
  cell?: number;
  cellLine?: number;
}

/** One fact record: a flat object of scalar values, optionally located. Rules match on these fields. */
export type FactValue = string | number | boolean | null;
export type FactRecord = Partial<Location> & { [field: string]: FactValue | undefined };

/** Fact ids: one per extractor (file name = id) plus the later stages' families. */
export type FactId = string;

/** All facts of one audit. A family absent from `families` and present in `notCollected` could not be
 * gathered (e.g. branches of a plain folder); rules that need it are "not assessed", never passed. */
export interface Facts {
  families: Record<FactId, FactRecord[]>;
  notCollected: Record<FactId, string>;
}

export function emptyFacts(): Facts {
  return { families: {}, notCollected: {} };
}

export function addFacts(facts: Facts, id: FactId, records: FactRecord[]): void {
  const family = (facts.families[id] ??= []);
  // One push at a time: spreading a large repo's records into push's arguments overflows the stack.
  for (const record of records) family.push(record);
  delete facts.notCollected[id];
}

export function markNotCollected(facts: Facts, id: FactId, reason: string): void {
  if (!(id in facts.families)) facts.notCollected[id] = reason;
}
