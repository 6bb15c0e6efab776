// Branches behind a function's flag that nothing sets: `def create_loader(..., tf_preprocessing=False)` with
// `if tf_preprocessing and use_prefetcher:` in its body, where no caller passes the flag (by keyword, by
// position or through `**kwargs`) and the body never reassigns it. What such a branch imports or reads is off
// the rerun path. So is the inverse: `def collect(root, paths=None)` with `if paths is None:` in its body, where
// every call of collect passes paths (by keyword or by position, never as None). Read line by line, over the repo's
// Python texts. Pure.
import type { Span } from "./main-only.js";
import { blockLast, indentOf } from "../../python/blocks.js";
import { splitTop } from "../../python/split-top.js";

/** Whether any code may set `param` (the `index`th parameter, self excluded) of function `fn`. */
export type FlagSetter = (fn: string, param: string, index: number) => boolean;
/** Where every call of function `fn` gives `param` (the `index`th parameter, self excluded): the first such call
 * ("blend.py:3"), or null when some call may leave it out or none is seen. */
export type ParamGiver = (fn: string, param: string, index: number) => string | null;

const DEF = /^([ \t]*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/;
const HEADER = /^([ \t]*)(?:if|elif)\s+(.+?):\s*(?:#.*)?$/;
const MAX_SIGNATURE_LINES = 30;

/** Top-level comma-separated parts of an argument or parameter list (brackets and quotes kept whole); none when
 * its brackets do not balance. */
const topLevelParts = (text: string): string[] => (splitTop(text, ",") ?? []).map((p) => p.trim());

/** The text inside the parenthesis that opens at `open`, or null when it does not close within the text. */
function insideParens(text: string, open: number): string | null {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 20_000; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open + 1, i);
  }
  return null;
}

/** The body spans (1-based lines) of branches whose test needs a flag parameter no code sets, each with why. */
export function unsetFlagSpans(
  text: string,
  setter: FlagSetter,
  giver?: ParamGiver,
): Array<{ span: Span; why: string }> {
  const lines = text.split("\n");
  const out: Array<{ span: Span; why: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const def = DEF.exec(lines[i]!);
    if (!def) continue;
    // The signature, up to its closing parenthesis.
    const head = lines.slice(i, i + MAX_SIGNATURE_LINES).join("\n");
    const params = insideParens(head, head.indexOf("(", def[0].length - 1));
    if (params === null) continue;
    const signatureEnd = i + (head.slice(0, head.indexOf(params) + params.length).match(/\n/g)?.length ?? 0);
    const parts = topLevelParts(params.replace(/#[^\n]*/g, ""));
    const own = parts[0] === "self" || parts[0] === "cls" ? 1 : 0;
    const flags = new Map<string, { index: number; value: string }>();
    parts.forEach((p, k) => {
      const m = /^([A-Za-z_]\w*)\s*(?::\s*[\w.[\], ]+)?=\s*(False|None)$/.exec(p);
      if (m) flags.set(m[1]!, { index: k - own, value: m[2]! });
    });
    if (flags.size === 0) continue;
    const depth = indentOf(lines[i]!);
    let end = signatureEnd + 1;
    while (end < lines.length && (lines[end]!.trim() === "" || indentOf(lines[end]!) > depth)) end++;
    const body = lines.slice(signatureEnd + 1, end);
    for (let j = 0; j < body.length; j++) {
      const h = HEADER.exec(body[j]!);
      if (!h || /\bor\b/.test(h[2]!)) continue;
      // `if paths is None:` where every caller gives paths (and the body never sets it to None).
      const none = /^([A-Za-z_]\w*)\s+is\s+None$/.exec(h[2]!.trim())?.[1];
      if (none !== undefined && giver && flags.get(none)?.value === "None") {
        if (body.some((l) => new RegExp(`(?:^|[^\\w.])${none}\\s*=\\s*None\\b`).test(l))) continue;
        const by = giver(def[2]!, none, flags.get(none)!.index);
        const last = blockLast(body, j);
        if (by !== null && last > j)
          out.push({
            span: [signatureEnd + 1 + j + 2, signatureEnd + 1 + last + 1],
            why: `${def[2]}() runs it only when ${none} is not given, and every caller gives it (${by})`,
          });
        continue;
      }
      const conjuncts = h[2]!.split(/\s+and\s+/).map((c) => c.trim().replace(/^\((.*)\)$/, "$1"));
      const flag = conjuncts.find((c) => flags.has(c));
      if (!flag) continue;
      // The body may reassign it; a caller may pass it.
      if (body.some((l) => new RegExp(`(?:^|[^\\w.])${flag}\\s*(?:[-+*/|&]?=)(?!=)`).test(l))) continue;
      const { index, value } = flags.get(flag)!;
      if (setter(def[2]!, flag, index)) continue;
      const last = blockLast(body, j);
      const first = signatureEnd + 1 + j + 1;
      if (last > j)
        out.push({
          span: [first + 1, signatureEnd + 1 + last + 1],
          why: `${def[2]}() runs it only when ${flag} is set, which defaults to ${value} and no caller sets`,
        });
    }
  }
  return out;
}

/** A setter over the repo's Python texts: a keyword `param=` anywhere outside a `def` line's own signature, a
 * call of `fn` with enough positional arguments, or one that spreads `*args`/`**kwargs`. */
export function textSetter(texts: () => Iterable<string>): FlagSetter {
  return (fn, param, index) => {
    const keyword = new RegExp(`(?:^|[^\\w.])${param}\\s*=(?!=)`, "g");
    const call = new RegExp(`(?:^|[^\\w])${fn}\\s*\\(`, "g");
    for (const text of texts()) {
      for (const m of text.matchAll(keyword)) {
        // `param=False` in a signature is a default, not a setting.
        const lineStart = text.lastIndexOf("\n", m.index) + 1;
        const before = text.slice(Math.max(0, lineStart - 2000), m.index);
        const sig = /\bdef\s+\w+\s*\([^)]*$/.test(before);
        if (!sig) return true;
      }
      for (const m of text.matchAll(call)) {
        if (/\bdef\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index + 1))) continue;
        const args = insideParens(text, m.index + m[0].length - 1);
        if (args === null) return true;
        const parts = topLevelParts(args);
        if (parts.some((p) => p.startsWith("*"))) return true;
        if (parts.filter((p) => !/^[A-Za-z_]\w*\s*=(?!=)/.test(p)).length > index) return true;
      }
    }
    return false;
  };
}

