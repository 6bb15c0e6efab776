// Fact family `placeholders`: NotImplementedError, TODO/FIXME comments and `...` bodies, and whether the
// entry points reach them.
import type { FactRecord } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import { reachableFiles } from "../python/entry-points.js";
import { recordAt } from "../python/locate.js";
import { preparePythonIndex } from "../python/repo-index.js";

export const extractor: Extractor = {
  id: "placeholders",
  description: "Unfinished code: raise NotImplementedError, TODO and FIXME comments, functions whose body is `...`",
  fields: {
    file: "file holding the placeholder",
    line: "line (flattened line in a notebook)",
    cell: "notebook cell index (0-based), notebooks only",
    cellLine: "line in the cell (1-based), notebooks only",
    kind: "not-implemented | todo | fixme | ellipsis-body (abstract and @overload methods are left out)",
    text: "the line or comment",
    reachable: "the file is an entry point (README script, __main__ guard, notebook) or imported from one; every file when no entry point is known",
  },
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const reachable = reachableFiles(index, ctx.facts);
    const records: FactRecord[] = [];
    for (const file of index.files) {
      for (const p of file.placeholders) records.push(recordAt(file, p.line, { kind: p.kind, text: p.text, reachable: reachable.has(file.path) }));
    }
    return records;
  },
};
