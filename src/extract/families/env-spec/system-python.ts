// Where a Dockerfile's pip meets its base's system Python: a pip the externally managed Python refuses (PEP 668),
// and a Python-tagged wheel (the Dockerfile's own, or one a spec it installs pins by URL) for another Python. Pure.
import { posix } from "node:path";
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { dockerfilePipInstalls, wheelTag, type PipInstall, type StagePython } from "../../parse/dockerfile-python.js";

type ContextsOf = (file: string) => { contexts: string[]; environment: boolean };

const PROJECT_FILES = ["setup.py", "pyproject.toml", "setup.cfg"];
const numbers = (v: string) => v.split(".").map(Number) as [number, number];
const below = (a: string, b: string) => numbers(a)[0] - numbers(b)[0] || numbers(a)[1] - numbers(b)[1];

/** The base in words: its release and Python, said as a floor for a floating tag. */
function baseWords(stage: StagePython): string {
  const base = stage.base!;
  return base.floating
    ? `a floating tag that gives ${base.release} or newer (as of ${base.checked}), whose python3 is ${base.python} or newer`
    : `${base.release}, whose python3 is ${base.python}`;
}

/** Whether pip of that Python rejects a wheel tagged for another (an abi3 wheel serves its Python and later ones). */
function mismatched(python: NonNullable<StagePython["python"]>, wheel: { python: string; abi3: boolean }): boolean {
  const order = below(python.version, wheel.python);
  if (wheel.abi3) return order < 0;
  return python.atLeast ? order > 0 : order !== 0;
}

/** The spec files of the repo a pip line installs: its -r files and the project files of the folders it installs,
 * looked up in each context the Dockerfile may be built from. */
function installedSpecs(view: RepoView, install: PipInstall, contexts: string[]): string[] {
  const out = new Set<string>();
  const inside = (ctx: string, path: string) => posix.normalize(posix.join(ctx, path.replace(/^\/+/, "")));
  for (const ctx of contexts) {
    for (const file of install.requirementFiles) {
      const direct = inside(ctx, file);
      const byName = posix.join(ctx, posix.basename(file));
      for (const candidate of [direct, byName])
        if (!candidate.startsWith("..") && view.has(candidate)) out.add(candidate);
    }
    // A project installed by a container path (`-e /app`, `.` after WORKDIR) is the context's root project.
    for (const folder of install.projects) {
      const local = folder.startsWith("/") ? ctx : inside(ctx, folder);
      for (const name of PROJECT_FILES) {
        const candidate = local === "." || local === "" ? name : posix.join(local, name);
        if (view.has(candidate)) out.add(candidate);
      }
    }
  }
  return [...out];
}

/** Wheels a spec file pins by URL with a Python tag. */
function specWheels(
  records: readonly FactRecord[],
  file: string,
): Array<{ line: number; wheel: string; python: string; abi3: boolean }> {
  const out: Array<{ line: number; wheel: string; python: string; abi3: boolean }> = [];
  for (const r of records) {
    if (r.kind !== "package" || r.file !== file || typeof r.spec !== "string") continue;
    const tagged = wheelTag(r.spec);
    if (tagged) out.push({ ...tagged, line: Number(r.line) });
  }
  return out;
}

/** One `system-pip` record per Dockerfile whose pip the base's system Python refuses (the build stops at the
 * first), and one `wheel-python` record per wheel tagged for a Python other than the one pip runs in. */
export function systemPythonRecords(
  view: RepoView,
  records: readonly FactRecord[],
  contextsOf: ContextsOf,
): FactRecord[] {
  const out: FactRecord[] = [];
  for (const spec of records) {
    if (spec.kind !== "spec-file" || spec.format !== "dockerfile" || typeof spec.file !== "string") continue;
    const file = spec.file;
    const text = view.read(file);
    if (text === null) continue;
    const { contexts, environment } = contextsOf(file);
    const installs = dockerfilePipInstalls(text);
    const refused = installs.find((i) => i.refused);
    if (refused)
      out.push({
        kind: "system-pip",
        file,
        line: refused.line,
        image: refused.stage.image,
        base: baseWords(refused.stage),
        environment,
      });
    for (const install of installs) {
      const python = install.stage.python;
      if (!python) continue;
      const listed = installedSpecs(view, install, contexts).flatMap((specFile) =>
        specWheels(records, specFile).map((w) => ({ ...w, at: `${specFile}:${w.line}` })),
      );
      for (const wheel of [...install.wheels.map((w) => ({ ...w, at: null })), ...listed]) {
        if (!mismatched(python, wheel)) continue;
        out.push({
          kind: "wheel-python",
          file,
          line: wheel.at === null ? wheel.line : install.line,
          wheel: wheel.wheel,
          wheelPython: wheel.python,
          python: `${python.version}${python.atLeast ? " or newer" : ""}`,
          pythonSource: python.source,
          ...(wheel.at ? { pinnedAt: wheel.at } : {}),
          environment,
        });
      }
    }
  }
  return out;
}
