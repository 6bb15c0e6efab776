// The one file that orders the stages of an audit. Read it as a table of contents.
import { readConfig, CONFIG_FILE } from "./config/config.js";
import { readRepoConfigFile, readRepoConfigText } from "./config/repo-config.js";
import { resolveSettings, valueOf, type ConfigSource, type Resolved, type Settings } from "./config/resolve.js";
import { decideStages, type StageDecision } from "./config/stages.js";
import { inferTrainPlan } from "./config/train-plan.js";
import type { Flags } from "./config/tunables.js";
import { openSource, type Checkout } from "./clone/index.js";
import { walkRepo, type WalkedView } from "./extract/view/walk.js";
import { compileGlobs } from "./extract/view/glob.js";
import { timed, timedSync, type TimingSink } from "./model/timings.js";
import { extractFacts } from "./extract/index.js";
import { STATIC_EXTRACTORS } from "./extract/families/index.js";
import { loadRules, ruleFolders } from "./evaluate/load-rules.js";
import type { Rule } from "./evaluate/rule.js";
import { assembleReport, type AuditRecord } from "./evaluate/assemble.js";
import { carbonAssumptions } from "./carbon/assumptions.js";
import { addFacts, emptyFacts, markNotCollected, type Facts } from "./model/facts.js";
import { engineError, interrupted } from "./model/errors.js";
import { silentProgress, type Progress } from "./model/progress.js";
import type { Report, StageStatuses, Suppressions } from "./model/report.js";
import type { EnvironmentSection } from "./model/environment.js";
import type { Engine } from "./provision/engine.js";
import type { CarbonSection, TrainPlan } from "./model/carbon.js";
import type { RepoView } from "./model/repo-view.js";
import type { BuildLock, ChosenPython } from "./model/build-lock.js";
import { commitDate } from "./clone/commit-date.js";
import { elapsedSeconds } from "./model/time.js";
import { TOOL_VERSION } from "./io/package.js";
import { isReadmePath } from "./extract/view/file-roles.js";
import { pythonParser } from "./extract/python/tree-sitter.js";
import { compileWasmBaselineOnly, wasmTiersFor } from "./io/wasm-tiers.js";

export interface AuditOptions extends Flags {
  /** A repo URL (https, ssh, file) or a local path. */
  source: string;
  ref?: string;
  /** The user's own .repro-audit.yml (trusted, unlike the repo's). */
  configFile?: string;
  /** The user vouches for the repo (their own): its config and inline suppressions count as theirs. */
  trustRepo?: boolean;
  /** Where clones are cached. */
  cacheDir?: string;
  /** The caller has just cloned or fetched the source URL into the cache (a batch's clone ahead). */
  cloneFresh?: boolean;
  /** A folder the caller vouches for (the Action's workspace): a source folder inside it keeps the git of the
   * repository around it (see SourceOptions.gitRootWithin). */
  gitRootWithin?: string;
  /** Where the Dockerfile and logs are written (default: a folder in the cache). */
  outDir?: string;
  /** Append each instrumented run to the local ledger (default true). */
  ledger?: boolean;
  /** Keep each measured epoch's throughput in the calibration file for later estimates (default true). */
  calibrate?: boolean;
  progress?: Progress;
  signal?: AbortSignal;
  /** Told how long each step of the audit took (`--timings`). */
  onTiming?: TimingSink;
}

export interface AuditResult {
  report: Report;
  /** What the stages recorded, before judging: saved with the facts, it can be judged again offline. */
  record: AuditRecord;
  /** The rules judged, for renderers that describe them (SARIF). */
  rules: Rule[];
  facts: Facts;
  /** Every tunable with the value used and where it came from. */
  settings: Settings;
}

/** What the steps of one audit share: the checkout, its view and facts, the settings, what happened so far. */
interface Run {
  options: AuditOptions;
  progress: Progress;
  checkout: Checkout;
  view: RepoView;
  facts: Facts;
  settings: Settings;
  stages: StageStatuses;
  notes: string[];
  /** What quieted the audit before judging: exclude globs, disabled rules, whether the repo is trusted. */
  suppressions: Suppressions;
  /** The lock of the spec the build installs, when the resolver computed one. */
  lock?: BuildLock | null;
  /** With no lock, for a spec that states no Python: the Python the build uses instead of the default. */
  buildPython?: ChosenPython;
}

