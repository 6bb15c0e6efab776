// The recipe lines a `make target` runs, its prerequisites' recipes first (the first target when none is
// named). Pure: the Makefile's text in, the lines with their line numbers out.

import { expandMakeVariables, makeVariables } from "../../shell/make-vars.js";

const MAX_DEPTH = 4;

/** `given`: the variables the `make` command line sets (`make train FOLD=1`). */
export function makeRecipe(
  text: string,
  target: string,
  given: Readonly<Record<string, string>> = {},
  depth = 0,
  seen = new Set<string>(),
  vars = makeVariables(text, given),
): Array<{ line: number; text: string }> {
  // A target line longer than 1000 characters is no target a rerun names (and would cost the pattern dearly).
  const lines = text
    .split(/\r?\n/)
    .slice(0, 5000)
    .map((l) => (l.length > 1000 && !l.startsWith("\t") ? "" : l));
  const escaped = target.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const start = lines.findIndex((l) =>
    target
      ? new RegExp(`^(?:[^:#=\\s]+\\s+)*${escaped}(?:\\s+[^:#=\\s]+)*\\s*:(?!=)`).test(l)
      : /^[A-Za-z0-9_][A-Za-z0-9_.-]*\s*:(?!=)/.test(l),
  );
  if (start < 0 || seen.has(lines[start]!) || depth > MAX_DEPTH) return [];
  seen.add(lines[start]!);
  const out: Array<{ line: number; text: string }> = [];
  const prerequisites = lines[start]!.replace(/^[^:]*:/, "")
    .replace(/#.*$/, "")
    .trim()
    .split(/\s+/)
    .filter((p) => p && !p.includes("$") && !p.includes("%"));
  for (const p of prerequisites) out.push(...makeRecipe(text, p, given, depth + 1, seen, vars));
  for (let i = start + 1; i < lines.length && /^\t/.test(lines[i]!); i++) {
    const body = lines[i]!.replace(/^\t[@+-]*/, "");
    if (body.trim() !== "") out.push({ line: i + 1, text: expandMakeVariables(body, vars) });
  }
  return out;
}
