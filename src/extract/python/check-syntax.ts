// One Python text's first syntax error, as the `syntax` family judges it: the lexer and statement checks
// first (they also catch Python 2 forms tree-sitter accepts), then tree-sitter for the rest.
import { logicalLines, tokenize, type LexError } from "./lexer.js";
import { structureError } from "./structure.js";
import { firstParseError, pythonParser, withTree } from "./tree-sitter.js";

export async function pythonSyntaxError(text: string, options: { notebook?: boolean } = {}): Promise<LexError | null> {
  const tokens = tokenize(text, { notebook: options.notebook ?? false });
  const lexical = tokens.error ?? structureError(text, tokens, logicalLines(tokens), options.notebook ?? false);
  if (lexical) return lexical;
  const parser = await pythonParser();
  return withTree(parser, text, firstParseError);
}
