// Fact family `placeholders`: NotImplementedError, TODO/FIXME comments and `...` bodies, and whether the
// entry points reach them.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { ENTRY_POINT_READS, reachableFiles } from "../../python/entry-points.js";
import { recordAt } from "../../python/locate.js";
import { preparePythonIndex } from "../../python/repo-index.js";

export const extractor: Extractor = {
  id: "placeholders",
  reads: [...ENTRY_POINT_READS],
  roles: ["python", "notebook"],
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const reachable = reachableFiles(index, ctx.facts);
    const records: FactRecord[] = [];
    for (const file of index.files) {
      for (const p of file.placeholders) {
        const unfinished = p.kind === "not-implemented" || p.kind === "ellipsis-body" || p.unfinished === true;
        records.push(
          recordAt(file, p.line, { kind: p.kind, text: p.text, reachable: reachable.has(file.path), unfinished }),
        );
      }
    }
    return records;
  },
};
