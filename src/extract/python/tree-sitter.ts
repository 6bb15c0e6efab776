// Load tree-sitter's Python grammar (WASM) once per process; parse only where a fact needs structure.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Node, Parser } from "web-tree-sitter";
import type { LexError } from "./lexer.js";

let parserPromise: Promise<Parser> | null = null;

/** The shared parser; its grammar file from beside this module (a bundle), else node_modules. */
export function pythonParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    // Loaded with the first parse: an audit of a repo whose files need none never loads the parser.
    const { Language, Parser } = await import("web-tree-sitter");
    await Parser.init();
    // The bundles (the bin's, the Action's) carry the grammar beside themselves; else it is in node_modules.
    const beside = fileURLToPath(new URL("./tree-sitter-python.wasm", import.meta.url));
    const wasm = existsSync(beside)
      ? beside
      : createRequire(import.meta.url).resolve("tree-sitter-python/tree-sitter-python.wasm");
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

/** At most this many error spans are kept per file: a file broken that often is broken throughout. */
const MAX_ERROR_SPANS = 200;

/** The lines (1-based, first and last) of every ERROR or MISSING node, outermost only: what error recovery made of
 * broken text, whose identifiers are words rather than uses. Empty for a clean parse. */
export function errorSpans(root: Node): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!root.hasError) return spans;
  const cursor = root.walk();
  try {
    for (;;) {
      const node = cursor.currentNode;
      if (node.isError || node.isMissing) {
        spans.push([node.startPosition.row + 1, node.endPosition.row + 1]);
        if (spans.length >= MAX_ERROR_SPANS) return spans;
      } else if (node.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return spans;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** The lines (1-based, first and last) of each top-level statement holding an ERROR or MISSING node: the scope in
 * which error recovery may have misread a name's role. Statements around them parsed clean. Empty for a clean parse. */
export function brokenStatements(root: Node): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (!root.hasError) return spans;
  for (const node of root.children) {
    if (!node || !(node.isError || node.isMissing || node.hasError)) continue;
    spans.push([node.startPosition.row + 1, node.endPosition.row + 1]);
    if (spans.length >= MAX_ERROR_SPANS) break;
  }
  // A root that is itself the error (nothing parsed) holds every line.
  if (spans.length === 0) spans.push([1, root.endPosition.row + 1]);
  return spans;
}
