// Which Pythons a release's wheels serve on Linux x86_64, read from their file names' tags and the index's
// Requires-Python (pure), and the oldest Python every pin's wheels serve: an unstated spec's build Python.
import { allowsPython } from "../provision/python-version.js";
import type { ReleaseFile } from "./index-pages.js";

const LINUX_PLATFORM = (tag: string) => tag === "any" || /^(?:many|musl)?linux.*_x86_64$/.test(tag);

/** Whether one wheel installs on one CPython minor ("3.9"): `cp39-cp39` that minor only, `cp36-abi3` 3.6 and
 * later, `py3` any 3.x, each within its Requires-Python. False for a source distribution or another platform. */
function wheelServes(file: ReleaseFile, python: string): boolean {
  const m = /-([^-]+)-([^-]+)-([^-]+)\.whl$/i.exec(file.filename);
  if (!m || !m[3]!.split(".").some(LINUX_PLATFORM)) return false;
  const [major, minor] = python.split(".").map(Number) as [number, number];
  const abi3 = m[2]!.split(".").includes("abi3");
  const served = m[1]!.split(".").some((tag) => {
    const t = /^(cp|py)(\d)(\d*)$/.exec(tag);
    if (!t || Number(t[2]) !== major) return false;
    if (t[3] === "") return t[1] === "py";
    const tagged = Number(t[3]);
    return t[1] === "py" || abi3 ? minor >= tagged : minor === tagged;
  });
  return (
    served &&
    (!file.requiresPython ||
      allowsPython(file.requiresPython, python, { syntax: "requires-python", unreadable: null }) !== false)
  );
}

/** The Pythons of `pythons` that some wheel of the release serves; null when the release has no wheel (a
 * source distribution only: it constrains no Python's wheels). */
export function pythonsServed(files: readonly ReleaseFile[], pythons: readonly string[]): string[] | null {
  const wheels = files.filter((f) => /\.whl$/i.test(f.filename));
  if (wheels.length === 0) return null;
  return pythons.filter((p) => wheels.some((w) => wheelServes(w, p)));
}

/** The oldest of `pythons` every pin's wheels serve, or null when they share none (or no pin has wheels). */
export function oldestServingAll(served: ReadonlyArray<readonly string[]>, pythons: readonly string[]): string | null {
  if (served.length === 0) return null;
  return pythons.find((p) => served.every((s) => s.includes(p))) ?? null;
}
