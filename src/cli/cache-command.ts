// `repro-audit cache clean`: remove the cached clones (<cache>/repro-audit/repos, or --cache-dir) and the build
// folders (<cache>/repro-audit/builds). Only entries named as the audit names them are removed, so pointing
// --cache-dir at the wrong folder deletes nothing of yours; links are removed, never followed.
import { lstatSync, readdirSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { defaultCacheRoot } from "../clone/input.js";

const CLONE_NAME = /^[0-9a-f]{20}$/;
const BUILD_NAME = /^[0-9a-f]{12}-([0-9a-f]{12}|working-tree)$/;

function sizeOf(path: string): number {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

function clean(root: string, named: RegExp): { removed: number; bytes: number } {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return { removed: 0, bytes: 0 };
  }
  let removed = 0;
  let bytes = 0;
  for (const name of names.filter((n) => named.test(n))) {
    const path = join(root, name);
    bytes += sizeOf(path);
    rmSync(path, { recursive: true, force: true });
    removed++;
  }
  return { removed, bytes };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function cacheCommand(cacheDir: string | undefined): string {
  const repos = cacheDir ?? defaultCacheRoot();
  const builds = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit", "builds");
  const a = clean(repos, CLONE_NAME);
  const b = clean(builds, BUILD_NAME);
  return (
    [
      `removed ${a.removed} cached clone(s) from ${repos} (${mib(a.bytes)})`,
      `removed ${b.removed} build folder(s) from ${builds} (${mib(b.bytes)})`,
    ].join("\n") + "\n"
  );
}
