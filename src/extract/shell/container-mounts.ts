// The container folders that hold the repo: a volume that mounts the clone (`docker run -v $(pwd):/submission`,
// `--volume "$PWD":/app`, `-v .:/code`, compose's `.:/app`) or a Dockerfile that copies it in (`WORKDIR /app` +
// `COPY . .`, `COPY . /app`). `cd /submission/code` in a README or script then goes to code/ of the repo. One
// mapping, read by every walk of working folders (the rerun plan's and the README checks'). Pure over the texts.
import type { RepoView } from "../../model/repo-view.js";
import { filesWithRole, roleOf } from "../view/file-roles.js";
import { joinRel } from "./readme-commands.js";

export interface Mount {
  /** The absolute folder in the container, no trailing slash. */
  container: string;
  /** The repo folder it holds, from the root. */
  folder: string;
}

/** A host folder that is where the reader stands: `$(pwd)`, `$PWD`, `${PWD}`, `` `pwd` ``, `.`, `./`. */
const HERE = /^(?:\$\(pwd\)|\$\{?PWD\}?|\$\{?pwd\}?|`pwd`|\.)(?=\/|$)/;
/** Folder names a volume brings in beside the code (data, weights, outputs), never the clone itself. */
const DATA_NAME =
  /^(?:data|datasets?|input|inputs|output|outputs|models?|weights|checkpoints?|ckpts?|logs?|results?|cache|raw)$/i;
/** `-v host:container`, `--volume host:container`, `--volume=host:container`, quotes around either side. */
const VOLUME = /(?:^|\s)(?:-v|--volume)(?:\s+|=)(["']?)([^\s"':]+)\1:(["']?)(\/[^\s"':]*)\3/g;
/** `--mount type=bind,source=host,target=container` (either order of its fields). */
const BIND = /--mount[\s=]+["']?(\S+)/g;

/** The repo folder a host side names, from `folder` (where the file that says it lies), or null when it is not
 * the clone or a folder of it. `$PWD/<name>` whose name is no folder of the repo is the clone's own folder (run
 * from above it), unless the name is a data folder's. */
export function hostFolder(host: string, folder: string, isDir: (p: string) => boolean): string | null {
  const here = HERE.exec(host.replace(/["']/g, "").replace(/\/+$/, ""));
  if (!here) return null;
  const rest = host
    .replace(/["']/g, "")
    .slice(here[0].length)
    .replace(/^\/+|\/+$/g, "");
  if (rest === "") return folder;
  const inside = joinRel(folder, rest);
  if (inside.startsWith("..")) return null;
  if (isDir(inside)) return inside;
  return !rest.includes("/") && !DATA_NAME.test(rest) ? folder : null;
}

/** The volumes a README, script, Makefile or compose file mounts from the clone. */
export function volumeMounts(text: string, folder: string, isDir: (p: string) => boolean): Mount[] {
  const out: Mount[] = [];
  const add = (host: string, container: string) => {
    const at = hostFolder(host, folder, isDir);
    const path = container.replace(/\/+$/, "");
    if (at !== null && path !== "") out.push({ container: path, folder: at });
  };
  for (const m of text.matchAll(VOLUME)) add(m[2]!, m[4]!);
  for (const m of text.matchAll(BIND)) {
    const fields = new Map(
      m[1]!
        .replace(/["']/g, "")
        .split(",")
        .map((f) => [f.slice(0, f.indexOf("=")), f.slice(f.indexOf("=") + 1)] as const),
    );
    const host = fields.get("source") ?? fields.get("src");
    const container = fields.get("target") ?? fields.get("dst") ?? fields.get("destination");
    if (host && container?.startsWith("/")) add(host, container);
  }
  // compose: `- .:/app`, `- ./:/app`, `- ${PWD}:/app` under volumes.
  for (const m of text.matchAll(/^\s*-\s*["']?([^\s"':]+):(\/[^\s"':]*)/gm)) add(m[1]!, m[2]!);
  return out;
}

/** The folders a Dockerfile copies its whole context into: `COPY . /app`, or `COPY . .` / `COPY ./ ./` after
 * `WORKDIR /app`. The context is taken to be the Dockerfile's folder. */
export function copiedContext(text: string, folder: string): Mount[] {
  const out: Mount[] = [];
  let workdir = "/";
  for (const line of text.split("\n").slice(0, 2000)) {
    const wd = /^\s*WORKDIR\s+["']?([^\s"']+)/i.exec(line);
    if (wd) {
      workdir = wd[1]!.startsWith("/") ? wd[1]! : `${workdir.replace(/\/+$/, "")}/${wd[1]}`;
      continue;
    }
    const copy = /^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*\.\/?\s+["']?([^\s"']+)\s*$/i.exec(line);
    if (!copy) continue;
    const target = copy[1]!.startsWith("/") ? copy[1]! : `${workdir.replace(/\/+$/, "")}/${copy[1]}`;
    const container = `/${joinRel("", target)}`;
    if (container !== "/") out.push({ container, folder });
  }
  return out;
}

/** The repo folder an absolute path stands for under the mounts, the deepest mount first; null when none holds it. */
export function underMount(mounts: readonly Mount[], path: string): string | null {
  const clean = path.replace(/\/+$/, "");
  let best: Mount | null = null;
  for (const m of mounts)
    if (
      (clean === m.container || clean.startsWith(`${m.container}/`)) &&
      m.container.length > (best?.container.length ?? -1)
    )
      best = m;
  if (!best) return null;
  const inside = joinRel(best.folder, clean.slice(best.container.length));
  return inside.startsWith("..") ? null : inside;
}

const byView = new WeakMap<RepoView, Mount[]>();

/** Every mount of the clone the repo's files set up, read once per view. */
function containerMounts(view: RepoView): Mount[] {
  const known = byView.get(view);
  if (known) return known;
  const out: Mount[] = [];
  const isDir = (p: string) => p === "" || view.isDir(p);
  for (const entry of filesWithRole(view, "dockerfile", "shell", "makefile", "readme", "docs", "config")) {
    if (entry.skipped || entry.size > 500_000) continue;
    if (entry.kind === "config" && !/(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$/i.test(entry.path)) continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    const folder = entry.path.includes("/") ? entry.path.slice(0, entry.path.lastIndexOf("/")) : "";
    // A README's `docker run -v $(pwd):...` is typed from the clone's root, whatever folder the README lies in.
    const from = roleOf(entry) === "readme" || roleOf(entry) === "docs" ? "" : folder;
    if (roleOf(entry) === "dockerfile") out.push(...copiedContext(text, folder));
    else out.push(...volumeMounts(text, from, isDir));
    if (out.length > 200) break;
  }
  byView.set(view, out);
  return out;
}

/** The repo folder an absolute container path stands for, for a ShellEnv's `containerFolder`. */
export function containerFolderOf(view: RepoView): (path: string) => string | null {
  return (path) => underMount(containerMounts(view), path);
}
