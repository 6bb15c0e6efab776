// The committed scripts a globbed script path matches (`run_05_*.sh`, `scripts/train_?.sh`), in the order the
// shell expands them: a step written as a glob runs each of them. Pure over the repo view.
import type { RepoView } from "../../model/repo-view.js";

/** A glob only in the file's own name, of a shell or Python script a step runs (`./run_05_*.sh`,
 * `scripts/train_?.sh`, `training*.py`). */
const GLOBBED_SCRIPT = /^[\w.\-/]*[*?][\w.\-*?]*\.(?:sh|bash|py)$/;

/** Whether a command word is a globbed script's path. */
export const isGlobbedScriptWord = (word: string): boolean => word.length < 500 && GLOBBED_SCRIPT.test(word);

/** A one-line loop over one globbed script word (`for f in run_*.sh; do bash $f; done`): its body with the
 * loop's variable replaced by the glob, else null. */
export function globLoopBody(text: string): string | null {
  if (!text.startsWith("for ") || text.length > 1000) return null;
  const m = /^for\s+(\w+)\s+in\s+["']?([^\s;"']+)["']?\s*;\s*do\s+([^;]+?)\s*;?\s*done\s*$/.exec(text);
  if (!m || !isGlobbedScriptWord(m[2]!.replace(/^\.\//, ""))) return null;
  const variable = new RegExp(`"?\\$(?:\\{${m[1]}\\}|${m[1]}\\b)"?`, "g");
  return variable.test(m[3]!) ? m[3]!.replace(variable, m[2]!) : null;
}
const MAX_MATCHES = 100;

/** `*` and `?` as the shell reads them in one path part; any other character as itself. */
function globPattern(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\]/g, "\\$&")
    .replace(/\*/g, "[^/]*")
    .replace(/\?/g, "[^/]");
  return new RegExp(`^${body}$`);
}

/** Byte order, as the shell sorts a glob's matches under the C locale (a container's default). */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The committed files `glob` (a repo-relative path) matches, sorted; none when it is no globbed script path. */
export function globbedScripts(view: RepoView, glob: string): string[] {
  if (!isGlobbedScriptWord(glob)) return [];
  const pattern = globPattern(glob);
  // A leading `*` matches no hidden file, as the shell's does not.
  const name = glob.slice(glob.lastIndexOf("/") + 1);
  return view
    .files()
    .filter((f) => !f.skipped && pattern.test(f.path) && !(name.startsWith("*") && /(?:^|\/)\.[^/]*$/.test(f.path)))
    .map((f) => f.path)
    .sort(byteOrder)
    .slice(0, MAX_MATCHES);
}
