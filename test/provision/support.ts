// Audit a sample repo up to the build stage, as the pipeline does: copy, walk, extract, build.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { BASE_IMAGE } from "../support/engine.js";

export const SAMPLES = new URL("../../samples/", import.meta.url).pathname;

export interface SampleAudit {
  root: string;
  outDir: string;
  result: BuildStageResult;
  cleanup: () => Promise<void>;
}

export async function copySample(name: string): Promise<{ dir: string; root: string }> {
  const dir = await mkdtemp(join(tmpdir(), `repro-audit-${name}-`));
  const root = join(dir, "repo");
  await cp(join(SAMPLES, name, "repo"), root, { recursive: true });
  return { dir, root };
}

export async function auditBuild(
  name: string,
  options: { baseImage?: string | null; allowImages?: string[] } = {},
): Promise<SampleAudit> {
  const { dir, root } = await copySample(name);
  const view = await walkRepo(root);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  const outDir = join(dir, "out");
  const baseImage = options.baseImage === null ? undefined : (options.baseImage ?? BASE_IMAGE);
  const result = await runBuildStage({
    root,
    view,
    facts,
    outDir,
    engine: "auto",
    timeoutSeconds: 600,
    handleInterrupt: false,
    allowImages: options.allowImages ?? [],
    ...(baseImage ? { baseImage } : {}),
  });
  return { root, outDir, result, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
