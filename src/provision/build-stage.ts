// The build stage: detect the spec, write the Dockerfile, vet a repo's own one, build (or reuse) the image
// inside its ceilings, probe its imports. Each step below is one function; runBuildStage reads as their list.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { BuildNetwork, EnvironmentSection } from "../model/environment.js";
import type { FactRecord, Facts } from "../model/facts.js";
import { factsOf } from "../model/fact-types.js";
import type { BuildLock, ChosenPython } from "../model/build-lock.js";
import type { RepoView } from "../model/repo-view.js";
import { chooseBase, fitPythonToBases, NAMED_BASES, type BaseChoice, type BaseOrigin } from "./base-image.js";
import { condaAsPip, droppedPackageOf } from "./conda-as-pip.js";
import { inspectBases, listLocalBases, type NamedBase } from "./local-bases.js";
import { fallBackToLocalBase } from "./local-base-fallback.js";
import {
  containerName,
  removeContainersOnInterrupt,
  removeStartedContainers,
  trackContainer,
  untrackContainer,
} from "./containers.js";
import { contextDigest, contextFiles, imageTag, stageContext } from "./context.js";
import { APP_USER, unwritableSpecPaths, WHEELS_FILE, writeDockerfile } from "./dockerfile.js";
import { substitutedWheelNotes } from "./wheel-choices.js";
import { findEngine, imageDetails, imageExists, runContainer, type Engine, type EnginePreference } from "./engine.js";
import { classifyBuildFailure, logTail, stripAnsi, type BuildFailure } from "./failure.js";
import { packageLines } from "./build-log.js";
import { runBuild, type BuildOutcome } from "./build-run.js";
import { startEgress, type Egress } from "./egress.js";
import { destinationOf } from "./egress-policy.js";
import { overrideBaseImages, readDockerfile } from "./dockerfile-policy.js";
import { anonymousEngineEnv, refuseImages } from "./image-policy.js";
import { PROBE_RUN_ARGS, probeImage, type ProbeTarget } from "./probe.js";
import { probeModules } from "./probe-script.js";
import { detectSpec, withChosenPython, withLock, type SpecPlan } from "./spec-plan.js";
import type { BuildLimits } from "./limits.js";

export interface BuildStageInput {
  root: string;
  view: RepoView;
  facts: Facts;
  /** Where the Dockerfile and build.log are written (the report's own folder of files). */
  outDir: string;
  /** The engine a caller already found (the pipeline's stage plan), or the preference to look one up by. */
  engine: EnginePreference | Engine;
  /** The base image(s) the user named (--base-image, repeatable): the one whose Python the spec states is used. */
  baseImage?: string | readonly string[];
  /** Build the repo's own Dockerfile on this image instead of its FROM images. */
  baseImageOverride?: string;
  /** Images of the user's that a repo's own Dockerfile may build on. */
  allowImages?: readonly string[];
  /** The user's package index (--index-url): pip in the audit's Dockerfile installs from it, and the build may
   * reach its host and port even on this machine or a private network. Default PyPI. */
  indexUrl?: string;
  /** Build time limit; default 1800 s. */
  timeoutSeconds?: number;
  signal?: AbortSignal;
  /** Install a SIGINT/SIGTERM handler that removes what the stage started while it runs (default true). */
  handleInterrupt?: boolean;
  /** Lower build ceilings (tests); the defaults are BUILD_LIMITS in limits.ts. */
  limits?: Partial<BuildLimits>;
  /** The lock of the spec (repro-audit lock's pins): installed in place of the spec's own lines. */
  lock?: BuildLock | null;
  /** With no lock, for a spec that states no Python: the Python the audit chose from its pins, not the default. */
  python?: ChosenPython | null;
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
  /** What the report should say about the build: a wheel URL replaced by its index release. */
  notes: string[];
}

const UNPRIVILEGED = "65534:65534";

/** The plan and the base it builds on, with where the candidate bases came from and, for bases the user did not
 * name, the note that says why they stand in. */
interface PlannedBase {
  plan: SpecPlan;
  base: BaseChoice;
  origin: BaseOrigin;
  note?: string;
}

/** What the stage decided before building: the plan, its base, the Dockerfile's text. */
interface Written {
  plan: SpecPlan;
  base: BaseChoice;
  dockerfile: string;
  dockerfilePath: string;
  outDir: string;
  /** What the audit put in place of what the spec states, for the report: a Python, conda. */
  substitutions: string[];
  /** conda packages left out of a conda spec installed with pip. */
  condaDropped: string[];
}

/** The report's words for the base choice's substitutions: a local base for a missing one, another Python than the
 * spec's, conda by pip. */
