// The one file that orders the stages of an audit. Read it as a table of contents.
import { existsSync, lstatSync } from "node:fs";
import { join, relative, resolve, isAbsolute } from "node:path";
import { mergeConfigs, readConfig, CONFIG_FILE, type Config } from "./config/config.js";
import { openSource } from "./clone/index.js";
import { walkRepo } from "./extract/walk.js";
import { extractFacts } from "./extract/index.js";
import { STATIC_EXTRACTORS } from "./extract/extractors/index.js";
import { builtinRulesDir, loadRules } from "./evaluate/load-rules.js";
import type { Rule } from "./evaluate/rule.js";
import { judge } from "./evaluate/judge.js";
import { score } from "./evaluate/score.js";
import { addFacts, emptyFacts, markNotCollected, type Facts } from "./model/facts.js";
import { engineError, interrupted } from "./model/errors.js";
import type { Report, StageName, StageStatus } from "./model/report.js";
import type { EnvironmentSection } from "./model/environment.js";
import type { CarbonSection } from "./model/carbon.js";
import { silentProgress, type Progress } from "./cli/progress.js";
import { decideStages } from "./stages.js";
import { findEngine } from "./provision/index.js";
import { inferTrainPlan } from "./measure/plan.js";
import { runBuild, runEpoch, type BuildOptions, type EpochOptions } from "./stage-runners.js";
import { TOOL_VERSION } from "./version.js";

export interface AuditOptions extends BuildOptions, EpochOptions {
  /** A repo URL (https, ssh, file) or a local path. */
  source: string;
  ref?: string;
  /** Stages asked for explicitly; absent: every stage an engine allows. */
  stages?: StageName[];
  /** A .repro-audit.yml given by the user, on top of the repo's own. */
  configFile?: string;
  /** Where clones are cached. */
  cacheDir?: string;
  /** Where the Dockerfile and logs are written (default: a folder in the cache). */
  outDir?: string;
  progress?: Progress;
  signal?: AbortSignal;
}

export interface AuditResult {
  report: Report;
  /** The rules judged, for renderers that describe them (SARIF). */
  rules: Rule[];
  facts: Facts;
  config: Config;
}

const seconds = (since: number) => Math.round((performance.now() - since) / 10) / 100;

/** Audit one solution repo: the library's entry point; returns the report, never exits. */
export async function audit(options: AuditOptions): Promise<AuditResult> {
  const progress = options.progress ?? silentProgress;
  const stages = {} as Record<StageName, StageStatus>;
  const notes: string[] = [];

  // 1. Source: clone or open, check out the ref.
  progress.start("source", `opening ${options.source}`);
  const checkout = await openSource(options.source, { ref: options.ref, cacheDir: options.cacheDir });
  try {
    progress.succeed(`${checkout.info.kind === "git" ? `${checkout.info.branches.length} branch(es)` : "plain folder"} at ${checkout.root}`);
    if (checkout.info.kind === "folder") notes.push("Plain folder (no git): branches were not checked.");

    // 2. Configuration: the repo's .repro-audit.yml, then the user's.
    const config = mergeConfigs(repoConfig(checkout.root, notes), options.configFile ? readConfig(options.configFile) : undefined);
    const rules = loadRules([builtinRulesDir(), ...(config.rules ?? [])]).filter((r) => !(config.disable ?? []).includes(r.id));

    // 3. Static: walk the tree once, check every branch, extract facts.
    const staticStart = performance.now();
    progress.start("static", "reading files and branches");
    const view = await walkRepo(checkout.root);
    const preset = emptyFacts();
    if (checkout.branchNames) addFacts(preset, "branches", await checkout.checkBranches());
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: checkout.branchNames, preset });
    stages.static = { status: "ran", seconds: seconds(staticStart) };
    progress.succeed(`${view.files().length} files read in ${stages.static.seconds}s`);

    if (options.signal?.aborted) throw interrupted();

    // 4. Which later stages run: asked for, or allowed by an engine and a train plan.
    const asked = options.stages ?? config.stages;
    const runtime = options.runtime ?? "container";
    const lookup = asked && !asked.some((s) => s !== "static") ? null : await findEngine(options.engine ?? config.build?.engine ?? "auto");
    const planned = inferTrainPlan({ facts, ...(config.train ? { config: config.train } : {}), flags: { epochs: options.epochs, train: options.train } });
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
      const built = await runBuild({ root: checkout.root, view, facts, options, config, progress, repo: checkout.info, ...(options.signal ? { signal: options.signal } : {}) });
      stages.build = built.status;
      environment = built.section;
    } else {
      stages.build = { status: "skipped", reason: decision.skipReason.build };
      markNotCollected(facts, "environment-build", decision.skipReason.build);
      markNotCollected(facts, "import-probe", decision.skipReason.build);
    }

    if (options.signal?.aborted) throw interrupted();

    // 6. One instrumented epoch, power sampled, the full training predicted.
    let carbon: CarbonSection | undefined;
    const image = environment?.image ?? null;
    const builtOk = runtime === "host" || (stages.build.status === "ran" && image !== null);
    if (decision.run.epoch && planned.plan && builtOk) {
      const engineName = lookup?.ok ? lookup.engine.name : null;
      const measured = await runEpoch({ root: checkout.root, plan: planned.plan, options, config, progress, engine: engineName, image, repo: checkout.info, facts, ...(options.signal ? { signal: options.signal } : {}) });
      stages.epoch = measured.status;
      carbon = measured.section;
    } else {
      const reason = decision.run.epoch ? "the environment did not build" : decision.skipReason.epoch;
      stages.epoch = { status: "skipped", reason };
      markNotCollected(facts, "epoch-run", reason);
    }

    if (options.signal?.aborted) throw interrupted();

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
    return { report, rules, facts, config };
  } finally {
    await checkout.dispose();
  }
}

/** The audited repo's own .repro-audit.yml; its rule folders must stay inside the repo (it is untrusted). */
function repoConfig(root: string, notes: string[]): Config | undefined {
  const file = join(root, CONFIG_FILE);
  if (!existsSync(file) || lstatSync(file).isSymbolicLink()) return undefined;
  const config = readConfig(file);
  if (config.rules) {
    const inside = config.rules.filter((dir) => {
      const rel = relative(resolve(root), dir);
      return !rel.startsWith("..") && !isAbsolute(rel) && existsSync(dir) && !lstatSync(dir).isSymbolicLink();
    });
    if (inside.length < config.rules.length) notes.push("The repo's .repro-audit.yml names rule folders outside the repo: ignored.");
    config.rules = inside;
  }
  notes.push(`Configuration read from the repo's ${CONFIG_FILE}.`);
  return config;
}