/** Audit one solution repo: the library's entry point; returns the report, never exits. */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const progress = options.progress ?? silentProgress;
  // 1. The user's config first: a bad one is the user's mistake and stops the audit before any clone.
  const userConfig = options.configFile
    ? { config: readConfig(options.configFile), file: options.configFile }
    : undefined;

  // 2. Source: clone or open, check out the ref.
  progress.start("source", `opening ${options.source}`);
  const checkout = await timed(options.onTiming, "source", "source", () =>
    openSource(options.source, {
      ref: options.ref,
      cacheDir: options.cacheDir,
      signal: options.signal,
      ...(options.gitRootWithin ? { gitRootWithin: options.gitRootWithin } : {}),
      ...(options.cloneFresh ? { cloneFresh: true } : {}),
    }),
  );
  try {
    progress.succeed(
      `${checkout.info.kind === "git" ? `${checkout.info.branches.length} branch(es)` : "plain folder"} at ${checkout.root}`,
    );

    // 3. Static: read the repo's own config, settle every setting, walk the tree once (excluded paths left
    //    out), extract facts.
    const { run, rules } = await staticStage(options, progress, checkout, userConfig);
    stopIfAborted(options, "the static stage", STATIC_UNDONE);

    // 4. Which later stages run: asked for, or allowed by an engine and a train plan.
    const plan = await planStages(run);

    // 5. Ask a real resolver whether each spec installs: asked for, wherever the build is wanted, or by default.
    await resolveSpecs(run, plan.decision);
    stopIfAborted(options, "the resolve step", "it started no container and its temporary folder was removed");

    // 6. Build the environment in a container and probe its imports.
    const environment = plan.decision.run.build
      ? await build(run, plan)
      : skipBuild(run, plan.decision.skipReason.build);
    stopIfAborted(
      options,
      "the build",
      plan.decision.run.build ? "the containers and layers it made were removed" : "no container had been started",
    );

    // 7. One instrumented epoch, power sampled, the full training predicted.
    const measured = await measure(run, plan, environment);
    stopIfAborted(
      options,
      "the epoch",
      plan.runtime === "host"
        ? "the training it started was ended and its temp folder removed"
        : "its container and temp folder were removed",
    );

    // 8. Where no epoch gives the whole training's figure, estimate it from the code; keep measured throughputs.
    const { estimateStep } = await import("./estimate/stage.js");
    const carbon = await timed(options.onTiming, "estimate", "estimate", () =>
      estimateStep({
        carbon: measured,
        plan: plan.trainPlan,
        facts: run.facts,
        settings: run.settings,
        repo: checkout.info,
        notes: run.notes,
        calibrate: options.calibrate !== false,
      }),
    );

    // 9. Judge the rules (the repo's inline suppressions honoured only when it is trusted), score, assemble.
    const record: AuditRecord = {
      schemaVersion: 1,
      tool: { name: "repro-audit", version: TOOL_VERSION },
      generatedAt: new Date().toISOString(),
      repo: { ...checkout.info, ...anchorOf(run.view) },
      stages: run.stages,
      ...(environment ? { environment } : {}),
      ...(carbon ? { carbon } : {}),
      suppressions: run.suppressions,
      notes: run.notes,
    };
    const report = timedSync(options.onTiming, "judge", "judge, score and assemble", () =>
      assembleReport(record, run.facts, rules),
    );
    return { report, record, rules, facts: run.facts, settings: run.settings };
  } finally {
    await checkout.dispose();
  }
}

/** A working tree's files that git does not track are not what a stranger's clone holds: say what was left out. */
function untrackedNote(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(", ");
  const more = paths.length > 5 ? `, and ${paths.length - 5} more` : "";
  return `${paths.length} path(s) git does not track were left out, as a clone of the repository would not hold them: ${shown}${more}. Commit what the rerun needs.`;
}

/** The static stage reads files and starts nothing: an interrupt there leaves nothing to remove. */
const STATIC_UNDONE = "it had started nothing, so nothing was left behind";

function stopIfAborted(options: AuditOptions, during: string, undone: string): void {
  if (options.signal?.aborted) throw interrupted(during, undone);
}