function substitutionNotes(plan: SpecPlan, planned: PlannedBase, base: BaseChoice, conda: string | null): string[] {
  const notes: string[] = planned.note ? [planned.note] : [];
  if (base.python && base.python !== plan.python.version)
    notes.push(
      `Build: installed on the base image's Python ${base.python} in place of ${plan.python.version} (${plan.python.source}): ${planned.origin.none} has ${plan.python.version}.`,
    );
  if (conda) notes.push(`Build: ${conda}.`);
  return notes;
}

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
  const declared = factsOf(facts, "env-spec").find(
    (r) => r.kind === "package" && r.name === pkg && plan.specFiles.includes(String(r.file)),
  );
  if (declared) return { file: declared.file, line: declared.line };
  return plan.primary ? { file: plan.primary } : {};
}

const namedImages = (input: BuildStageInput): string[] => [input.baseImage ?? []].flat();

/** 1a. Detect the spec and choose its base among the named ones (or the audit's own choice). */
function planBase(input: BuildStageInput, named: readonly NamedBase[]): PlannedBase {
  const plan = fitPythonToBases(
    withChosenPython(withLock(detectSpec(input.facts, input.view), input.lock), input.python),
    named,
  );
  return { plan, base: chooseBase(plan, named), origin: NAMED_BASES };
}

/** 1b. With no --base-image named, a base the engine lacks (where no registry answers, its pull would fail) gives way
 * to the engine's local images labelled with their Python; a base it has, or no such image, changes nothing. */
async function withLocalBase(engine: Engine, planned: PlannedBase, input: BuildStageInput): Promise<PlannedBase> {
  if (namedImages(input).length > 0 || planned.base.flavor === "own") return planned;
  const present = await imageExists(engine, planned.base.image);
  const local = present ? [] : await listLocalBases(engine);
  return fallBackToLocalBase(planned.plan, planned.base, present, local) ?? planned;
}

/** 1c. Write the Dockerfile (always, even without an engine). A conda spec on a named or local base that is no
 * micromamba image is installed with pip. */
async function writePlan(input: BuildStageInput, planned: PlannedBase): Promise<Written> {
  const detected = planned.plan;
  const override = detected.ownDockerfile !== null ? input.baseImageOverride : undefined;
  const chosen = planned.base;
  const asPip =
    detected.format === "conda" && chosen.flavor === "python"
      ? condaAsPip(detected, input.view.read(detected.primary!) ?? "")
      : null;
  const plan = asPip?.plan ?? detected;
  const base = override
    ? { image: override, reason: "--base-image-override (in place of the repo's FROM images)", flavor: chosen.flavor }
    : chosen;
  const dockerfile = override
    ? overrideBaseImages(plan.ownDockerfile!, override)
    : writeDockerfile(plan, { base, ...(input.indexUrl ? { indexUrl: input.indexUrl } : {}) });
  const outDir = resolve(input.outDir);
  await mkdir(outDir, { recursive: true });
  const dockerfilePath = join(outDir, "Dockerfile");
  await writeFile(dockerfilePath, dockerfile);
  const substitutions = substitutionNotes(plan, planned, base, asPip?.note ?? null);
  return { plan, base, dockerfile, dockerfilePath, outDir, substitutions, condaDropped: asPip?.dropped ?? [] };
}

function emptySection(w: Written): EnvironmentSection {
  return {
    specKind: w.plan.kind,
    specFiles: w.plan.specFiles,
    reconstructed: w.plan.reconstructed,
    python: w.plan.python,
    cuda: w.plan.cuda,
    baseImage: w.base.image,
    baseImageReason: w.base.reason,
    dockerfile: w.dockerfilePath,
    engine: null,
    image: null,
    build: { status: "skipped", seconds: null, cacheHit: false },
    probe: { ran: false, modules: [], pipCheck: null },
  };
}

/** 2. What in the Dockerfile the audit will not let the engine do, one sentence each. Every Dockerfile handed
 * to the engine passes this: the repo's own, and the one the audit wrote (whose only image is the base it chose). */
async function vetDockerfile(
  engine: Engine,
  w: Written,
  input: BuildStageInput,
  env: Record<string, string>,
): Promise<string[]> {
  const reading = readDockerfile(w.dockerfile);
  const own = w.base.flavor === "own";
  const allowed = [
    ...(input.allowImages ?? []),
    ...namedImages(input),
    ...(input.baseImageOverride ? [input.baseImageOverride] : []),
    ...(own ? [] : [w.base.image]),
  ];
  return [
    ...(own ? [] : unwritableSpecPaths(w.plan)),
    ...reading.refusals,
    ...(await refuseImages(engine, reading.images, allowed, env)),
  ];
}

