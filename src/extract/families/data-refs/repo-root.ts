// The repo's own absolute root on its author's machine (`/home/u/proj`), where the README names it ("clone into
// /home/u/proj") or the code reaches a folder of the repo through it (`/home/u/proj/src/utils`): a read under it
// (`/home/u/proj/out_json/`) is the repo's own folder, `out_json/` from the root. Pure.

/** A sentence about the repo's own place: the repo, a clone of it, the project folder. */
const ABOUT_REPO = /\b(?:repo(?:sitory)?|clone[ds]?|project\s+(?:folder|directory|root))\b/i;
/** A sentence about the data's or the weights' place names their folder, not the repo's. */
const ABOUT_DATA = /\b(?:data(?:sets?)?|download\w*|weights?|checkpoints?|models?)\b/i;
const ABSOLUTE_FOLDER = /(?:^|[\s`'"(=])((?:\/[\w.-]+){2,})\/?(?=[\s`'".,;:)]|$)/g;

/** The absolute roots the READMEs name for the repo, and those the code's absolute paths imply: a prefix whose
 * rest is a folder of the repo (two segments of it, or one it holds files in). `isRepoDir`: a repo folder. */
export function repoRoots(
  readmes: ReadonlyArray<{ text: string }>,
  codePaths: Iterable<string>,
  isRepoDir: (path: string) => boolean,
): string[] {
  const roots = new Set<string>();
  for (const { text } of readmes)
    for (const line of text.split(/\r?\n/)) {
      if (line.length > 400 || !ABOUT_REPO.test(line) || ABOUT_DATA.test(line)) continue;
      for (const m of line.matchAll(ABSOLUTE_FOLDER)) if (!/\.[a-z0-9]{1,5}$/i.test(m[1]!)) roots.add(m[1]!);
    }
  for (const p of codePaths) {
    if (!p.startsWith("/") || p.length > 300 || p.includes("*")) continue;
    const parts = p.split("/").filter((s) => s !== "");
    // The longest rest that is a repo folder: `/home/u/proj/src/utils` gives /home/u/proj, not /home/u.
    for (let i = 2; i < parts.length; i++) {
      const rest = parts.slice(i).join("/");
      if (GENERIC.has(parts[i]!) || !isRepoDir(rest)) continue;
      roots.add(`/${parts.slice(0, i).join("/")}`);
      break;
    }
  }
  return [...roots].filter((r) => !/^\/(?:kaggle|content|tmp|usr|etc|opt)(?:\/|$)/.test(r));
}

/** Folder names too common to place a root by: a machine's own `data/` or `input/` is not the repo's. */
const GENERIC = new Set(["data", "input", "inputs", "output", "outputs", "dataset", "datasets", "models", "tmp"]);

/** The read as a path from the repo root, when it lies under one of the roots; null otherwise. */
export function underRoot(path: string, roots: readonly string[]): string | null {
  for (const r of roots) if (path.startsWith(`${r}/`) && path.length > r.length + 1) return path.slice(r.length + 1);
  return null;
}
