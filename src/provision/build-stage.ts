// The build stage: detect the spec, write the Dockerfile, build (or reuse) the image, probe its imports.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { EnvironmentSection } from "../model/environment.js";
import type { FactRecord, Facts } from "../model/facts.js";
import type { RepoView } from "../model/repo-view.js";
import { chooseBase } from "./base-image.js";
import { removeContainersOnInterrupt, removeStartedContainers } from "./containers.js";
import { contextDigest, contextFiles, imageTag, stageContext } from "./context.js";
import { APP_USER } from "./dockerfile.js";
import { writeDockerfile } from "./dockerfile.js";
import { buildImage, findEngine, imageDetails, imageExists, type Engine, type EnginePreference } from "./engine.js";
import { classifyBuildFailure, logTail, stripAnsi } from "./failure.js";
import { probeImage, type ProbeTarget } from "./probe.js";
import { probeModules } from "./probe-script.js";
import { detectSpec, type SpecPlan } from "./spec-plan.js";

export interface BuildStageInput {
  root: string;
  view: RepoView;
  facts: Facts;
  /** Where the Dockerfile and build.log are written (beside the report). */
  outDir: string;
  engine: EnginePreference;
  baseImage?: string;
  /** Build time limit; default 1800 s. */
  timeoutSeconds?: number;
  signal?: AbortSignal;
  /** Install a SIGINT handler that removes started containers while the stage runs (default true). */
  handleInterrupt?: boolean;
}

export type BuildFamilies = { "environment-build": FactRecord[]; "import-probe": FactRecord[] };

export interface BuildStageResult {
  section: EnvironmentSection;
  records: BuildFamilies;
  /** Families that could not be collected, with the reason: the pipeline passes them to markNotCollected. */
  notCollected: Partial<Record<keyof BuildFamilies, string>>;
  /** Set when no engine answered: the pipeline exits 3 if `build` was asked for, else adds a note. */
  unavailable?: { message: string; hint: string };
  /** Image size in bytes, when there is an image. */
  imageBytes?: number;
}

const UNPRIVILEGED = "65534:65534";

function probeTarget(plan: SpecPlan, flavor: string, image: string, user: string): ProbeTarget {
  if (flavor === "micromamba") return { image, user: "mambauser", keepEntrypoint: true, python: "python" };
  if (flavor === "own") {
    const nonRoot = user && !/^(root|0)(:|$)/.test(user) ? user : UNPRIVILEGED;
    return { image, user: nonRoot, keepEntrypoint: false, python: "python3" };
  }
  return { image, user: APP_USER, keepEntrypoint: false, python: "python" };
}

/** Where a failure's package is declared, so the finding points at its line. */
function failureLocation(facts: Facts, plan: SpecPlan, pkg: string | null): FactRecord {
  const declared = (facts.families["env-spec"] ?? []).find((r) => r.kind === "package" && r.name === pkg && plan.specFiles.includes(String(r.file)));
  if (declared) return { file: declared.file, line: declared.line };
  return plan.primary ? { file: plan.primary } : {};
}

/** Detect, write the Dockerfile (always, even without an engine), build or reuse the image, probe it.
 * Never throws for a missing engine or a failed build: both are data in the result. */