/** 3. Build from a staged copy of the repo, steps confined to the egress proxy (or no network at all). */
async function buildConfined(
  engine: Engine,
  w: Written,
  tag: string,
  files: string[],
  input: BuildStageInput,
  env: Record<string, string>,
): Promise<{ outcome: BuildOutcome; network: BuildNetwork }> {
  const index = input.indexUrl ? destinationOf(input.indexUrl) : null;
  const started = await startEgress(engine, index ? [index] : []);
  const egress: Egress | null = started.egress;
  const context = await stageContext(input.root, files);
  try {
    const outcome = await runBuild(engine, {
      tag,
      dockerfile: w.dockerfilePath,
      context: context.dir,
      timeoutMs: (input.timeoutSeconds ?? 1800) * 1000,
      network: egress?.network ?? "none",
      buildArgs: egress?.buildArgs ?? [],
      env,
      ...(input.signal ? { signal: input.signal } : {}),
      ...(input.limits ? { limits: input.limits } : {}),
    });
    const attempts = egress?.attempts() ?? [];
    const network: BuildNetwork = {
      mode: egress ? "egress-proxy" : "none",
      ...(started.egress ? {} : { reason: started.why }),
      reached: attempts.filter((a) => a.allowed).map((a) => `${a.host}:${a.port}`),
      refused: attempts
        .filter((a) => !a.allowed)
        .map((a) => ({ destination: `${a.host}:${a.port}`, why: a.why ?? "refused" })),
    };
    return { outcome, network };
  } finally {
    await context.dispose();
    await egress?.stop();
  }
}

/** The failed build as the section and its record say it; only package lines of the log go into them. */
function failedBuild(
  section: EnvironmentSection,
  records: BuildFamilies,
  input: BuildStageInput,
  plan: SpecPlan,
  failure: BuildFailure,
  extra: { seconds: number; logPath?: string; log: string; reason?: string },
): BuildStageResult {
  section.build = {
    ...section.build,
    status: "failed",
    seconds: extra.seconds,
    cacheHit: false,
    failureClass: failure.failureClass,
    ...(failure.package ? { package: failure.package } : {}),
    logTail: logTail(extra.log),
    ...(extra.logPath ? { logPath: extra.logPath } : {}),
    ...(extra.reason ? { reason: extra.reason } : {}),
  };
  records["environment-build"].push({
    kind: "build",
    status: "failed",
    failureClass: failure.failureClass,
    package: failure.package,
    detail: failure.detail,
    seconds: extra.seconds,
    image: section.image,
    ...failureLocation(input.facts, plan, failure.package),
  });
  return { section, records, notCollected: { "import-probe": "the image did not build" }, notes: [] };
}

/** Each destination the proxy refused is a record of its own (a finding: the build reached for this machine or a private network). */
function networkRecords(network: BuildNetwork): FactRecord[] {
  return network.refused.map((r) => ({ kind: "network-refused", destination: r.destination, why: r.why }));
}

/** An import that failed for a conda package the audit left out is the audit's gap, said as its base's. */
function droppedCause(record: FactRecord, dropped: readonly string[]): FactRecord {
  if (record.kind !== "import" || !record.error || record.cause || dropped.length === 0) return record;
  const pkg = droppedPackageOf(String(record.module), dropped);
  return pkg ? { ...record, cause: "base-image", library: `the conda package ${pkg}` } : record;
}

/** 4. The probe: no network, unprivileged; local modules only where the code sits in the image's workdir. */
async function probeBuilt(
  engine: Engine,
  w: Written,
  tag: string,
  input: BuildStageInput,
  section: EnvironmentSection,
  records: BuildFamilies,
): Promise<BuildStageResult> {
  const details = await imageDetails(engine, tag);
  const modules = probeModules(input.facts, w.base.flavor !== "own");
  // A Python the repo does not state is the audit's substitution: import failures it could cause are said so. Its
  // version is known on a python:<version> base and a labelled named one; an unlabelled or CUDA base brings its own.
  const knownPython =
    w.base.flavor === "python" ? (w.base.python ?? (namedImages(input).length ? "" : w.plan.python.version)) : "";
  const chosenPython = w.plan.pythonStated || w.base.flavor === "own" ? null : knownPython;
  const probe = await probeImage(engine, probeTarget(w.plan, w.base.flavor, tag, details?.user ?? ""), modules, {
    chosenPython,
    ...(input.signal ? { signal: input.signal } : {}),
  });
  section.probe = { ran: probe.ran, modules: probe.modules, pipCheck: probe.pipCheck };
  records["import-probe"] = probe.records.map((r) => droppedCause(r, w.condaDropped));
  const notCollected: BuildStageResult["notCollected"] = probe.ran
    ? {}
    : { "import-probe": probe.reason ?? "the import probe did not run" };
  return { section, records, notCollected, ...(details ? { imageBytes: details.size } : {}), notes: [] };
}

/** The wheel URLs the lock's install replaced by their index release, read from the image itself (so a
 * reused image says so too), in a sealed container as the probe runs. */
