// Run one extractor over an in-memory repo, with optional families collected before it.
import type { FactRecord, Facts } from "../../../src/model/facts.js";
import { emptyFacts } from "../../../src/model/facts.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";
import type { Extractor } from "../../../src/extract/extractor.js";

export async function run(
  extractor: Extractor,
  files: Record<string, string>,
  families: Facts["families"] = {},
): Promise<FactRecord[]> {
  const facts = emptyFacts();
  Object.assign(facts.families, families);
  return extractor.extract({ view: memoryView(files), facts, branches: null });
}

/** A notebook with the given code cells (and a markdown cell first, so cell indexes count all cells). */
export function notebook(...cells: string[]): string {
  return JSON.stringify({
    nbformat: 4,
    cells: [
      { cell_type: "markdown", source: ["# title"] },
      ...cells.map((c) => ({ cell_type: "code", source: c.split(/(?<=\n)/) })),
    ],
  });
}