export async function runBuildStage(input: BuildStageInput): Promise<BuildStageResult> {
  const plan = detectSpec(input.facts, input.view);
  const base = chooseBase(plan, input.baseImage);
  const dockerfile = writeDockerfile(plan, input.baseImage ? { baseImage: input.baseImage } : {});
  const outDir = resolve(input.outDir);
  await mkdir(outDir, { recursive: true });
  const dockerfilePath = join(outDir, "Dockerfile");
  await writeFile(dockerfilePath, dockerfile);
  const section: EnvironmentSection = {
    specKind: plan.kind,
    specFiles: plan.specFiles,
    reconstructed: plan.reconstructed,
    python: plan.python,
    cuda: plan.cuda,
    baseImage: base.image,
    baseImageReason: base.reason,
    dockerfile: dockerfilePath,
    engine: null,
    image: null,
    build: { status: "skipped", seconds: null, cacheHit: false },
    probe: { ran: false, modules: [], pipCheck: null },
  };
  const records: BuildFamilies = { "environment-build": [], "import-probe": [] };

  // 1. An engine, or a typed "unavailable" the pipeline turns into exit 3 or a note.
  const lookup = await findEngine(input.engine);
  if (!lookup.ok) {
    section.build.reason = `${lookup.message}: ${lookup.hint}`;
    const why = `no container engine: ${lookup.hint}`;
    return { section, records, notCollected: { "environment-build": why, "import-probe": why }, unavailable: { message: lookup.message, hint: lookup.hint } };
  }
  const engine: Engine = lookup.engine;
  section.engine = engine.name;
  const uninstall = input.handleInterrupt === false ? () => {} : removeContainersOnInterrupt();
  try {
    // 2. The tag: everything that decides the image; an existing tag is a cache hit.
    const files = contextFiles(input.view);
    const specs = plan.specFiles.map((f): [string, string] => [f, input.view.read(f) ?? ""]);
    const tag = imageTag({ base: base.image, dockerfile, specs, context: await contextDigest(input.root, files) });
    section.image = tag;
    const started = performance.now();
    const seconds = () => Math.round((performance.now() - started) / 10) / 100;
    const logPath = join(outDir, "build.log");
    if (await imageExists(engine, tag)) {
      section.build = { status: "cached", seconds: seconds(), cacheHit: true };
    } else {
      // 3. Build from a staged copy of the repo, the Dockerfile kept outside it.
      const context = await stageContext(input.root, files);
      let outcome;
      try {
        outcome = await buildImage(engine, {
          tag,
          dockerfile: dockerfilePath,
          context: context.dir,
          timeoutMs: (input.timeoutSeconds ?? 1800) * 1000,
          ...(input.signal ? { signal: input.signal } : {}),
        });
      } finally {
        await context.dispose();
      }
      await writeFile(logPath, stripAnsi(outcome.log));
      if (!outcome.ok) {
        const failure = classifyBuildFailure(outcome.log, outcome.timedOut);
        const reason = outcome.cancelled ? "the build was interrupted" : undefined;
        section.build = {
          status: "failed", seconds: seconds(), cacheHit: false, failureClass: failure.failureClass,
          ...(failure.package ? { package: failure.package } : {}), logTail: logTail(outcome.log), logPath, ...(reason ? { reason } : {}),
        };
        records["environment-build"].push({
          kind: "build", status: "failed", failureClass: failure.failureClass, package: failure.package, detail: failure.detail,
          seconds: section.build.seconds, image: tag, ...failureLocation(input.facts, plan, failure.package),
        });
        return { section, records, notCollected: { "import-probe": "the image did not build" } };
      }
      section.build = { status: "built", seconds: seconds(), cacheHit: false, logPath };
    }
    records["environment-build"].push({
      kind: "build", status: section.build.status, failureClass: null, package: null, detail: null, seconds: section.build.seconds, image: tag,
    });
    const details = await imageDetails(engine, tag);

    // 4. The probe: no network, unprivileged; local modules only where the code sits in the image's workdir.
    const modules = probeModules(input.facts, base.flavor !== "own");
    const probe = await probeImage(engine, probeTarget(plan, base.flavor, tag, details?.user ?? ""), modules, input.signal ? { signal: input.signal } : {});
    section.probe = { ran: probe.ran, modules: probe.modules, pipCheck: probe.pipCheck };
    records["import-probe"] = probe.records;
    const notCollected: BuildStageResult["notCollected"] = probe.ran ? {} : { "import-probe": probe.reason ?? "the import probe did not run" };
    return { section, records, notCollected, ...(details ? { imageBytes: details.size } : {}) };
  } finally {
    uninstall();
    await removeStartedContainers();
  }
}
