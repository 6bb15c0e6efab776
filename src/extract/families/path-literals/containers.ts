// Locations inside a container the repo sets up itself: a Dockerfile's WORKDIR, VOLUME, COPY/ADD targets
// and absolute ENV values; the container side of `-v host:container` and `-w dir` in scripts, Makefiles
// and READMEs; docker-compose volumes. A path under one of them is the image's, not the author's machine's.
import type { FileRole, InventoryEntry, RepoView } from "../../../model/repo-view.js";
import { filesWithRole, roleOf } from "../../view/file-roles.js";

/** Files that run or describe containers, by the role the walk gave them: Dockerfiles, scripts and makefiles
 * that call docker, the prose that documents it, and YAML (compose files); of the configs, YAML only. */
const SCANNED: FileRole[] = ["dockerfile", "shell", "makefile", "readme", "docs", "conda", "config"];
const scanned = (entry: InventoryEntry) => entry.kind !== "config" || entry.configFormat === "yaml";

export function containerRoots(view: RepoView): string[] {
  const roots = new Set<string>();
  const add = (p: string | undefined) => {
    const v = p?.replace(/["']/g, "").replace(/\/+$/, "");
    if (v && /^\/[\w.-]/.test(v) && !/^\/(?:usr|bin|sbin|lib|etc|var|tmp|opt|root|home|dev|proc|sys|run)$/.test(v))
      roots.add(v);
  };
  for (const entry of filesWithRole(view, ...SCANNED)) {
    if (entry.skipped || entry.size > 500_000 || !scanned(entry)) continue;
    const docker = roleOf(entry) === "dockerfile";
    const text = view.read(entry.path);
    if (text === null) continue;
    if (docker) {
      for (const m of text.matchAll(/^\s*(?:WORKDIR|VOLUME)\s+(?:\[\s*)?["']?(\/[^\s"'\]]+)/gim)) add(m[1]);
      for (const m of text.matchAll(/^\s*ENV\s+(\w+)[=\s]+["']?(\/[^\s"':]+)/gim)) add(m[2]);
      for (const m of text.matchAll(/^\s*(?:COPY|ADD)\s+(?:--\S+\s+)*\S+(?:\s+\S+)*\s+(\/[^\s"']+)\s*$/gim)) add(m[1]);
    }
    for (const m of text.matchAll(
      /(?:-v|--volume)\s*["']?(?:\$\([^)]*\)|\$\{[^}]*\}|[^\s:"'])*:(\/[^\s:"']+)|--mount\s+\S*?(?:target|dst|destination)=(\/[^\s,"']+)/g,
    ))
      add(m[1] ?? m[2]);
    for (const m of text.matchAll(/(?:-w|--workdir)[\s=]+["']?(\/[^\s"']+)/g)) add(m[1]);
    if (/docker-compose/i.test(entry.path))
      for (const m of text.matchAll(/^\s*-\s*["']?[^\s:"']+:(\/[^\s:"']+)/gm)) add(m[1]);
  }
  return [...roots];
}
