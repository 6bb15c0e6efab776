// Folders a repo's shell scripts clone another repository into (`git clone https://.../yolov5.git`), and whether
// each clone is pinned: a later script's `cd yolov5 && python train.py` runs the clone's code, not a missing file
// of this repo, and what it runs is whatever the clone's default branch holds unless a commit or tag is named.
// Pure over the repo view.
import type { RepoView } from "../../../model/repo-view.js";
import { clonedFolders } from "../../shell/cloned-folders.js";
import { filesWithRole } from "../../view/file-roles.js";

export interface ScriptClone {
  folder: string;
  url: string;
  /** "file:line" of the clone. */
  at: string;
  /** A `-b <tag or commit>`, a checkout or reset of one after it, or a README that names the clone's version. */
  pinned: boolean;
}

/** A commit hash or a version tag (a branch name such as master moves). */
const PINNED_REF = /^(?:[0-9a-f]{7,40}|v?\d+(?:\.\d+)+[\w.+-]*)$/i;

/** Each folder a shell script of the repo clones, by folder. A README's own clones are left out: the audit reads
 * those as the clone of this repository itself. */
export function scriptClones(view: RepoView): Map<string, ScriptClone> {
  const out = new Map<string, ScriptClone>();
  const readmes = filesWithRole(view, "readme")
    .filter((e) => !e.skipped && e.size < 1_000_000)
    .map((e) => view.read(e.path) ?? "");
  for (const [folder, source] of clonedFolders(view)) {
    const m = /^(\S+) \((.+):(\d+)\)$/.exec(source);
    if (!m || !/\.(?:sh|bash)$/.test(m[2]!)) continue;
    const lines = (view.read(m[2]!) ?? "").split("\n");
    const line = Number(m[3]);
    out.set(folder, { folder, url: m[1]!, at: `${m[2]}:${line}`, pinned: pinnedAt(lines, line, folder, readmes) });
  }
  return out;
}

/** The clone on `line` (1-based) names a pinned ref, the ten lines after it check one out, or a README gives the
 * cloned repo's name with a version ("yolov5 v6.1", "yolov5@3b1a2f0"). */
function pinnedAt(lines: readonly string[], line: number, folder: string, readmes: readonly string[]): boolean {
  const own = lines[line - 1] ?? "";
  const branch = /(?:-b|--branch)[=\s]+["']?([^\s"';&|]+)/.exec(own.slice(own.search(/\bgit\s+clone\b/)))?.[1];
  if (branch && PINNED_REF.test(branch)) return true;
  for (const after of lines.slice(line - 1, line + 10)) {
    const ref = /\bgit\s+(?:-C\s+\S+\s+)?(?:checkout|reset\s+--hard)\s+(?:-\S+\s+)*([^\s&;|]+)/.exec(after)?.[1];
    if (ref && PINNED_REF.test(ref)) return true;
  }
  const name = folder.slice(folder.lastIndexOf("/") + 1).replace(/[.*+?^$()|[\]\\{}]/g, "\\$&");
  const version = new RegExp(
    `\\b${name}\\b[^\\n]{0,30}?(?:\\bv?\\d+\\.\\d+(?:\\.\\d+)?\\b|@[0-9a-f]{7,40}\\b|\\bcommit\\s+[0-9a-f]{7,40}\\b)`,
    "i",
  );
  return readmes.some((text) => version.test(text));
}

/** The clone a `cd` on a script's line enters: its target's first folder is a clone's and no folder of the repo
 * (from `at` or the root). undefined when the line has no `cd`; null when it enters something else. */
export function cloneEntered(
  raw: string,
  at: string,
  clones: ReadonlyMap<string, ScriptClone>,
  isDir: (path: string) => boolean,
): ScriptClone | null | undefined {
  const cds = [...raw.matchAll(/(?:^|[;&|(]\s*)(?:cd|pushd)\s+["']?([^\s;&|"')]+)/g)];
  if (cds.length === 0) return /(?:^|[;&|]\s*)popd\b/.test(raw) ? null : undefined;
  const target = cds[cds.length - 1]![1]!.replace(/^\.\//, "").replace(/\/+$/, "");
  const first = target.split("/")[0]!;
  const clone = clones.get(target) ?? clones.get(first);
  if (!clone) return null;
  const inRepo = isDir(at === "" ? clone.folder : `${at}/${clone.folder}`) || isDir(clone.folder);
  return inRepo ? null : clone;
}
