// The build context: the repo's readable files (never a symlink out of it), hashed for the image tag and
// staged into a temporary folder for the engine.
import { createHash } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, sep } from "node:path";
import type { RepoView } from "../model/repo-view.js";
import { trackDir, untrackDir } from "./containers.js";
import { AUDIT_IMAGE_REPO } from "./local-bases.js";

/** Files that go into the image: what the inventory read, minus VCS folders and skipped files. */
export function contextFiles(view: RepoView): string[] {
  return view
    .files()
    .filter((f) => !f.skipped && !/(^|\/)\.(git|hg|svn)\//.test(f.path))
    .map((f) => f.path);
}

async function insideRoot(root: string, path: string): Promise<string | null> {
  try {
    const real = await realpath(join(root, path));
    return real === root || real.startsWith(root + sep) ? real : null;
  } catch {
    return null;
  }
}

/** One digest over paths and contents: the image holds the code, so changed code is a different image. */
export async function contextDigest(root: string, files: string[]): Promise<string> {
  const realRoot = await realpath(root);
  const hash = createHash("sha256");
  for (const path of files) {
    const real = await insideRoot(realRoot, path);
    if (!real) continue;
    hash
      .update(path)
      .update("\0")
      .update(
        createHash("sha256")
          .update(await readFile(real))
          .digest(),
      )
      .update("\0");
  }
  return hash.digest("hex");
}

/** repro-audit/env:<16 hex> of everything that decides the image (the audit's own images, never a base it lists). */
export function imageTag(parts: {
  base: string;
  dockerfile: string;
  specs: Array<[string, string]>;
  context: string;
}): string {
  const hash = createHash("sha256")
    .update("repro-audit-env-v1\0")
    .update(parts.base)
    .update("\0")
    .update(parts.dockerfile);
  for (const [path, text] of parts.specs) hash.update("\0").update(path).update("\0").update(text);
  hash.update("\0").update(parts.context);
  return `${AUDIT_IMAGE_REPO}:${hash.digest("hex").slice(0, 16)}`;
}

/** Copy the context files into a fresh temporary folder; the caller removes it with `dispose`. */
export async function stageContext(
  root: string,
  files: string[],
): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const realRoot = await realpath(root);
  const dir = await mkdtemp(join(tmpdir(), "repro-audit-context-"));
  trackDir(dir);
  const dispose = async () => {
    await rm(dir, { recursive: true, force: true });
    untrackDir(dir);
  };
  try {
    for (const path of files) {
      const real = await insideRoot(realRoot, path);
      if (!real) continue;
      const target = join(dir, path);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(real, target);
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}
