// Does one file of a branch parse? Python through tree-sitter's WASM grammar, notebooks and JSON through
// JSON.parse, YAML through the safe loader. Nothing from the repo runs.
import { createRequire } from "node:module";
import { parseConfig } from "../extract/config-parse.js";
import { flattenNotebook } from "../extract/notebook.js";

export interface ParseProblem {
  line: number | null;
  message: string;
}

/** Which files a branch check parses, by name. */
export function parseFormatOf(path: string): "python" | "notebook" | "json" | "yaml" | null {
  const lower = path.toLowerCase();
  if (lower.endsWith(".py")) return "python";
  if (lower.endsWith(".ipynb")) return "notebook";
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".yaml") || lower.endsWith(".yml")) return "yaml";
  return null;
}

export async function parseProblem(path: string, text: string): Promise<ParseProblem | null> {
  switch (parseFormatOf(path)) {
    case "python":
      return pythonSyntaxProblem(text);
    case "notebook": {
      const parsed = parseConfig(text, "json");
      if (!parsed.ok) return { line: parsed.line, message: parsed.message };
      const flat = flattenNotebook(text);
      if (!flat.ok) return { line: null, message: flat.reason };
      const problem = await pythonSyntaxProblem(flat.notebook.text);
      if (!problem) return null;
      // The line of a notebook's problem is the flattened line; say which cell it is in.
      const at = problem.line === null ? undefined : flat.notebook.lineMap[problem.line - 1];
      return { line: null, message: at ? `cell ${at.cell} line ${at.cellLine}: ${problem.message}` : problem.message };
    }
    case "json": {
      const parsed = parseConfig(text, "json");
      return parsed.ok ? null : { line: parsed.line, message: parsed.message };
    }
    case "yaml": {
      const parsed = parseConfig(text, "yaml");
      return parsed.ok ? null : { line: parsed.line, message: parsed.message };
    }
    default:
      return null;
  }
}

// --- Python: tree-sitter, loaded once on first use ---------------------------------------------------

interface TsNode {
  type: string;
  isError: boolean;
  isMissing: boolean;
  hasError: boolean;
  startPosition: { row: number; column: number };
  children: Array<TsNode | null>;
}
interface TsParser {
  parse(text: string): { rootNode: TsNode; delete(): void } | null;
}

let parserPromise: Promise<TsParser> | null = null;

async function pythonParser(): Promise<TsParser> {
  parserPromise ??= (async () => {
    const { Parser, Language } = await import("web-tree-sitter");
    await Parser.init();
    const require = createRequire(import.meta.url);
    const wasm = require.resolve("tree-sitter-python/tree-sitter-python.wasm");
    const parser = new Parser();
    parser.setLanguage(await Language.load(wasm));
    return parser as unknown as TsParser;
  })();
  return parserPromise;
}

/** The first error node, depth first: where a reader should look. */
function firstError(node: TsNode): TsNode | null {
  if (node.isError || node.isMissing) return node;
  if (!node.hasError) return null;
  for (const child of node.children) {
    const found = child ? firstError(child) : null;
    if (found) return found;
  }
  return node;
}

export async function pythonSyntaxProblem(text: string): Promise<ParseProblem | null> {
  const parser = await pythonParser();
  const tree = parser.parse(text);
  if (!tree) return { line: null, message: "the Python parser gave up on this file" };
  try {
    const error = firstError(tree.rootNode);
    if (!error) return null;
    const line = error.startPosition.row + 1;
    return { line, message: error.isMissing ? `syntax error: missing ${error.type}` : "syntax error" };
  } finally {
    tree.delete();
  }
}