async function staticStage(
  options: AuditOptions,
  progress: Progress,
  checkout: Checkout,
  user: ConfigSource | undefined,
): Promise<{ run: Run; rules: Rule[] }> {
  const started = performance.now();
  progress.start("static", "reading files and branches");
  const facts = emptyFacts();
  const resolved = settle(checkout.root, facts, options, user);
  const view = await timed(options.onTiming, "walk", "walk", () =>
    walkRepo(
      checkout.root,
      {},
      {
        exclude: compileGlobs(valueOf(resolved.settings, "exclude") ?? []),
        ...(checkout.untracked ? { untracked: new Set(checkout.untracked) } : {}),
      },
    ),
  );
  // The parser's grammar compiles on V8's background threads: started as soon as the walk finds Python, it
  // compiles while the rules load and the branch check starts, instead of while the index waits for it. A small
  // repo's grammar stays on the baseline compiler: its few parses never wait for the optimizing one.
  const python = view.files().filter((f) => !f.skipped && (f.kind === "python" || f.kind === "notebook"));
  if (python.length > 0) {
    if (wasmTiersFor(python.reduce((sum, f) => sum + f.size, 0)) === "baseline") compileWasmBaselineOnly();
    void pythonParser().catch(() => undefined);
  }
  // What the checkout left unwritten (caps, names) is reported as the walk reports what it skipped.
  for (const item of checkout.skipped) view.issues.push(item);
  const notes = checkout.info.kind === "folder" ? ["Plain folder (no git): branches were not checked."] : [];
  if (view.untracked.length > 0) notes.push(untrackedNote(view.untracked));
  if (checkout.info.subfolder)
    notes.push(
      `Subfolder ${checkout.info.subfolder} of the repository at ${checkout.info.url}: other branches are compared on that folder only.`,
    );
  notes.push(...resolved.notes);
  const rules = timedSync(options.onTiming, "rules", "load and validate", () =>
    loadRules(ruleFolders(resolved.rules, checkout.root)),
  ).filter((r) => !resolved.disable.includes(r.id));
  const branchView = checkout.branches;
  await extractFacts(view, STATIC_EXTRACTORS, {
    branches: branchView?.names() ?? null,
    branchView,
    preset: facts,
    source: checkout.info.url,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onTiming ? { onTiming: options.onTiming } : {}),
  });
  // Cut short by an interrupt: stop before judging half the facts.
  stopIfAborted(options, "the static stage", STATIC_UNDONE);
  const stages = { static: { status: "ran", seconds: elapsedSeconds(started) } } as StageStatuses;
  progress.succeed(`${view.files().length} files read in ${stages.static.seconds}s`);
  const suppressions = quieted(options, resolved, view);
  return {
    run: { options, progress, checkout, view, facts, settings: resolved.settings, stages, notes, suppressions },
    rules,
  };
}

interface StagePlan {
  decision: StageDecision;
  runtime: "container" | "host";
  engine: "docker" | "podman" | null;
  /** The engine found here, handed to the build so that it is looked up once. */
  found: Engine | null;
  trainPlan: TrainPlan | null;
}

async function planStages(run: Run): Promise<StagePlan> {
  const { settings, facts } = run;
  const asked = valueOf(settings, "stages");
  const runtime = valueOf(settings, "runtime") ?? "container";
  // Later stages load only when they may run, so a static audit starts fast.
  const lookup =
    asked && asked.every((s) => s === "static" || s === "resolve")
      ? null
      : await (await import("./provision/index.js")).findEngine(valueOf(settings, "engine") ?? "auto");
  const planned = inferTrainPlan({ facts, given: settings });
  const decision = decideStages({
    asked,
    runtime,
    engine: lookup?.ok
      ? { name: lookup.engine.name }
      : { name: null, why: lookup?.message ?? "not looked for", hint: lookup?.hint ?? "start a container engine" },
    planFound: planned.plan !== null,
  });
  run.notes.push(...decision.notes);
  // The plan is judged only where an epoch could run: a static audit leaves execution not assessed.
  const epochPossible = (!asked || asked.includes("epoch")) && (runtime === "host" || lookup?.ok === true);
  if (epochPossible) addFacts(facts, "train-plan", planned.records["train-plan"]);
  else
    markNotCollected(
      facts,
      "train-plan",
      asked && !asked.includes("epoch")
        ? "the epoch stage was not asked for"
        : "no container engine to run an epoch in",
    );
  if (decision.engineRequiredButMissing) {
    const { why, hint } = decision.engineRequiredButMissing;
    throw engineError(why, `To run build or epoch: ${hint}`);
  }
  return {
    decision,
    runtime,
    engine: lookup?.ok ? lookup.engine.name : null,
    found: lookup?.ok ? lookup.engine : null,
    trainPlan: planned.plan,
  };
}

