// Build artefacts a repo commits (pure): bytecode, object files, compiled libraries, eggs and their
// metadata; a __pycache__ or .egg-info folder counted once.

const FOLDER = /^(.*?(?:^|\/)(?:__pycache__|[^/]+\.egg-info))\//;
const FILE = /\.(?:pyc|pyo|o|so|egg)$/;

/** The artefacts among the paths, sorted, each folder once with a trailing slash; with the first file. */
export function buildArtefacts(paths: readonly string[]): { items: string[]; first: string } | null {
  const items = new Set<string>();
  let first: string | null = null;
  for (const path of [...paths].sort()) {
    const folder = FOLDER.exec(path);
    const hit = folder ? `${folder[1]}/` : FILE.test(path) ? path : null;
    if (!hit) continue;
    items.add(hit);
    first ??= path;
  }
  return first ? { items: [...items], first } : null;
}
