// What one shell line installs from the repo itself (pure): the folders of `pip install -e <dir>`,
// `pip install <dir>` and `python setup.py develop|install`, the requirements files `pip install -r` reads, and
// the folders a project manager installs the project from (`poetry install`, `uv sync`, `pdm install`), each
// resolved from the folder the line runs in (a `cd` in the line moves it). Read by the rerun plan (the roots its
// steps install) and the imports family (which sub-projects are importable).

/** `a/./b/../c/` -> `a/c`; null when it climbs out of the repo or is absolute (`/`, `~`, `$VAR`). */
function repoPath(path: string): string | null {
  if (path.startsWith("/") || path.startsWith("~") || path.startsWith("$")) return null;
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join("/");
}

/** `path` seen from `cwd`, inside the repo or null (an absolute path is outside from any folder). */
export const repoPathFrom = (cwd: string, path: string): string | null =>
  /^[/~$]/.test(path) ? null : repoPath(cwd && cwd !== "." ? `${cwd}/${path}` : path);

/** A pip argument that names a local folder, not a distribution: `.`, `./x`, `../x`, `x/`. */
const LOCAL = /^\.{1,2}(?:\/|$)|\/$/;
const PIP_INSTALL = /(?:^|[\s!%/])(?:pip3?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\s+(.*)$/;
const SETUP_INSTALL = /(?:^|\s)python[\d.]*\s+((?:\S+\/)?setup\.py)\s+(?:develop|install)\b/;
/** A project manager's commands that install the project itself (editable) besides its dependencies (`poetry run`
 * runs in the environment `poetry install` made, `uv run` syncs it first), the options that leave the project
 * out, and the option that names its folder. */
const PROJECT_TOOLS: ReadonlyArray<{ tool: RegExp; installs: RegExp; skipsRoot: RegExp; folder: RegExp }> = [
  {
    tool: /^poetry$/,
    installs: /^(?:install|sync|run)$/,
    skipsRoot: /^--no-root$/,
    folder: /^(?:-C|--directory)$/,
  },
  {
    tool: /^uv$/,
    installs: /^(?:sync|run)$/,
    skipsRoot: /^--no-(?:install-)?project$/,
    folder: /^--(?:directory|project)$/,
  },
  { tool: /^pdm$/, installs: /^(?:install|sync)$/, skipsRoot: /^--no-self$/, folder: /^(?:-p|--project)$/ },
];

/** A word of a project manager's name in a line, the cheap test before its words are read. */
const PROJECT_TOOL = /(?:^|\s)(?:poetry|uv|pdm)\s/;

/** The folder (as written) a project manager's line installs the project from, "" for its own; null when it
 * installs none. Only the line's own words count: what `poetry run` runs is not read. */
export function projectInstallFolder(line: readonly string[]): string | null {
  // Variables set for the command and a `sudo` come before the tool.
  const words = line.slice(line.findIndex((w) => !/^(?:[A-Za-z_]\w*=|sudo$)/.test(w)));
  const spec = PROJECT_TOOLS.find((t) => t.tool.test(words[0] ?? ""));
  if (!spec) return null;
  // Options take no value but the folder's, so the subcommand is the first other word.
  let i = 1;
  while (i < words.length && words[i]!.startsWith("-")) i += spec.folder.test(words[i]!) ? 2 : 1;
  if (!spec.installs.test(words[i] ?? "")) return null;
  // The tool's own options: those before the subcommand, and those after it up to the command `run` runs.
  let folder = "";
  const options = [...words.slice(1, i), ...words.slice(i + 1)];
  for (let j = 0; j < options.length; j++) {
    const [name, value] = options[j]!.split(/=(.*)/s) as [string, string | undefined];
    if (j >= i - 1 && words[i] === "run" && !name.startsWith("-")) break;
    if (spec.skipsRoot.test(name)) return null;
    if (spec.folder.test(name)) folder = value ?? options[++j] ?? "";
  }
  return folder;
}

/** A line's words, a comment dropped, quotes taken off. */
export function pipWords(text: string): string[] {
  return (text.replace(/\s+#.*$/, "").match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^["']|["']$/g, ""));
}

/** The local folders one pip argument list (or one requirements line) installs, and the requirements files it
 * reads, as written. */
export function pipTargets(args: readonly string[]): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const editable = /^(?:-e|--editable)=(.+)$/.exec(arg)?.[1] ?? (/^(?:-e|--editable)$/.test(arg) ? args[++i] : null);
    const requirement =
      /^(?:-r|--requirement)=(.+)$/.exec(arg)?.[1] ?? (/^(?:-r|--requirement)$/.test(arg) ? args[++i] : null);
    if (editable) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(editable)) folders.push(editable.split(/[[#]/)[0]!);
    } else if (requirement) files.push(requirement);
    else if (/^(?:-c|--constraint|-i|--index-url|--extra-index-url|-f|--find-links)$/.test(arg)) i++;
    else if (!arg.startsWith("-") && LOCAL.test(arg)) folders.push(arg.split(/[[#]/)[0]!);
  }
  return { folders, files };
}

/** What one shell line installs from the repo, run from `cwd`: folders, and requirements files with the folder
 * pip reads their relative paths from. Paths that leave the repo are dropped. */
export function repoInstallsOf(
  line: string,
  cwd: string,
): { folders: string[]; requirements: { path: string; cwd: string }[]; projects: string[] } {
  const folders: string[] = [];
  const projects: string[] = [];
  const requirements: { path: string; cwd: string }[] = [];
  const add = (at: string, folder: string) => {
    const path = repoPathFrom(at, folder);
    if (path !== null) folders.push(path);
  };
  let at = cwd;
  for (const part of line.split(/&&|;|\|\|/)) {
    // `cd somen && pip install -e .`: the install runs in the folder the line moved to.
    const cd = /^\s*cd\s+(\S+)\s*$/.exec(part);
    if (cd) at = repoPathFrom(at, cd[1]!) ?? at;
    const setup = SETUP_INSTALL.exec(part);
    if (setup) add(at, setup[1]!.slice(0, -"setup.py".length) || ".");
    // Split on whitespace alone: pipWords' comment pattern is quadratic on a long run of spaces.
    const project = PROJECT_TOOL.test(part) ? projectInstallFolder(part.trim().split(/\s+/)) : null;
    if (project !== null) {
      const path = repoPathFrom(at, project || ".");
      if (path !== null) projects.push(path);
    }
    const pip = PIP_INSTALL.exec(part.trim());
    if (!pip) continue;
    const targets = pipTargets(pipWords(pip[1]!));
    for (const folder of targets.folders) add(at, folder);
    for (const file of targets.files) {
      const path = repoPathFrom(at, file);
      if (path !== null) requirements.push({ path, cwd: at });
    }
  }
  return { folders, requirements, projects };
}
