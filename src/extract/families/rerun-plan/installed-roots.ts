// The folders a rerun installs as packages (pure): `pip install -e <dir>` or `pip install <dir>` in a step,
// `-e <dir>` in a requirements file a step installs, `python setup.py develop|install`. Only their packages
// import as installed; a setup.py nobody installs makes nothing importable.
import type { RepoView } from "../../../model/repo-view.js";
import type { Step } from "./steps.js";
import { pipTargets, pipWords, repoInstallsOf, repoPathFrom } from "../../shell/pip-installs.js";

export function installedRoots(steps: readonly Step[], view: RepoView): string[] {
  const roots = new Set<string>();
  for (const step of steps) {
    const { folders, requirements } = repoInstallsOf(step.command, step.cwd);
    for (const folder of folders) roots.add(folder);
    // pip reads a requirements file's relative paths from the folder it runs in.
    for (const { path, cwd } of requirements)
      for (const line of (view.read(path) ?? "").split(/\r?\n/))
        for (const folder of pipTargets(pipWords(line.trim())).folders) {
          const root = repoPathFrom(cwd, folder);
          if (root !== null) roots.add(root);
        }
  }
  return [...roots];
}
