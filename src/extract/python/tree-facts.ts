// Tree-sitter's two verdicts on one file from a single parse: the syntax family's parser check (entry
// points) and the undefined-names confirmation of the lexer's unbound candidates.
//
// Which files: every file the lexer passed that is a likely entry point by itself (a __main__ guard, a
// notebook) or has unbound candidates. README-named scripts are only known once the readme family is
// collected; the syntax extractor parses those few itself (parseError below).
import type { Parser } from "web-tree-sitter";
import type { LexError } from "./lexer.js";
import type { PyFileIndex, PyTreeFacts } from "./file-index.js";
import { confirmUnbound } from "./names-confirm.js";
import { brokenStatements, errorSpans, firstParseError, withTree } from "./tree-sitter.js";

export function needsTree(file: PyFileIndex): boolean {
  if (file.syntaxError) return false;
  return file.hasMain || file.notebook || (file.unbound !== "dynamic" && file.unbound.length > 0);
}

/** Parse `text` once and read both verdicts; a parse that yields no tree counts as clean with nothing confirmed. */
export function treeFacts(parser: Parser, text: string, file: PyFileIndex): PyTreeFacts {
  const candidates = file.unbound === "dynamic" ? [] : file.unbound;
  const facts = withTree(parser, text, (root) => {
    const error = firstParseError(root);
    return {
      error,
      // A notebook's error may sit in several cells (one per shell listing): each of them is broken text.
      // A .py's names outside the statements holding an error are still judged (undefined-names).
      ...(error ? { errorSpans: file.notebook ? errorSpans(root) : brokenStatements(root) } : {}),
      unbound: candidates.length > 0 ? confirmUnbound(root, candidates) : [],
    };
  });
  return facts ?? { error: null, unbound: [] };
}

/** The parser's first error in a file the index holds no verdict for. */
export function parseError(parser: Parser, text: string): LexError | null {
  return withTree(parser, text, firstParseError);
}
