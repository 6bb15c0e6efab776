// Fact family `undefined-names`: names a file loads that nothing binds, in any scope, and no builtin covers, and
// settings read from a config class that never defines them (config-attributes.ts).
//
// Two steps for speed and precision: the lexical pass (names-lexical.ts) keeps names bound nowhere in
// the file under a generous notion of binding; tree-sitter then parses only the files with candidates and
// keeps a name only where it is loaded as a plain expression and bound nowhere. Files with a star
// import or exec/globals() are not judged, nor a file's statements that do not parse. The confirmation comes with the prepared index
// (python/tree-facts.ts, one parse shared with the syntax family); an index without it parses here.
import type { FactRecord } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { recordAt } from "../../python/locate.js";
import { confirmUnbound } from "../../python/names-confirm.js";
import { preparePythonIndex, sourceOf } from "../../python/repo-index.js";
import type { PyFileIndex } from "../../python/file-index.js";
import { brokenStatements, errorSpans, pythonParser, withTree } from "../../python/tree-sitter.js";
import { missingConfigAttributes } from "./config-attributes.js";
import { shadowedUses } from "../../python/import-shadowing.js";

/** Builtins of Python 2 that Python 3 dropped: defined for a repo that states Python 2 or is written in it. */
const PYTHON2_BUILTINS = new Set(
  "basestring unicode unichr long xrange raw_input reduce file execfile cmp apply buffer intern coerce reload".split(
    " ",
  ),
);

/** A notebook line running another notebook or script into its namespace (`%run ./utils.ipynb`), in the JSON. */
const RUN_MAGIC = /"\s*%run\s/;

/** When a name loaded in a script's last statement fails: after the work above it (a submission written) is done. */
const LAST_STATEMENT = "at the script's last statement, after everything above it has run";

export const extractor: Extractor = {
  id: "undefined-names",
  reads: ["env-spec", "syntax"],
  roles: ["python", "notebook"],
  async extract(ctx) {
    const records: FactRecord[] = [];
    // A repo that states Python 2, or whose code is Python 2 (a file only Python 2 parses), has its builtins.
    const python2 =
      (ctx.facts.families["env-spec"] ?? []).some(
        (r) => r.kind === "python-version" && typeof r.value === "string" && /^\D*2(?:\.|$)/.test(r.value),
      ) || (ctx.facts.families.syntax ?? []).some((r) => r.python2 === true);
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      if (file.unbound === "dynamic" || file.unbound.length === 0) continue;
      // `%run other.ipynb` binds whatever the other notebook or script defines: its names cannot be judged here.
      if (file.notebook && RUN_MAGIC.test(ctx.view.read(file.path) ?? "")) continue;
      let confirmed = file.tree?.unbound;
      let spans = file.tree?.errorSpans ?? [];
      if (!confirmed) {
        const source = sourceOf(ctx.view, file.path);
        if (!source) continue;
        const parser = await pythonParser();
        const candidates = file.unbound;
        const parsed = withTree(parser, source.text, (root) => ({
          unbound: confirmUnbound(root, candidates),
          spans: file.notebook ? errorSpans(root) : brokenStatements(root),
        }));
        confirmed = parsed?.unbound ?? [];
        spans = parsed?.spans ?? [];
      }
      const broken = brokenCells(file, spans);
      const firstBroken = Math.min(...spans.map(([from]) => from));
      for (const use of confirmed) {
        if (python2 && PYTHON2_BUILTINS.has(use.name)) continue;
        const cell = file.lineMap?.[use.line - 1]?.cell;
        if (cell !== undefined && broken.has(cell)) continue;
        // Names on a cell the parser could not read are words of broken text, not uses. A broken .py is judged above
        // its first statement holding an error: binding is read from every line's tokens, whatever the parse made of
        // them, and what follows an error may be no code at all (a console log pasted below it).
        if (!file.notebook && use.line >= firstBroken) continue;
        records.push(
          recordAt(file, use.line, {
            name: use.name,
            ...(use.atImport ? { atImport: true } : {}),
            ...(use.last ? { when: LAST_STATEMENT } : {}),
          }),
        );
      }
    }
    // A name an import rebinds at module level, used as only its earlier binding allows (import-shadowing.ts).
    for (const file of (await preparePythonIndex(ctx.view)).files) {
      const names = rebindCandidates(file);
      if (names.size === 0) continue;
      const source = sourceOf(ctx.view, file.path);
      if (!source) continue;
      const parser = await pythonParser();
      for (const use of withTree(parser, source.text, (root) => shadowedUses(root, names)) ?? [])
        records.push(
          recordAt(file, use.line, {
            name: use.name,
            kind: "shadowed",
            use: use.use,
            boundAt: use.boundAt,
            reboundAt: use.reboundAt,
          }),
        );
    }
    // Settings read from a plain config class that never defines them.
    const sources = [...ctx.view.python()];
    const byPath = new Map(sources.map((s) => [s.path, s]));
    for (const m of missingConfigAttributes(sources))
      records.push(recordAt(byPath.get(m.path)!, m.line, { name: m.name, kind: "attribute", definedIn: m.definedIn }));
    return records;
  },
};

/** Names a .py file both imports as a module (`import glob`) and from a module (`from glob import glob`): the
 * only ones an import can rebind to another kind of object. A notebook's cells may run in any order: left out. */
function rebindCandidates(file: PyFileIndex): Set<string> {
  if (file.notebook || file.syntaxError || file.bytes > 1_000_000) return new Set();
  const modules = new Set(file.imports.filter((i) => i.names.length === 0).map((i) => i.module.split(".")[0]!));
  return new Set(file.imports.flatMap((i) => i.names).filter((n) => modules.has(n)));
}

/** The notebook cells holding a syntax error (the lexer's, or any the parser recovered from): every line of each. */
function brokenCells(file: PyFileIndex, spans: ReadonlyArray<readonly [number, number]>): Set<number> {
  const cells = new Set<number>();
  const lines = file.lineMap ?? [];
  const add = (from: number, to: number) => {
    for (let line = from; line <= Math.min(to, lines.length); line++) {
      const cell = lines[line - 1]?.cell;
      if (cell !== undefined) cells.add(cell);
    }
  };
  if (file.syntaxError) add(file.syntaxError.line, file.syntaxError.line);
  for (const [from, to] of spans) add(from, to);
  if (file.tree?.error) add(file.tree.error.line, file.tree.error.line);
  return cells;
}
