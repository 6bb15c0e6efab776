// Does one file of a branch parse? Python through tree-sitter's WASM grammar, notebooks and JSON through
// JSON.parse, YAML through the safe loader. Nothing from the repo runs.
import { parseConfig } from "../../parse/config-parse.js";
import { flattenNotebook } from "../../view/notebook.js";
import { pythonSyntaxError } from "../../python/check-syntax.js";

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
      const problem = await pythonSyntaxProblem(flat.notebook.text, true);
      if (!problem) return null;
      // The line of a notebook's problem is the flattened line; say which cell it is in, counted from 1 as shown.
      const at = problem.line === null ? undefined : flat.notebook.lineMap[problem.line - 1];
      return {
        line: null,
        message: at ? `cell ${at.cell + 1} line ${at.cellLine}: ${problem.message}` : problem.message,
      };
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

/** The same check the `syntax` family makes on the audited tree, so a branch is judged like main. */
async function pythonSyntaxProblem(text: string, notebook = false): Promise<ParseProblem | null> {
  const error = await pythonSyntaxError(text, { notebook });
  return error ? { line: error.line, message: `syntax error: ${error.message}` } : null;
}
