// Copies a README asks for in words ("replace the contents of prod-models with dev-models", "copy out/ to
// models/", "rename tmp to ckpt"): a read under the target is the source's file, made wherever a step writes
// that. Pure.

export interface ProseCopy {
  /** The folder copied into. */
  to: string;
  /** The folder copied from. */
  from: string;
  /** "file:line" of the sentence. */
  by: string;
}

const WORD = "[`'\"]?([\\w.-]+(?:/[\\w.-]+)*)/?[`'\"]?";
const CONTENTS = "(?:the\\s+)?(?:contents?\\s+of\\s+|folder\\s+|directory\\s+)?";
const REPLACE = new RegExp(`\\b(?:replace|overwrite)\\s+${CONTENTS}${WORD}\\s+with\\s+${CONTENTS}${WORD}`, "gi");
const COPY = new RegExp(`\\b(?:copy|move|rename)\\s+${CONTENTS}${WORD}\\s+(?:to|into|as)\\s+${CONTENTS}${WORD}`, "gi");

/** Each copy sentence of the READMEs, in reading order. */
export function proseCopies(readmes: ReadonlyArray<{ file: string; text: string }>): ProseCopy[] {
  const out: ProseCopy[] = [];
  for (const { file, text } of readmes) {
    text.split("\n").forEach((line, i) => {
      if (line.length > 2000) return;
      const found: Array<{ at: number; copy: ProseCopy }> = [];
      // A sentence's full stop ends it, not the folder's name.
      const word = (w: string) => w.replace(/\.+$/, "");
      for (const m of line.matchAll(REPLACE))
        found.push({ at: m.index, copy: { to: word(m[1]!), from: word(m[2]!), by: "" } });
      for (const m of line.matchAll(COPY))
        found.push({ at: m.index, copy: { to: word(m[2]!), from: word(m[1]!), by: "" } });
      for (const f of found.sort((a, b) => a.at - b.at))
        if (f.copy.to !== f.copy.from) out.push({ ...f.copy, by: `${file}:${i + 1}` });
    });
  }
  return out;
}

/** The copy that makes `path`: a copy whose target folder is a part of the path, where `written` finds a write
 * of the path with the source in its place; else null. */
export function throughCopy(
  path: string,
  copies: readonly ProseCopy[],
  written: (path: string) => string | null,
): string | null {
  const parts = path.split("/");
  for (const c of copies) {
    const to = c.to.split("/");
    for (let i = 0; i + to.length <= parts.length - 1; i++) {
      if (to.some((s, k) => parts[i + k] !== s)) continue;
      const moved = [...parts.slice(0, i), ...c.from.split("/"), ...parts.slice(i + to.length)].join("/");
      if (written(moved) !== null) return c.by;
    }
  }
  return null;
}
