// Settings a reader is told to edit inside a script rather than in a config file: the Config class a README
// step says to set before running the script ("# control Config class on top of the file"), and a class or
// constant a code comment marks for editing ("# change the local config as needed"). Pure.

const VERB = /\b(?:edit|change|modify|set|update|fill|adjust|control|configure|specify|replace)\b/i;
/** A README line that names a config class: "Config class", "class CFG", "the CFG". */
const CONFIG_CLASS = /\bconfig(?:uration)?\s+class\b|\bclass\s+`?\w*(?:config|cfg)\b|\bCFG\b/i;
/** A code comment that asks for an edit of what follows: the config, the paths, "as needed". */
const EDIT_COMMENT = /\b(?:config|settings?|paths?|folders?|dir(?:ector(?:y|ies))?|as needed|accordingly|your)\b/i;
const CONFIG_NAME = /config|cfg|settings|paths/i;
/** How far above a README command the sentence that names its config class may sit. */
const NEAR = 3;

export interface CommandAt {
  /** The README the command is in, its line, its text and the script it runs from the repo root (null when none). */
  file: string;
  line: number;
  command: string;
  script: string | null;
}

/** The scripts a README command runs just after a line that tells the reader to set the script's config class. */
export function scriptsWithClassToEdit(
  readmes: ReadonlyArray<{ file: string; text: string }>,
  commands: readonly CommandAt[],
  repoFiles: readonly string[],
): Set<string> {
  const out = new Set<string>();
  // `python3 inference.py` run from a folder the README does not `cd` to: the one repo file of that name.
  const scriptOf = (c: CommandAt) => {
    if (c.script !== null && repoFiles.includes(c.script)) return c.script;
    const name = /\bpython\d?(?:\.\d+)?\s+([\w.-]+\.py)\b/.exec(c.command)?.[1];
    const hits = name ? repoFiles.filter((f) => f === name || f.endsWith(`/${name}`)) : [];
    return hits.length === 1 ? hits[0]! : null;
  };
  for (const { file, text } of readmes) {
    const lines = text.split(/\r?\n/);
    for (const c of commands) {
      if (c.file !== file) continue;
      const above = lines.slice(Math.max(0, c.line - 1 - NEAR), c.line - 1);
      const script = above.some((l) => VERB.test(l) && CONFIG_CLASS.test(l)) ? scriptOf(c) : null;
      if (script !== null) out.add(script);
    }
  }
  return out;
}

/** The 1-based lines of the bodies of a script's top-level config classes (`class Config:`, `class CFG:`). */
export function configClassLines(text: string): Set<number> {
  const out = new Set<number>();
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    const m = /^class\s+(\w+)/.exec(l);
    if (m && CONFIG_NAME.test(m[1]!)) for (const k of bodyOf(lines, i, 0)) out.add(k + 1);
  });
  return out;
}

/** The 1-based lines a comment just above marks for editing: a class's body, or the assignments that follow. */
export function commentMarkedLines(text: string): Set<number> {
  const out = new Set<number>();
  const lines = text.split("\n");
  lines.forEach((l, i) => {
    const comment = /^(\s*)#(.*)$/.exec(l);
    if (!comment || !VERB.test(comment[2]!) || !EDIT_COMMENT.test(comment[2]!)) return;
    const indent = comment[1]!.length;
    const next = lines[i + 1] ?? "";
    const cls = /^(\s*)class\s+\w+/.exec(next);
    if (cls && cls[1]!.length === indent) {
      for (const k of bodyOf(lines, i + 1, indent)) out.add(k + 1);
      return;
    }
    // The block of assignments under the comment, up to the first blank or other line.
    for (let k = i + 1; k < lines.length && /^\s*[\w.]+\s*(?::[^=]+)?=[^=]/.test(lines[k]!); k++) out.add(k + 1);
  });
  return out;
}

/** The 0-based lines of the block under line `head` (indented deeper than `indent`). */
function bodyOf(lines: readonly string[], head: number, indent: number): number[] {
  const out: number[] = [];
  for (let k = head + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (!l.trim()) continue;
    if (l.length - l.trimStart().length <= indent) break;
    out.push(k);
  }
  return out;
}
