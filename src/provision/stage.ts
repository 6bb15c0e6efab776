// The build stage as the pipeline runs it: progress, facts added, a stage status out.
import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import type { EnvironmentSection } from "../model/environment.js";
import { addFacts, markNotCollected, type Facts } from "../model/facts.js";
import type { Progress } from "../model/progress.js";
import type { RepoView } from "../model/repo-view.js";
import type { RepoInfo, StageStatus } from "../model/report.js";
import { elapsedSeconds } from "../model/time.js";
import { runBuildStage } from "./build-stage.js";
import type { BuildLock, ChosenPython } from "../model/build-lock.js";
import type { Engine, EnginePreference } from "./engine.js";

export interface BuildStep {
  root: string;
  view: RepoView;
  facts: Facts;
  repo: RepoInfo;
  engine: EnginePreference | Engine;
  /** The base image(s) the user named. */
  baseImage?: readonly string[];
  baseImageOverride?: string;
  allowImages?: readonly string[];
  /** The user's package index: the build installs from it. */
  indexUrl?: string;
  timeoutSeconds: number;
  /** Where the Dockerfile and build log go (default: a folder per repo and commit in the cache). */
  outDir?: string;
  progress: Progress;
  signal?: AbortSignal;
  /** The spec's lock, installed in place of its own lines. */
  lock?: BuildLock | null;
  /** With no lock, for a spec that states no Python: the Python the audit chose from its pins. */
  python?: ChosenPython;
}

/** Default home of an audit's build files: one folder per audited repo and commit (or working tree). */
function defaultOutDir(repo: RepoInfo): string {
  const source = createHash("sha256").update(repo.url).digest("hex").slice(0, 12);
  const name = `${source}-${(repo.commit ?? "working-tree").slice(0, 12)}`;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit", "builds", name);
}

export async function buildStep(
  step: BuildStep,
): Promise<{ status: StageStatus; section: EnvironmentSection; notes: string[] }> {
  const { progress } = step;
  const started = performance.now();
  progress.start("build", "building the environment image");
  const result = await runBuildStage({
    root: step.root,
    view: step.view,
    facts: step.facts,
    outDir: step.outDir ?? defaultOutDir(step.repo),
    engine: step.engine,
    ...(step.baseImage?.length ? { baseImage: step.baseImage } : {}),
    ...(step.baseImageOverride ? { baseImageOverride: step.baseImageOverride } : {}),
    allowImages: step.allowImages ?? [],
    ...(step.indexUrl ? { indexUrl: step.indexUrl } : {}),
    timeoutSeconds: step.timeoutSeconds,
    ...(step.signal ? { signal: step.signal } : {}),
    ...(step.lock ? { lock: step.lock } : {}),
    ...(step.python ? { python: step.python } : {}),
  });
  for (const [family, records] of Object.entries(result.records)) addFacts(step.facts, family, records);
  for (const [family, why] of Object.entries(result.notCollected)) if (why) markNotCollected(step.facts, family, why);
  const build = result.section.build;
  const status: StageStatus =
    build.status === "failed"
      ? { status: "failed", seconds: elapsedSeconds(started), reason: build.failureClass ?? "build failed" }
      : build.status === "skipped"
        ? { status: "skipped", reason: build.reason ?? "not built" }
        : { status: "ran", seconds: elapsedSeconds(started) };
  if (status.status === "failed")
    progress.fail(`build failed (${build.failureClass ?? "unknown"}${build.package ? `: ${build.package}` : ""})`);
  else if (status.status === "skipped") progress.skip(status.reason ?? "");
  else progress.succeed(`image ${result.section.image} ${build.cacheHit ? "reused" : `built in ${build.seconds}s`}`);
  return { status, section: result.section, notes: result.notes };
}
