// Fact family `undefined-names`: names a file loads that nothing binds, in any scope, and no builtin covers.
//
// Two steps for speed and precision: the lexical pass (names-lexical.ts) keeps names bound nowhere in
// the file under a generous notion of binding; tree-sitter then parses only the files with candidates and
// keeps a name only where it is loaded as a plain expression and bound nowhere. Files with a star
// import, exec/globals() or a syntax error are not judged. The confirmation comes with the prepared index
// (python/tree-facts.ts, one parse shared with the syntax family); an index without it parses here.
import type { FactRecord } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import { recordAt } from "../python/locate.js";
import { confirmUnbound } from "../python/names-confirm.js";
import { preparePythonIndex, sourceOf } from "../python/repo-index.js";
import { pythonParser, withTree } from "../python/tree-sitter.js";

export const extractor: Extractor = {
  id: "undefined-names",
  async extract(ctx) {
    const records: FactRecord[] = [];
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      if (file.unbound === "dynamic" || file.unbound.length === 0) continue;
      let confirmed = file.tree?.unbound;
      if (!confirmed) {
        const source = sourceOf(ctx.view, file.path);
        if (!source) continue;
        const parser = await pythonParser();
        const candidates = file.unbound;
        confirmed = withTree(parser, source.text, (root) => confirmUnbound(root, candidates)) ?? [];
      }
      for (const use of confirmed) records.push(recordAt(file, use.line, { name: use.name }));
    }
    return records;
  },
};
