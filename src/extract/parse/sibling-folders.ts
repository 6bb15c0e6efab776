// Data folders a README places beside the repo: a layout tree with the repo and the folder under one
// parent, or a sentence putting the data next to the repository. A read of `../<folder>/...` from the
// root then follows the documented layout rather than one machine's. Pure.

/** Folder name (lower case) -> "file:line" that places it beside the repo; "*" for data placed there unnamed. */
export type SiblingFolders = Map<string, string>;

const TREE_ENTRY = /^(.*?)(?:[├└]──|\|--|\+--|`--)\s*([^#\s][^#]*?)\s*(?:#.*)?$/;
const NEXT_TO =
  /\b(?:next to|beside|alongside|sibling (?:of|to)|(?:at )?the same level as|in the parent (?:folder|directory)|one (?:level|folder|directory) (?:up|above))\b/i;
const REPO_WORD = /\b(?:repo(?:sitory)?|project|clone|code|this folder|this directory|parent)\b/i;
const DATA_WORD = /\b(?:data(?:set)?s?|competition files|input)\b/i;
const NAMED = /`\.{0,2}\/?([\w.-]+)\/?`|\.\.\/([\w.-]+)|\b([\w.-]+)\s+(?:folder|directory|dir)\b/gi;
const NOT_A_NAME = new Set(
  "a an the this that your our same parent its their each working current root sub".split(" "),
);

/** `rootNames`: the names at the repo's top level, by which a tree's entry is recognised as the repo. */
export function siblingFolders(
  readmes: ReadonlyArray<{ file: string; text: string }>,
  rootNames: readonly string[],
): SiblingFolders {
  const out: SiblingFolders = new Map();
  const roots = new Set(rootNames.map((n) => n.toLowerCase()));
  for (const { file, text } of readmes) {
    const lines = text.split(/\r?\n/);
    for (const [name, line] of treeSiblings(lines, roots)) if (!out.has(name)) out.set(name, `${file}:${line}`);
    lines.forEach((raw, i) => {
      for (const sentence of raw.split(/(?<=[.;!?])\s+/)) {
        // A sentence that places data is short; a long run of words would cost the name search quadratic time.
        if (sentence.length > 400 || !NEXT_TO.test(sentence) || !REPO_WORD.test(sentence)) continue;
        let named = false;
        for (const m of sentence.matchAll(NAMED)) {
          const name = (m[1] ?? m[2] ?? m[3] ?? "").toLowerCase();
          if (name === "" || NOT_A_NAME.has(name) || /\.[a-z0-9]{1,5}$/.test(name) || roots.has(name)) continue;
          named = true;
          if (!out.has(name)) out.set(name, `${file}:${i + 1}`);
        }
        if (!named && DATA_WORD.test(sentence) && !out.has("*")) out.set("*", `${file}:${i + 1}`);
      }
    });
  }
  return out;
}

/** Entries of a drawn tree that share a parent with an entry whose children are the repo's own files. */
function treeSiblings(lines: readonly string[], roots: ReadonlySet<string>): Array<[string, number]> {
  const entries: Array<{ name: string; line: number; col: number; parent: number }> = [];
  const stack: number[] = [];
  // Top-level entries of one tree share a parent of their own: the tree's number, negated so it is no entry's index.
  let tree = 0;
  lines.forEach((raw, i) => {
    const m = TREE_ENTRY.exec(raw);
    if (!m) {
      if (!/^[\s│|]*$/.test(raw) || raw.trim() === "") ((stack.length = 0), tree++);
      return;
    }
    const col = [...m[1]!].length;
    while (stack.length > 0 && entries[stack[stack.length - 1]!]!.col >= col) stack.pop();
    entries.push({
      name: m[2]!.replace(/\/+$/, "").toLowerCase(),
      line: i + 1,
      col,
      parent: stack.length > 0 ? stack[stack.length - 1]! : -1 - tree,
    });
    stack.push(entries.length - 1);
  });
  const out: Array<[string, number]> = [];
  entries.forEach((repo, r) => {
    if (!entries.some((c) => c.parent === r && roots.has(c.name))) return;
    for (const other of entries)
      if (other !== repo && other.parent === repo.parent && !roots.has(other.name)) out.push([other.name, other.line]);
  });
  return out;
}

/** The folder a path written in `fromFile` reaches one level above the repo root (`../data/x` from the
 * root, `../../data/x` one folder down), lower case; null when it stays inside or climbs further. */
export function siblingOf(path: string, fromFile: string): string | null {
  const segs = [...fromFile.split("/").slice(0, -1), ...path.replace(/\\/g, "/").split("/")];
  let depth = 0;
  let above = 0;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]!;
    if (s === "" || s === ".") continue;
    if (s === "..") {
      if (depth > 0) depth--;
      else above++;
      continue;
    }
    if (above === 0) depth++;
    else return above === 1 && depth === 0 && !s.includes("*") && !s.includes("{") ? s.toLowerCase() : null;
  }
  return null;
}
