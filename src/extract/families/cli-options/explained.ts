// Whether an option without help is explained elsewhere: `choices=` (or click.Choice) lists its values, or a
// README list item or table row names it with words after it (`- --mode: train or valid`, `| debug | ... |`). Pure.
import type { PyCall } from "../../python/call-args.js";

/** Lines of a README that explain something: list items and table rows, each with its 1-based line. */
export function explainingLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^\s*(?:[-*+]|\d+[.)]|\|)\s*\S/.test(l)) out.push({ line: i + 1, text: l });
  });
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** How an option is explained without help: "choices", the README place that explains it, or null. */
export function explainedBy(
  call: PyCall,
  option: string,
  readmes: ReadonlyArray<{ file: string; lines: ReadonlyArray<{ line: number; text: string }> }>,
): string | null {
  const choices = call.args.find((a) => a.name === "choices");
  const type = call.args.find((a) => a.name === "type");
  if (choices || (type && /(?:^|\.)Choice\s*\(/.test(type.value))) return "choices";
  const bare = option.replace(/^-+/, "");
  if (bare.length < 2) return null;
  // The name (with or without its dashes, `_` and `-` alike), then a separator and words: a list item or a table row.
  const name = escape(bare).replace(/[_-]/g, "[_-]");
  const explains = new RegExp(
    `^\\s*(?:[-*+]|\\d+[.)]|\\|)\\s*[\`*]*(?:--?)?${name}[\`*]*\\s*(?:[:|=(]|\\s[-–—]\\s)\\s*\\S`,
    "i",
  );
  for (const readme of readmes) {
    const hit = readme.lines.find((l) => explains.test(l.text));
    if (hit) return `${readme.file}:${hit.line}`;
  }
  return null;
}