async function wheelNotes(engine: Engine, plan: SpecPlan, tag: string, signal?: AbortSignal): Promise<string[]> {
  if (!plan.locked || plan.locked.wheels.length === 0) return [];
  const name = containerName();
  trackContainer(name, engine);
  try {
    const runArgs = [...PROBE_RUN_ARGS, "--user", APP_USER, "--entrypoint", ""];
    const read = await runContainer(engine, {
      name,
      image: tag,
      runArgs,
      command: ["cat", WHEELS_FILE],
      timeoutMs: 60_000,
      ...(signal ? { signal } : {}),
    });
    return read.exitCode === 0 ? substitutedWheelNotes(plan.locked, read.stdout) : [];
  } finally {
    untrackContainer(name);
  }
}

/** Detect, write, vet, build or reuse, probe. Never throws for a missing engine, a refused or failed build:
 * all are data in the result. Whatever happens, the containers and temporary folders it made are removed. */
export async function runBuildStage(input: BuildStageInput): Promise<BuildStageResult> {
  // Looking up runs `info`, which can take seconds: an engine already found is not looked up again.
  const lookup =
    typeof input.engine === "string" ? await findEngine(input.engine) : ({ ok: true, engine: input.engine } as const);
  // The named bases' Pythons come from the user's engine; with none, the first named is used as it is.
  const named = await inspectBases(lookup.ok ? lookup.engine : null, namedImages(input));
  const planned = planBase(input, named);
  const written = await writePlan(input, lookup.ok ? await withLocalBase(lookup.engine, planned, input) : planned);
  const section = emptySection(written);
  const records: BuildFamilies = { "environment-build": [], "import-probe": [] };
  if (!lookup.ok) {
    section.build.reason = `${lookup.message}: ${lookup.hint}`;
    const why = `no container engine: ${lookup.hint}`;
    return {
      section,
      records,
      notCollected: { "environment-build": why, "import-probe": why },
      unavailable: { message: lookup.message, hint: lookup.hint },
      notes: written.substitutions,
    };
  }
  const engine = lookup.engine;
  section.engine = engine.name;
  // A caller that passes an abort signal decides how an interrupt ends; without one, the stage exits 130 itself.
  const uninstall = input.handleInterrupt === false ? () => {} : removeContainersOnInterrupt({ exit: !input.signal });
  const anonymous = await anonymousEngineEnv(engine);
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 10) / 100;
  try {
    const files = contextFiles(input.view);
    const specs = written.plan.specFiles.map((f): [string, string] => [f, input.view.read(f) ?? ""]);
    const tag = imageTag({
      base: written.base.image,
      dockerfile: written.dockerfile,
      specs,
      context: await contextDigest(input.root, files),
    });
    section.image = tag;

    const refusals = await vetDockerfile(engine, written, input, anonymous.env);
    if (refusals.length > 0) {
      const failure: BuildFailure = { failureClass: "not-allowed", package: null, detail: refusals.join("; ") };
      const whose = written.base.flavor === "own" ? "the repo's Dockerfile" : "the Dockerfile for the repo's spec";
      const refused = failedBuild(section, records, input, written.plan, failure, {
        seconds: seconds(),
        log: refusals.join("\n"),
        reason: `the audit refused to build ${whose}`,
      });
      return { ...refused, notes: written.substitutions };
    }
    if (await imageExists(engine, tag)) {
      section.build = { status: "cached", seconds: seconds(), cacheHit: true };
    } else {
      const { outcome, network } = await buildConfined(engine, written, tag, files, input, anonymous.env);
      const logPath = join(written.outDir, "build.log");
      await writeFile(logPath, stripAnsi(outcome.log));
      records["environment-build"].push(...networkRecords(network));
      if (!outcome.ok) {
        const scrubbed = packageLines(stripAnsi(outcome.log));
        const failure = classifyBuildFailure(scrubbed, outcome.timedOut ? "timeout" : outcome.limit);
        section.build.network = network;
        const failed = failedBuild(section, records, input, written.plan, failure, {
          seconds: seconds(),
          logPath,
          log: scrubbed,
          ...(outcome.cancelled ? { reason: "the build was interrupted" } : {}),
        });
        return { ...failed, notes: written.substitutions };
      }
      section.build = { status: "built", seconds: seconds(), cacheHit: false, logPath, network };
    }
    records["environment-build"].push({
      kind: "build",
      status: section.build.status,
      failureClass: null,
      package: null,
      detail: null,
      seconds: section.build.seconds,
      image: tag,
    });
    const notes = await wheelNotes(engine, written.plan, tag, input.signal);
    const probed = await probeBuilt(engine, written, tag, input, section, records);
    return { ...probed, notes: [...written.substitutions, ...notes] };
  } finally {
    uninstall();
    await removeStartedContainers();
    await anonymous.dispose();
  }
}
