// The one file that orders the stages of an audit. Read it as a table of contents.
import { readConfig, CONFIG_FILE } from "./config/config.js";
import { readRepoConfigText } from "./config/repo-config.js";
import { resolveSettings, valueOf, type Resolved, type Settings } from "./config/resolve.js";
import { decideStages } from "./config/stages.js";
import { inferTrainPlan } from "./config/train-plan.js";
import type { Flags } from "./config/tunables.js";
import { openSource, type Checkout } from "./clone/index.js";
import { walkRepo } from "./extract/walk.js";
import { extractFacts } from "./extract/index.js";
import { STATIC_EXTRACTORS } from "./extract/extractors/index.js";
import { loadRules, ruleFolders } from "./evaluate/load-rules.js";
import type { Rule } from "./evaluate/rule.js";
import { judge } from "./evaluate/judge.js";
import { score } from "./evaluate/score.js";
import { carbonAssumptions } from "./carbon/assumptions.js";
import { addFacts, emptyFacts, markNotCollected, type Facts } from "./model/facts.js";
import { engineError, interrupted } from "./model/errors.js";
import { silentProgress, type Progress } from "./model/progress.js";
import type { Report, StageName, StageStatus } from "./model/report.js";
import type { EnvironmentSection } from "./model/environment.js";
import type { CarbonSection } from "./model/carbon.js";
import type { RepoView } from "./model/repo-view.js";
import { elapsedSeconds } from "./model/time.js";
import { TOOL_VERSION } from "./io/package.js";
import { findEngine } from "./provision/index.js";
import { buildStep } from "./provision/stage.js";
import { epochStep } from "./measure/stage.js";

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
  progress?: Progress;
  signal?: AbortSignal;
}

export interface AuditResult {
  report: Report;
  /** The rules judged, for renderers that describe them (SARIF). */
  rules: Rule[];
  facts: Facts;
  /** Every tunable with the value used and where it came from. */
  settings: Settings;
}

/** Audit one solution repo: the library's entry point; returns the report, never exits. */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const progress = options.progress ?? silentProgress;
  const stages = {} as Record<StageName, StageStatus>;
  const notes: string[] = [];
  const stop = () => {
    if (options.signal?.aborted) throw interrupted();
  };

  // 1. The user's config first: a bad one is the user's mistake and stops the audit before any clone.
  const userConfig = options.configFile ? { config: readConfig(options.configFile), file: options.configFile } : undefined;

  // 2. Source: clone or open, check out the ref.
  progress.start("source", `opening ${options.source}`);
  const checkout = await openSource(options.source, { ref: options.ref, cacheDir: options.cacheDir });
  try {
    progress.succeed(`${checkout.info.kind === "git" ? `${checkout.info.branches.length} branch(es)` : "plain folder"} at ${checkout.root}`);
    if (checkout.info.kind === "folder") notes.push("Plain folder (no git): branches were not checked.");

    // 3. Static: walk the tree once, read the repo's own config, settle every setting, extract facts.
    const staticStart = performance.now();
    progress.start("static", "reading files and branches");
    const view = await walkRepo(checkout.root);
    const facts = emptyFacts();
    const resolved = settle(checkout.root, view, facts, options, userConfig);
    notes.push(...resolved.notes);
    const rules = loadRules(ruleFolders(resolved.rules, checkout.root)).filter((r) => !resolved.disable.includes(r.id));
    await extractStatic(checkout, view, facts);
    stages.static = { status: "ran", seconds: elapsedSeconds(staticStart) };
    progress.succeed(`${view.files().length} files read in ${stages.static.seconds}s`);
    stop();

    // 4. Which later stages run: asked for, or allowed by an engine and a train plan.
    const { settings } = resolved;
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
    notes.push(...decision.notes);
    // The plan is judged only where an epoch could run: a static audit leaves execution not assessed.
    const epochPossible = (!asked || asked.includes("epoch")) && (runtime === "host" || lookup?.ok === true);
    if (epochPossible) addFacts(facts, "train-plan", planned.records["train-plan"]);
    else markNotCollected(facts, "train-plan", asked && !asked.includes("epoch") ? "the epoch stage was not asked for" : "no container engine to run an epoch in");
    if (decision.engineRequiredButMissing) {
      const { why, hint } = decision.engineRequiredButMissing;
      throw engineError(why, `To run build or epoch: ${hint}`);
    }

    // 5. Build the environment in a container and probe its imports.
    let environment: EnvironmentSection | undefined;
    if (decision.run.build) {
      const baseImage = valueOf(settings, "baseImage");
      const built = await buildStep({
        root: checkout.root, view, facts, repo: checkout.info, progress,
        engine: valueOf(settings, "engine") ?? "auto",
        ...(baseImage ? { baseImage } : {}),
        timeoutSeconds: valueOf(settings, "buildTimeoutSeconds")!,
        ...(options.outDir ? { outDir: options.outDir } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      stages.build = built.status;
      environment = built.section;
    } else {
      stages.build = { status: "skipped", reason: decision.skipReason.build };
      markNotCollected(facts, "environment-build", decision.skipReason.build);
      markNotCollected(facts, "import-probe", decision.skipReason.build);
    }
    stop();

    // 6. One instrumented epoch, power sampled, the full training predicted.
    let carbon: CarbonSection | undefined;
    const image = environment?.image ?? null;
    const builtOk = runtime === "host" || (stages.build.status === "ran" && image !== null);
    if (decision.run.epoch && planned.plan && builtOk) {
      const batches = valueOf(settings, "batches");
      const gpus = valueOf(settings, "gpus");
      const measured = await epochStep({
        root: checkout.root, plan: planned.plan, runtime, image, repo: checkout.info, facts, progress,
        engine: lookup?.ok ? lookup.engine.name : null,
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
      stages.epoch = measured.status;
      carbon = measured.section;
    } else {
      const reason = decision.run.epoch ? "the environment did not build" : decision.skipReason.epoch;
      stages.epoch = { status: "skipped", reason };
      markNotCollected(facts, "epoch-run", reason);
    }
    stop();

    // 7. Judge the rules, score, assemble the report.
    const judged = judge(rules, facts);
    const report: Report = {
      schemaVersion: 1,
      tool: { name: "repro-audit", version: TOOL_VERSION },
      generatedAt: new Date().toISOString(),
      repo: checkout.info,
      stages,
      score: score(judged.results, rules),
      findings: judged.findings,
      rules: judged.results,
      ...(environment ? { environment } : {}),
      ...(carbon ? { carbon } : {}),
      notes,
    };
    return { report, rules, facts, settings };
  } finally {
    await checkout.dispose();
  }
}

/** The repo's own config (read through the view, checked, a finding when broken) and every setting resolved. */
function settle(root: string, view: RepoView, facts: Facts, options: AuditOptions, user: { config: ReturnType<typeof readConfig>; file: string } | undefined): Resolved {
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

/** Every static family, from the tree's view and the branches' read-only view. */
async function extractStatic(checkout: Checkout, view: RepoView, facts: Facts): Promise<void> {
  const branchView = checkout.branches;
  await extractFacts(view, STATIC_EXTRACTORS, { branches: branchView?.names() ?? null, branchView, preset: facts });
}