/** A giver over the repo's Python files: every mention of `fn` outside its `def` and import lines is a call that
 * passes `param` by keyword (not as None) or by position; a call that spreads `*args`/`**kwargs`, or a mention that
 * is no call (a callback), may leave it out. */
export function textGiver(files: () => Iterable<{ file: string; text: string }>): ParamGiver {
  return (fn, param, index) => {
    const name = new RegExp(`(?:^|[^\\w])${fn}\\b`, "g");
    const keyword = new RegExp(`^${param}\\s*=(?!=)\\s*(.*)$`, "s");
    let first: string | null = null;
    for (const { file, text } of files()) {
      for (const m of text.matchAll(name)) {
        const start = m.index + m[0].length - fn.length;
        const lineStart = text.lastIndexOf("\n", start) + 1;
        const lineEnd = text.indexOf("\n", start);
        const lineText = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
        if (/\bdef\s+$/.test(text.slice(lineStart, start))) continue;
        if (/^\s*(?:from\s+\S+\s+)?import\b/.test(lineText)) continue;
        const open = /^\s*\(/.exec(text.slice(start + fn.length));
        if (!open) return null;
        const args = insideParens(text, start + fn.length + open[0].length - 1);
        if (args === null) return null;
        const parts = topLevelParts(args);
        if (parts.some((p) => p.startsWith("*"))) return null;
        const given = parts.map((p) => keyword.exec(p)).find((k) => k !== null);
        const passes = given
          ? given[1]!.trim() !== "None"
          : parts.filter((p) => p !== "" && !/^[A-Za-z_]\w*\s*=(?!=)/.test(p)).length > index;
        if (!passes) return null;
        first ??= `${file}:${text.slice(0, start).split("\n").length}`;
      }
    }
    return first;
  };
}