/** The resolver reads the network, so an audit that does not ask for it leaves the family not collected. */
async function resolveSpecs(run: Run, decision: StageDecision): Promise<void> {
  if (!decision.run.resolve) {
    run.stages.resolve = { status: "skipped", reason: decision.skipReason.resolve };
    markNotCollected(run.facts, "spec-resolution", `the resolve stage was ${decision.skipReason.resolve}`);
    return;
  }
  const started = performance.now();
  run.progress.start("resolve", "asking a resolver whether each spec installs");
  const { resolveStep } = await import("./resolve/stage.js");
  const { withInstalledBy } = await import("./resolve/transitive-imports.js");
  const commit = run.checkout.info.commit;
  const outcome = await resolveStep({
    facts: run.facts,
    view: run.view,
    indexUrl: valueOf(run.settings, "indexUrl")!,
    budget: valueOf(run.settings, "resolveBudgetSeconds")!,
    committedAt: commit ? await commitDate(run.checkout.root, commit) : null,
    ...(run.options.signal ? { signal: run.options.signal } : {}),
  });
  run.notes.push(...outcome.notes);
  if (outcome.records) {
    addFacts(run.facts, "spec-resolution", outcome.records);
    // An import the resolved closure installs as a listed package's dependency is no missing package.
    if (run.facts.families.imports)
      run.facts.families.imports = withInstalledBy(run.facts.families.imports, outcome.records);
    // The build installs what `repro-audit lock` writes: the same resolver call, the same Python, as of the commit.
    if (decision.run.build) await lockSpecForBuild(run);
    // What the budget left unasked is the stage's reason: the report says what was not judged.
    run.stages.resolve = {
      status: "ran",
      seconds: elapsedSeconds(started),
      ...(outcome.limited ? { reason: outcome.limited } : {}),
    };
    run.progress.succeed(`${outcome.records.filter((r) => r.kind === "resolution").length} spec(s) resolved`);
  } else {
    // No resolver or no index: the stage could not judge, so it says it was skipped and why.
    run.stages.resolve = { status: "skipped", reason: outcome.notCollected! };
    markNotCollected(run.facts, "spec-resolution", outcome.notCollected!);
    run.notes.push(`Installability not assessed: ${outcome.notCollected}.`);
    run.progress.succeed(`not assessed: ${outcome.notCollected}`);
  }
}

async function lockSpecForBuild(run: Run): Promise<void> {
  const { lockForBuild } = await import("./resolve/build-lock-step.js");
  const commit = run.checkout.info.commit;
  const asOf = commit ? await commitDate(run.checkout.root, commit) : null;
  const locked = await lockForBuild({
    facts: run.facts,
    view: run.view,
    indexUrl: valueOf(run.settings, "indexUrl")!,
    asOf,
    ...(run.options.signal ? { signal: run.options.signal } : {}),
  });
  run.lock = locked.lock;
  if (locked.python) run.buildPython = locked.python;
  run.notes.push(...locked.notes);
}

