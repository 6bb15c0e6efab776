// Calls that stop a run to wait for someone at the terminal: `input()`, `raw_input()`, `getpass()`,
// `click.confirm/prompt`, `typer.confirm/prompt`, rich's `Confirm.ask`/`Prompt.ask`. A scripted rerun has no one
// there: it hangs, or dies at EOF. Each is read with the `if` it hides behind ("output folder exists, overwrite?"),
// and is switchable when that condition is the user's switch (a terminal check, a --yes or --force flag). Prose
// in a docstring or any other multi-line string ("... have to be\n input (see `past_key_values`)") calls nothing. Pure.
import { T, tokenize } from "../../python/lexer.js";

export interface PromptCall {
  line: number;
  /** The call's 0-based column on its line. */
  column: number;
  /** The call as written: "input", "click.confirm". */
  name: string;
  /** The condition of the nearest enclosing `if`/`elif`/`while`, when there is one (cut at 80 characters). */
  condition: string | null;
  /** True when that condition lets a user run without the prompt (isatty, an interactive, yes or force flag). */
  switchable: boolean;
}

const CALL =
  /(?<![\w.])(input|raw_input|getpass(?:\.getpass)?|click\.(?:confirm|prompt)|typer\.(?:confirm|prompt)|(?:Confirm|Prompt|IntPrompt)\.ask)\s*\(/;
/** A condition that is the user's switch around the prompt. */
const USER_SWITCH = /isatty|interactive|\byes\b|\bforce\b|\bno_?input\b|\bconfirm\b|\bask\b|\bprompt\b/i;
const MAX_LINE = 2000;

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The text before a match, outside strings: an odd count of either quote before it puts the match inside one. */
function insideString(before: string): boolean {
  const single = (before.match(/(?<!\\)'/g) ?? []).length;
  const double = (before.match(/(?<!\\)"/g) ?? []).length;
  return single % 2 === 1 || double % 2 === 1;
}

/** The [start, end) offsets of the string literals that span lines: what lies in them is text, not code. */
function multilineStrings(text: string): Array<[number, number]> {
  if (!text.includes('"""') && !text.includes("'''")) return [];
  const t = tokenize(text);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < t.count; k++) {
    if (t.kind[k] !== T.STRING) continue;
    const start = t.start[k]!;
    const end = t.end[k]!;
    if (text.indexOf("\n", start) < end && text.indexOf("\n", start) !== -1) out.push([start, end]);
  }
  return out;
}

/** The condition of the block header that encloses line i, stopping at a def or class (its callers are not read). */
function enclosingCondition(lines: readonly string[], i: number): string | null {
  let indent = indentOf(lines[i]!);
  for (let k = i - 1; k >= 0 && indent > 0; k--) {
    const line = lines[k]!;
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const here = indentOf(line);
    if (here >= indent) continue;
    indent = here;
    const header = /^\s*(?:if|elif|while)\s+(.*?):\s*(?:#.*)?$/.exec(line);
    if (header) return header[1]!.length > 80 ? `${header[1]!.slice(0, 79)}…` : header[1]!;
    if (/^\s*(?:def|class|async\s+def)\b/.test(line)) return null;
  }
  return null;
}

/** The prompts in a Python file's text. */
export function promptCalls(text: string): PromptCall[] {
  if (!/input|getpass|confirm|prompt|\.ask/.test(text)) return [];
  const lines = text.split("\n");
  const strings = multilineStrings(text);
  const out: PromptCall[] = [];
  let offset = 0;
  lines.forEach((raw, i) => {
    const lineStart = offset;
    offset += raw.length + 1;
    if (raw.length > MAX_LINE) return;
    const at = (col: number) => lineStart + col;
    // A line that opens in a string is read from where the string closes (or not at all).
    const open = strings.find(([s, e]) => s < lineStart && e > lineStart);
    if (open && open[1] >= offset) return;
    const from = open ? open[1] - lineStart : 0;
    const line = " ".repeat(from) + raw.slice(from).replace(/#.*$/, "");
    if (/^\s*(?:def|class|import|from)\b/.test(line)) return;
    const m = CALL.exec(line);
    if (!m || insideString(line.slice(from, m.index))) return;
    if (strings.some(([s, e]) => s <= at(m.index) && at(m.index) < e)) return;
    const condition = enclosingCondition(lines, i);
    out.push({
      line: i + 1,
      column: m.index,
      name: m[1]!,
      condition,
      switchable: condition !== null && USER_SWITCH.test(condition),
    });
  });
  return out;
}
