// A README's Python code block is a step a reader runs by hand: the files it writes (`df.to_pickle("x.pkl")`,
// `pickle.dump(obj, open("y.pkl", "wb"))`) are produced, like a script's. Pure.
import { indexPythonText } from "../../python/file-index.js";
import { parseReadme } from "../../shell/readme-parse.js";
import type { Written } from "./produced.js";

/** A line only Python starts with: an import, a definition, a `with` block. */
const PYTHON_LINE = /^(?:import\s+[\w.]+|from\s+[\w.]+\s+import\s|def\s+\w+\s*\(|with\s+open\s*\()/;

/** The writes of the README's Python blocks, each at its README line. */
export function readmePythonWrites(readmes: ReadonlyArray<{ file: string; text: string }>): Written[] {
  const out: Written[] = [];
  for (const { file, text } of readmes) {
    const blocks = new Map<number, Array<{ line: number; text: string }>>();
    for (const c of parseReadme(text).code) (blocks.get(c.block) ?? blocks.set(c.block, []).get(c.block)!).push(c);
    for (const lines of blocks.values()) {
      if (!lines.some((l) => PYTHON_LINE.test(l.text.trim()))) continue;
      // The block at its README lines (blank lines between), dedented as a whole: line numbers are the README's.
      const indent = Math.min(...lines.filter((l) => l.text.trim()).map((l) => /^\s*/.exec(l.text)![0].length));
      const source: string[] = [];
      for (const l of lines) {
        while (source.length < l.line - 1) source.push("");
        source.push(l.text.slice(indent));
      }
      for (const w of indexPythonText(file, source.join("\n"), false).writes) {
        if (w.path === "*") continue;
        out.push({ path: w.path, by: `${file}:${w.line}`, what: w.folder ? "filled" : "file", fromFile: file });
      }
    }
  }
  return out;
}
