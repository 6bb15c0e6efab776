// The one file that orders the stages of an audit. Read it as a table of contents.
import { readConfig, CONFIG_FILE } from "./config/config.js";
import { readRepoConfigText } from "./config/repo-config.js";
import { resolveSettings, valueOf, type ConfigSource, type Resolved, type Settings } from "./config/resolve.js";
import { decideStages, type StageDecision } from "./config/stages.js";
import { inferTrainPlan } from "./config/train-plan.js";
import type { Flags } from "./config/tunables.js";
import { openSource, type Checkout } from "./clone/index.js";
import { walkRepo } from "./extract/walk.js";
import { extractFacts } from "./extract/index.js";
import { STATIC_EXTRACTORS } from "./extract/extractors/index.js";
import { loadRules, ruleFolders } from "./evaluate/load-rules.js";
import type { Rule } from "./evaluate/rule.js";
import { assembleReport, type AuditRecord } from "./evaluate/assemble.js";
import { carbonAssumptions } from "./carbon/assumptions.js";
import { addFacts, emptyFacts, markNotCollected, type Facts } from "./model/facts.js";
import { engineError, interrupted } from "./model/errors.js";
import { silentProgress, type Progress } from "./model/progress.js";
import type { Report, StageName, StageStatus } from "./model/report.js";
import type { EnvironmentSection } from "./model/environment.js";
import type { CarbonSection, TrainPlan } from "./model/carbon.js";
import type { RepoView } from "./model/repo-view.js";
import { elapsedSeconds } from "./model/time.js";
import { TOOL_VERSION } from "./io/package.js";
import { findEngine } from "./provision/index.js";
import { buildStep } from "./provision/stage.js";
import { epochStep } from "./measure/stage.js";
import { estimateStep } from "./estimate/stage.js";

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
  /** Where the Dockerfile and logs are written (default: a folder in the cache). */
  outDir?: string;
  /** Append each instrumented run to the local ledger (default true). */
  ledger?: boolean;
  /** Keep each measured epoch's throughput in the calibration file for later estimates (default true). */
  calibrate?: boolean;
  progress?: Progress;
  signal?: AbortSignal;
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
  stages: Record<StageName, StageStatus>;
  notes: string[];
}

/** Audit one solution repo: the library's entry point; returns the report, never exits. */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const progress = options.progress ?? silentProgress;
  // 1. The user's config first: a bad one is the user's mistake and stops the audit before any clone.
  const userConfig = options.configFile ? { config: readConfig(options.configFile), file: options.configFile } : undefined;

  // 2. Source: clone or open, check out the ref.
  progress.start("source", `opening ${options.source}`);
  const checkout = await openSource(options.source, { ref: options.ref, cacheDir: options.cacheDir });
  try {
    progress.succeed(`${checkout.info.kind === "git" ? `${checkout.info.branches.length} branch(es)` : "plain folder"} at ${checkout.root}`);

    // 3. Static: walk the tree once, read the repo's own config, settle every setting, extract facts.
    const { run, rules } = await staticStage(options, progress, checkout, userConfig);
    stopIfAborted(options);

    // 4. Which later stages run: asked for, or allowed by an engine and a train plan.
    const plan = await planStages(run);

    // 5. Build the environment in a container and probe its imports.
    const environment = plan.decision.run.build ? await build(run) : skipBuild(run, plan.decision.skipReason.build);
    stopIfAborted(options);

    // 6. One instrumented epoch, power sampled, the full training predicted.
    const measured = await measure(run, plan, environment);
    stopIfAborted(options);

    // 7. Where no epoch gives the whole training's figure, estimate it from the code; keep measured throughputs.
    const carbon = await estimateStep({
      carbon: measured, plan: plan.trainPlan, facts: run.facts, settings: run.settings, repo: checkout.info, notes: run.notes, calibrate: options.calibrate !== false,
    });

    // 8. Judge the rules, score, assemble the report.
    const record: AuditRecord = {
      schemaVersion: 1,
      tool: { name: "repro-audit", version: TOOL_VERSION },
      generatedAt: new Date().toISOString(),
      repo: checkout.info,
      stages: run.stages,
      ...(environment ? { environment } : {}),
      ...(carbon ? { carbon } : {}),
      notes: run.notes,
    };
    return { report: assembleReport(record, run.facts, rules), record, rules, facts: run.facts, settings: run.settings };
  } finally {
    await checkout.dispose();
  }
}

