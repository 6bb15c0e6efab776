// Load tree-sitter's Python grammar (WASM) once per process; parse only where a fact needs structure.
import { createRequire } from "node:module";
import { Language, Parser, type Node } from "web-tree-sitter";
import type { LexError } from "./lexer.js";

let parserPromise: Promise<Parser> | null = null;

/** The shared parser. The grammar file is resolved through node_modules, so it works from src/ and dist/. */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = require.resolve("tree-sitter-python/tree-sitter-python.wasm");
    const language = await Language.load(wasm);
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/** Parse `text` and hand the root to `use`; the tree is freed afterwards (WASM memory is not collected). */
export function withTree<R>(parser: Parser, text: string, use: (root: Node) => R): R | null {
  const tree = parser.parse(text);
  if (!tree) return null;
  try {
    return use(tree.rootNode);
  } finally {
    tree.delete();
  }
}

/** The first ERROR or MISSING node in document order, as a syntax error; null for a clean parse. */
export function firstParseError(root: Node): LexError | null {
  if (!root.hasError) return null;
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) {
        const what = node.isMissing ? `missing '${node.type}'` : "invalid syntax";
        return { line: node.startPosition.row + 1, col: node.startPosition.column, message: what };
      }
      if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return null;
      }
    }
  } finally {
    cursor.delete();
  }
}
