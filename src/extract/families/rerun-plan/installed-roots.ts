// The folders a rerun installs as packages (pure): `pip install -e <dir>` or `pip install <dir>` in a step,
// `-e <dir>` in a requirements file a step installs, `python setup.py develop|install`. Only their packages
// import as installed; a setup.py nobody installs makes nothing importable.
import type { RepoView } from "../../../model/repo-view.js";
import type { Step } from "./steps.js";

/** `a/./b/../c/` -> `a/c`; null when it climbs out of the repo. */
function normalized(path: string): string | null {
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

const within = (cwd: string, path: string) => (path.startsWith("/") ? null : normalized(cwd ? `${cwd}/${path}` : path));
/** A pip argument that names a local folder, not a distribution: `.`, `./x`, `../x`, `x/`. */
const LOCAL = /^\.{1,2}(?:\/|$)|\/$/;

function words(text: string): string[] {
  return (text.replace(/\s+#.*$/, "").match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^["']|["']$/g, ""));
}

/** The local folders one `pip install` argument list installs, and the requirements files it reads. */
function pipTargets(args: string[]): { folders: string[]; files: string[] } {
  const folders: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value =
      /^(?:-e|--editable|-r|--requirement)=(.+)$/.exec(arg)?.[1] ??
      (["-e", "--editable", "-r", "--requirement"].includes(arg) ? args[++i] : undefined);
    if (value !== undefined) (/^-(?:r|-requirement)/.test(arg) ? files : folders).push(value.split(/[[#]/)[0]!);
    else if (!arg.startsWith("-") && LOCAL.test(arg)) folders.push(arg.split(/[[#]/)[0]!);
  }
  return { folders, files };
}

export function installedRoots(steps: readonly Step[], view: RepoView): string[] {
  const roots = new Set<string>();
  const add = (cwd: string, folder: string) => {
    const root = within(cwd, folder);
    if (root !== null) roots.add(root);
  };
  for (const step of steps) {
    let cwd = step.cwd;
    for (const part of step.command.split(/&&|;|\|\|/)) {
      // `cd somen && pip install -e .`: the install runs in the folder the line moved to.
      const cd = /^\s*cd\s+(\S+)\s*$/.exec(part);
      if (cd) cwd = within(cwd, cd[1]!) ?? cwd;
      const setup = /(?:^|\s)python[\d.]*\s+((?:\S+\/)?setup\.py)\s+(?:develop|install)\b/.exec(part);
      if (setup) add(cwd, setup[1]!.slice(0, -"setup.py".length) || ".");
      const pip = /(?:^|[\s!%/])(?:pip3?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\s+(.*)$/.exec(part.trim());
      if (!pip) continue;
      const { folders, files } = pipTargets(words(pip[1]!));
      for (const folder of folders) add(cwd, folder);
      // pip reads a requirements file's relative paths from the folder it runs in.
      for (const file of files) {
        const path = within(cwd, file);
        const text = path === null ? null : view.read(path);
        for (const line of (text ?? "").split(/\r?\n/))
          for (const folder of pipTargets(words(line.trim())).folders) add(cwd, folder);
      }
    }
  }
  return [...roots];
}