function stopIfAborted(options: AuditOptions): void {
  if (options.signal?.aborted) throw interrupted();
}

async function staticStage(options: AuditOptions, progress: Progress, checkout: Checkout, user: ConfigSource | undefined): Promise<{ run: Run; rules: Rule[] }> {
  const started = performance.now();
  progress.start("static", "reading files and branches");
  const view = await walkRepo(checkout.root);
  const facts = emptyFacts();
  const resolved = settle(checkout.root, view, facts, options, user);
  const notes = checkout.info.kind === "folder" ? ["Plain folder (no git): branches were not checked."] : [];
  notes.push(...resolved.notes);
  const rules = loadRules(ruleFolders(resolved.rules, checkout.root)).filter((r) => !resolved.disable.includes(r.id));
  const branchView = checkout.branches;
  await extractFacts(view, STATIC_EXTRACTORS, { branches: branchView?.names() ?? null, branchView, preset: facts });
  const stages = { static: { status: "ran", seconds: elapsedSeconds(started) } } as Record<StageName, StageStatus>;
  progress.succeed(`${view.files().length} files read in ${stages.static.seconds}s`);
  return { run: { options, progress, checkout, view, facts, settings: resolved.settings, stages, notes }, rules };
}

interface StagePlan {
  decision: StageDecision;
  runtime: "container" | "host";
  engine: "docker" | "podman" | null;
  trainPlan: TrainPlan | null;
}

async function planStages(run: Run): Promise<StagePlan> {
  const { settings, facts } = run;
  const asked = valueOf(settings, "stages");
  const runtime = valueOf(settings, "runtime") ?? "container";
  const lookup = asked && !asked.some((s) => s !== "static") ? null : await findEngine(valueOf(settings, "engine") ?? "auto");
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
  else markNotCollected(facts, "train-plan", asked && !asked.includes("epoch") ? "the epoch stage was not asked for" : "no container engine to run an epoch in");
  if (decision.engineRequiredButMissing) {
    const { why, hint } = decision.engineRequiredButMissing;
    throw engineError(why, `To run build or epoch: ${hint}`);
  }
  return { decision, runtime, engine: lookup?.ok ? lookup.engine.name : null, trainPlan: planned.plan };
}

async function build(run: Run): Promise<EnvironmentSection> {
  const { settings, options } = run;
  const baseImage = valueOf(settings, "baseImage");
  const built = await buildStep({
    root: run.checkout.root, view: run.view, facts: run.facts, repo: run.checkout.info, progress: run.progress,
    engine: valueOf(settings, "engine") ?? "auto",
    ...(baseImage ? { baseImage } : {}),
    ...(valueOf(settings, "baseImageOverride") ? { baseImageOverride: valueOf(settings, "baseImageOverride")! } : {}),
    allowImages: valueOf(settings, "allowImages") ?? [],
    timeoutSeconds: valueOf(settings, "buildTimeoutSeconds")!,
    ...(options.outDir ? { outDir: options.outDir } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  run.stages.build = built.status;
  return built.section;
}

function skipBuild(run: Run, reason: string): undefined {
  run.stages.build = { status: "skipped", reason };
  markNotCollected(run.facts, "environment-build", reason);
  markNotCollected(run.facts, "import-probe", reason);
  return undefined;
}

async function measure(run: Run, plan: StagePlan, environment: EnvironmentSection | undefined): Promise<CarbonSection | undefined> {
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
  const measured = await epochStep({
    root: run.checkout.root, plan: plan.trainPlan, runtime: plan.runtime, image, repo: run.checkout.info, facts: run.facts, progress: run.progress,
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

/** The repo's own config (read through the view, checked, a finding when broken) and every setting resolved. */
function settle(root: string, view: RepoView, facts: Facts, options: AuditOptions, user: ConfigSource | undefined): Resolved {
  const entry = view.files().find((f) => f.path === CONFIG_FILE);
  const repo = readRepoConfigText(root, entry && !entry.skipped ? view.read(CONFIG_FILE) : null, entry?.skipped);
  addFacts(facts, "repo-config", repo.records);
  return resolveSettings({
    flags: options,
    ...(user ? { user } : {}),
    ...(repo.config ? { repo: { config: repo.config, file: CONFIG_FILE } } : {}),
    trustRepo: options.trustRepo === true,
  });
}
