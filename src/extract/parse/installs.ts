// Packages a shell command installs (`pip install a==1 -r x.txt`, `python -m pip install`, `conda install
// -c pytorch pytorch=1.7`), wherever the command is: a Dockerfile's RUN, a README block, a script, a
// notebook's `!pip install`. Pure.
import { posix } from "node:path";
import type { FactRecord } from "../../model/facts.js";
import { condaSpec } from "./conda.js";
import { normalizeName } from "./pep508.js";
import { packageRecord } from "./records.js";
import { parseRequirementsText } from "./requirements.js";

export type InstallVia = "dockerfile" | "readme" | "script" | "notebook";

/** Each install command of a shell line: the tool and its arguments as requirement-file lines. */
export function installCommands(text: string): Array<{ tool: "pip" | "conda"; lines: string[] }> {
  const out: Array<{ tool: "pip" | "conda"; lines: string[] }> = [];
  // Folders `git clone` made in this line, and the one `cd` entered: a pip install of one installs that repo.
  const clones = new Map<string, string>();
  let cwd = "";
  const cloned = (arg: string): string | undefined => {
    const path = arg.replace(/\/+$/, "").replace(/^\.\//, "");
    return clones.get(path === "." || path === "" ? cwd : path) ?? clones.get(posix.basename(path));
  };
  for (const command of text.split(/&&|;|\|\|/)) {
    const clone = /(?:^|\s)git\s+clone\s+(.*)$/.exec(command.trim());
    if (clone) {
      const [url, dir] = cloneArgs(clone[1]!);
      if (url) clones.set(dir ?? posix.basename(url).replace(/\.git$/, ""), url);
    }
    const cd = /^cd\s+(\S+)\s*$/.exec(command.trim());
    if (cd) cwd = cd[1]!.replace(/\/+$/, "").replace(/^\.\//, "");
    const pip = /(?:^|[\s!%/])(?:pip3?|python[\d.]*\s+-m\s+pip|uv\s+pip)\s+install\s+(.*)$/.exec(command.trim());
    // `conda create -n x python=3.12 numpy` installs its package list as `conda install` does.
    const conda = /(?:^|[\s!%/])(?:conda|mamba|micromamba)\s+(?:install|create)\s+(.*)$/.exec(command.trim());
    if (pip) out.push({ tool: "pip", lines: pipArgs(pip[1]!, cloned) });
    else if (conda) out.push({ tool: "conda", lines: condaArgs(conda[1]!) });
  }
  return out;
}

/** `git clone [options] URL [dir]` (the words after `clone`): the URL, the folder named and the branch or tag
 * asked for (`-b x`, `--branch=x`), each when given. */
export function gitCloneArgs(text: string): { url?: string; dir?: string; branch?: string } {
  const args = splitArgs(text);
  const plain: string[] = [];
  let branch: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^--branch=(.+)$/.exec(arg);
    if (inline) branch = inline[1];
    else if (/^(-b|--branch)$/.test(arg)) branch = args[++i];
    else if (/^(--depth|-c|--config|-o|--origin|--reference|-j|--jobs)$/.test(arg)) i++;
    else if (!arg.startsWith("-")) plain.push(arg);
  }
  const dir = plain[1]?.replace(/\/+$/, "").replace(/^\.\//, "");
  return { ...(plain[0] ? { url: plain[0] } : {}), ...(dir ? { dir } : {}), ...(branch ? { branch } : {}) };
}

function cloneArgs(text: string): [string | undefined, string | undefined] {
  const { url, dir } = gitCloneArgs(text);
  return [url, dir];
}

function splitArgs(text: string): string[] {
  return (text.replace(/\s+#.*$/, "").match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((a) => a.replace(/^["']|["']$/g, ""));
}

/** A local wheel's name and version from its file name (`wheels/timm-0.9.2-py3-none-any.whl`); null for a URL or no wheel. */
function localWheel(arg: string): { name: string; version: string } | null {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) return null; // a URL: parsed as a direct reference
  const m = /(?:^|[\/=])([A-Za-z0-9_.]+?)-(\d[\w.+!]*)-[^/]*\.whl$/.exec(arg);
  return m ? { name: normalizeName(m[1]!), version: m[2]! } : null;
}

/** pip's arguments as requirements lines: packages and index URLs; -r files are spec files of their own.
 * A local wheel installs exactly its version, whether named as the argument or as the --find-links source
 * of a package named beside it. */
function pipArgs(text: string, cloned: (arg: string) => string | undefined = () => undefined): string[] {
  const args = splitArgs(text);
  const lines: string[] = [];
  const wheels = new Map<string, string>();
  for (const arg of args) {
    const wheel = localWheel(arg);
    if (wheel) wheels.set(wheel.name, wheel.version);
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const wheel = arg.startsWith("-") ? null : localWheel(arg);
    if (wheel) {
      lines.push(`${wheel.name}==${wheel.version}`);
      continue;
    }
    const bare = /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(arg) ? wheels.get(normalizeName(arg)) : undefined;
    if (bare) {
      lines.push(`${arg}==${bare}`);
      continue;
    }
    if (/^(-i|--index-url|--extra-index-url|-f|--find-links)$/.test(arg) && args[i + 1])
      lines.push(`${arg} ${args[++i]}`);
    else if (/^(-r|-c|--requirement|--constraint|-t|--target|--prefix|--root|--src)$/.test(arg)) i++;
    else if (/^(-e|--editable)$/.test(arg) && args[i + 1]) {
      const path = args[++i]!;
      const url = cloned(path);
      lines.push(url ? `git+${url.replace(/^git\+/, "")}` : path);
    } else if (!arg.startsWith("-") && cloned(arg)) lines.push(`git+${cloned(arg)!.replace(/^git\+/, "")}`);
    else if (/^--(index-url|extra-index-url|find-links)=/.test(arg)) lines.push(arg);
    else if (
      !arg.startsWith("-") &&
      !arg.startsWith(".") &&
      !arg.startsWith("/") &&
      !arg.startsWith("$") &&
      !arg.startsWith("~")
    )
      lines.push(arg);
  }
  return lines;
}

function condaArgs(text: string): string[] {
  const args = splitArgs(text);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (/^(-c|--channel|-n|--name|-p|--prefix|--file|--clone)$/.test(arg)) i++;
    else if (!arg.startsWith("-")) out.push(arg);
  }
  return out;
}

/** The packages of the install commands in one shell line, as env-spec records: `kind` "package" in a
 * Dockerfile (it is the spec), "install" elsewhere (a declaration, not a spec file), with where they are. */
export function installRecords(file: string, line: number, text: string, via: InstallVia): FactRecord[] {
  const records: FactRecord[] = [];
  const clonedUrls = new Set(
    [...text.matchAll(/(?:^|\s)git\s+clone\s+([^&;|]*)/g)].map(
      (m) => `git+${(cloneArgs(m[1]!)[0] ?? "").replace(/^git\+/, "")}`,
    ),
  );
  for (const { tool, lines } of installCommands(text)) {
    if (tool === "pip") {
      for (const r of parseRequirementsText(file, lines.join("\n")).records) {
        // A Dockerfile's clone-then-install declares the package; whether the clone is pinned is judged at its
        // own line (parse/dockerfile.ts reads the checkout that follows it), not as a bare git URL here.
        const cloneInstall = via === "dockerfile" && r.pinned === false && clonedUrls.has(String(r.spec ?? ""));
        if (r.kind === "package")
          records.push(
            via === "dockerfile"
              ? { ...r, line, ...(cloneInstall ? { pinned: true } : {}) }
              : { ...r, line, kind: "install", via },
          );
        else if (via === "dockerfile") records.push({ ...r, line });
      }
    } else {
      for (const entry of lines) {
        const spec = condaSpec(entry);
        if (!spec || spec.name === "python" || spec.name === "pip") continue;
        const r = packageRecord(file, line, { name: spec.name, spec: spec.spec }, spec.pinned);
        records.push(via === "dockerfile" ? r : { ...r, kind: "install", via });
      }
    }
  }
  return records;
}
