// Fact family `syntax`: files that do not parse, one record per file at the first error.
//
// Approach: the lexer and statement checks (src/extract/python/{lexer,structure}.ts) see every file and
// catch what breaks most real solutions: unterminated strings, unbalanced brackets, bad indentation,
// missing colons, Python 2 print/exec/except/octal/backquote syntax. Tree-sitter then parses only the
// entry points the lexer passed (README scripts, __main__ files, notebooks) to catch the rest where it
// matters most, keeping full parses off the thousands of library files. The parse of a __main__ file or
// notebook comes with the prepared index (one parse shared with undefined-names, python/tree-facts.ts);
// README-named scripts without a verdict are parsed here.
import type { FactRecord } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import { entryPoints, trainingFiles } from "../python/entry-points.js";
import { recordAt } from "../python/locate.js";
import { preparePythonIndex, sourceOf } from "../python/repo-index.js";
import { parseError } from "../python/tree-facts.js";
import { pythonParser } from "../python/tree-sitter.js";

/** Messages of the lexer and statement checks that name a Python 2 construct. */
const PYTHON2 = /Python 2|Missing parentheses in call to '(?:print|exec)'|multiple exception types must be parenthesized|inconsistent use of tabs and spaces/;

export const extractor: Extractor = {
  id: "syntax",
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const records: FactRecord[] = [];
    const entries = entryPoints(index, ctx.facts);
    const training = trainingFiles(index, ctx.facts, ctx.view);
    const onTrainPath = (path: string) => training === null || training.has(path);
    let parser: Awaited<ReturnType<typeof pythonParser>> | null = null;
    for (const file of index.files) {
      if (file.syntaxError) {
        records.push(recordAt(file, file.syntaxError.line, { message: file.syntaxError.message, checkedBy: "lexer", python2: PYTHON2.test(file.syntaxError.message), trainPath: onTrainPath(file.path) }));
        continue;
      }
      if (!entries.has(file.path)) continue;
      let error = file.tree?.error;
      if (error === undefined) {
        const source = sourceOf(ctx.view, file.path);
        if (!source) continue;
        error = parseError((parser ??= await pythonParser()), source.text);
      }
      if (error) records.push(recordAt(file, error.line, { message: error.message, checkedBy: "parser", python2: false, trainPath: onTrainPath(file.path) }));
    }
    return records;
  },
};
