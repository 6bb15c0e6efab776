// Sub-projects side by side (`teamA/` with its requirements.txt, `teamB/` with its pyproject.toml): each runs
// from its own folder with its own configs, so a path one of them spells with unknown parts is no path of the
// other. Pure.

/** A file that makes its folder a project of its own: an environment spec, a lock file, an image recipe. */
const MARKER =
  /^(?:pyproject\.toml|setup\.py|setup\.cfg|Pipfile|poetry\.lock|requirements[\w.-]*\.txt|environment[\w.-]*\.ya?ml|Dockerfile[\w.-]*|(?:docker-)?compose[\w.-]*\.ya?ml)$/;

const parentOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));

/** Whether two files of the repo lie in different sub-projects: each under its own marked folder (one or two
 * levels down), neither folder inside the other. A file under no marked folder (the root's own code) belongs
 * with every sub-project. */
export function projectTrees(paths: readonly string[]): (a: string, b: string) => boolean {
  const roots = new Set<string>();
  for (const p of paths) {
    const dir = parentOf(p);
    if (dir !== "" && dir.split("/").length <= 2 && MARKER.test(p.slice(p.lastIndexOf("/") + 1))) roots.add(dir);
  }
  if (roots.size < 2) return () => false;
  const rootOf = (file: string): string => {
    for (let d = parentOf(file); d !== ""; d = parentOf(d)) if (roots.has(d)) return d;
    return "";
  };
  const within = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  return (a, b) => {
    const [ra, rb] = [rootOf(a), rootOf(b)];
    return ra !== "" && rb !== "" && !within(ra, rb);
  };
}
