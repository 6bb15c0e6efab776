// A set-up script that makes an environment with a stated Python and installs a spec into it
// (`uv venv -p python3.12` then `uv pip sync requirements.txt`; `conda create -n x python=3.10` then
// `pip install -r requirements.txt`) states that spec's Python, whatever the README says of the repo's others.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";

/** The Python a line creates an environment with, or null. */
export function createdPython(line: string): string | null {
  const uv = /\buv\s+venv\b.*?(?:-p|--python)(?:\s+|=)(?:python|cpython-?)?(3\.\d{1,2})\b/.exec(line);
  if (uv) return uv[1]!;
  const conda = /\b(?:conda|mamba|micromamba)\s+create\b.*?\bpython\s*=\s*(3\.\d{1,2})\b/.exec(line);
  if (conda) return conda[1]!;
  const venv = /\bpython(3\.\d{1,2})\s+-m\s+venv\b|\bvirtualenv\b.*?(?:-p|--python)(?:\s+|=)python(3\.\d{1,2})\b/.exec(
    line,
  );
  return venv ? (venv[1] ?? venv[2])! : null;
}

/** The requirements file a line installs or syncs (`uv pip sync r.txt`, `pip install -r r.txt`), as written. */
export function installedSpec(line: string): string | null {
  const sync = /\buv\s+pip\s+sync\s+(?:--?[\w-]+(?:=\S+)?\s+)*([^\s;&|-][^\s;&|]*)/.exec(line);
  if (sync) return sync[1]!;
  const pip = /\bpip3?\s+install\b.*?\s(?:-r|--requirement)(?:\s+|=)([^\s;&|]+)/.exec(line);
  return pip ? pip[1]! : null;
}

/** One python-version record per spec a script both creates an environment for (with a Python) and installs,
 * tied to that spec by `forSpec`; `has` says which repo paths exist. */
export function setupScriptPythons(file: string, text: string, has: (path: string) => boolean): FactRecord[] {
  const out: FactRecord[] = [];
  let python: { value: string; line: number } | null = null;
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "");
    const created = createdPython(line);
    if (created) python = { value: created, line: i + 1 };
    const spec = installedSpec(line);
    if (!spec || !python) return;
    // A script runs from its own folder or from the root: the spec is whichever of those the repo holds.
    const target = [posix.normalize(posix.join(posix.dirname(file), spec)), posix.normalize(spec)].find(
      (p) => !p.startsWith("..") && has(p),
    );
    if (target)
      out.push({
        kind: "python-version",
        file,
        line: python.line,
        value: python.value,
        forSpec: target,
        source: `${file}:${python.line}, the set-up script that installs ${target}`,
      });
  });
  return out;
}