async function build(run: Run, plan: StagePlan): Promise<EnvironmentSection> {
  const { settings, options } = run;
  // A library caller may still pass one image as a string.
  const baseImage = [valueOf(settings, "baseImage") ?? []].flat();
  const { buildStep } = await import("./provision/stage.js");
  const built = await buildStep({
    root: run.checkout.root,
    view: run.view,
    facts: run.facts,
    repo: run.checkout.info,
    progress: run.progress,
    engine: plan.found ?? valueOf(settings, "engine") ?? "auto",
    ...(baseImage.length ? { baseImage } : {}),
    ...(valueOf(settings, "baseImageOverride") ? { baseImageOverride: valueOf(settings, "baseImageOverride")! } : {}),
    allowImages: valueOf(settings, "allowImages") ?? [],
    indexUrl: valueOf(settings, "indexUrl")!,
    timeoutSeconds: valueOf(settings, "buildTimeoutSeconds")!,
    ...(options.outDir ? { outDir: options.outDir } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(run.lock ? { lock: run.lock } : {}),
    ...(run.buildPython ? { python: run.buildPython } : {}),
  });
  run.stages.build = built.status;
  run.notes.push(...built.notes);
  return built.section;
}

function skipBuild(run: Run, reason: string): undefined {
  run.stages.build = { status: "skipped", reason };
  markNotCollected(run.facts, "environment-build", reason);
  markNotCollected(run.facts, "import-probe", reason);
  return undefined;
}

async function measure(
  run: Run,
  plan: StagePlan,
  environment: EnvironmentSection | undefined,
): Promise<CarbonSection | undefined> {
  const { settings, options } = run;
  const image = environment?.image ?? null;
  const builtOk = plan.runtime === "host" || (run.stages.build.status === "ran" && image !== null);
  if (!plan.decision.run.epoch || !plan.trainPlan || !builtOk) {
    const reason = plan.decision.run.epoch ? "the environment did not build" : plan.decision.skipReason.epoch;
    run.stages.epoch = { status: "skipped", reason };
    markNotCollected(run.facts, "epoch-run", reason);
    return undefined;
  }
  const batches = valueOf(settings, "batches");
  const gpus = valueOf(settings, "gpus");
  const { epochStep } = await import("./measure/stage.js");
  const measured = await epochStep({
    root: run.checkout.root,
    plan: plan.trainPlan,
    runtime: plan.runtime,
    image,
    repo: run.checkout.info,
    facts: run.facts,
    progress: run.progress,
    engine: plan.engine,
    data: valueOf(settings, "data") ?? [],
    measureEpochs: valueOf(settings, "measureEpochs") ?? 1,
    ...(batches ? { batches } : {}),
    epochMarker: settings.epochMarker,
    timeoutSeconds: valueOf(settings, "epochTimeoutSeconds")!,
    ...(gpus && gpus !== "auto" ? { gpus: gpus === "all" } : {}),
    assumptions: carbonAssumptions({ pue: settings.pue!, region: settings.region, intensity: settings.intensity }),
    ledger: options.ledger !== false,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  run.stages.epoch = measured.status;
  return measured.section;
}

/** The repo's own config (a regular file at its root, read before the walk because it may set `exclude:`
 * for a trusted repo; checked; a finding when broken) and every setting resolved. */
function settle(root: string, facts: Facts, options: AuditOptions, user: ConfigSource | undefined): Resolved {
  const read = readRepoConfigFile(root);
  const repo = readRepoConfigText(root, read.text, read.skipped);
  addFacts(facts, "repo-config", repo.records);
  return resolveSettings({
    flags: options,
    ...(user ? { user } : {}),
    ...(repo.config ? { repo: { config: repo.config, file: CONFIG_FILE } } : {}),
    trustRepo: options.trustRepo === true,
  });
}

/** What quieted the audit before judging, counted for the report; judging adds the inline comments. */
function quieted(options: AuditOptions, resolved: Resolved, view: WalkedView): Suppressions {
  const exclude = resolved.settings.exclude;
  const globs = exclude?.value ?? [];
  return {
    inline: [],
    repoTrusted: options.trustRepo === true,
    suppressed: 0,
    ...(globs.length
      ? {
          excluded: {
            globs: [...globs],
            source: exclude!.source,
            files: view.excluded.length,
            paths: view.excluded.slice(0, 20),
          },
        }
      : {}),
    ...(resolved.disable.length
      ? { disabled: resolved.disable.map((rule) => ({ rule, source: "config disable:" })) }
      : {}),
  };
}

/** Where SARIF anchors findings about the whole repo: the root README, else the first file at the root. */
function anchorOf(view: RepoView): { anchor?: string } {
  const top = view
    .files()
    .filter((f) => !f.path.includes("/"))
    .map((f) => f.path);
  const anchor = top.find(isReadmePath) ?? top[0];
  return anchor ? { anchor } : {};
}
