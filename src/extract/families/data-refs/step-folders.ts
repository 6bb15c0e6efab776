// Where the relative reads of a module a step imports start: the step's working folder. `cd sub && python -m
// pkg.run` imports sub/pkg/__init__.py, whose `open("config/meta.yaml")` opens sub/config/meta.yaml, not a file
// beside the module nor one at the root. Pure.

export interface StepRun {
  script: string;
  cwd: string;
}

/** For each code file under the folder of a step that runs a script of that folder, the file's name moved into that
 * folder (`sub/__init__.py` for sub/pkg/__init__.py): the form whose relative reads start where the step works. A file
 * directly in the folder already starts there. */
export function stepFolderForms(runs: readonly StepRun[], files: readonly string[]): Map<string, string[]> {
  const folders = [...new Set(runs.filter((r) => r.cwd !== "" && r.script.startsWith(`${r.cwd}/`)).map((r) => r.cwd))];
  const out = new Map<string, string[]>();
  if (folders.length === 0) return out;
  for (const file of files) {
    if (!/\.py$/.test(file)) continue;
    for (const folder of folders) {
      if (!file.startsWith(`${folder}/`) || !file.slice(folder.length + 1).includes("/")) continue;
      const moved = `${folder}/${file.slice(file.lastIndexOf("/") + 1)}`;
      (out.get(file) ?? out.set(file, []).get(file)!).push(moved);
    }
  }
  return out;
}
