// The folders a rerun installs as packages (pure): `pip install -e <dir>` or `pip install <dir>` in a step,
// `-e <dir>` in a requirements file a step installs, `python setup.py develop|install`, and the project a
// project manager installs (`poetry install`, `uv sync`, `pdm install`, `poetry run`: the nearest spec at or above
// its folder), each with the source folders its spec names (`from = "src"`). Only their packages import as
// installed; a setup.py nobody installs makes nothing importable.
import type { RepoView } from "../../../model/repo-view.js";
import type { Step } from "./steps.js";
import { pipTargets, pipWords, repoInstallsOf, repoPathFrom } from "../../shell/pip-installs.js";
import { projectSpecAbove, projectSpecAt } from "../../python/spec-roots.js";

export interface InstalledProjects {
  /** Every folder an installed project puts on the import path. */
  roots: string[];
  /** The spec folders of the projects installed ("" for the root). */
  projects: Set<string>;
}

export function installedRoots(steps: readonly Step[], view: RepoView): InstalledProjects {
  const roots = new Set<string>();
  const projects = new Set<string>();
  const addFolder = (folder: string) => {
    roots.add(folder);
    const spec = projectSpecAt(view, folder);
    if (spec) spec.roots.forEach((r) => roots.add(r));
    projects.add(folder);
  };
  for (const step of steps) {
    const { folders, requirements, projects: managed } = repoInstallsOf(step.command, step.cwd);
    for (const folder of folders) addFolder(folder);
    for (const from of managed) {
      const spec = projectSpecAbove(view, from);
      if (spec) addFolder(spec.folder);
    }
    // pip reads a requirements file's relative paths from the folder it runs in.
    for (const { path, cwd } of requirements)
      for (const line of (view.read(path) ?? "").split(/\r?\n/))
        for (const folder of pipTargets(pipWords(line.trim())).folders) {
          const root = repoPathFrom(cwd, folder);
          if (root !== null) addFolder(root);
        }
  }
  return { roots: [...roots], projects };
}
