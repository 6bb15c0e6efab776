// Build outcomes on the corpus (pure): what one audit with the build stage came to for a repo, by whom a
// failure is caused (the repo's spec or the audit's own substitution), one row per repo, then the counts.
import type { FactRecord } from "../../src/model/facts.js";

export const BUILD_OUTCOMES = ["clean", "repo-imports", "audit", "build-failed", "not-assessed", "timed-out"] as const;
export type BuildOutcomeClass = (typeof BUILD_OUTCOMES)[number];

/** What the classifier reads of a JSON report: the build stage's status and the environment section. */
export interface BuildReport {
  stages: { build?: { status: string; reason?: string } };
  environment?: {
    specKind: string;
    specFiles: string[];
    python: { version: string; source: string };
    baseImageReason: string;
    build: {
      status: string;
      seconds: number | null;
      failureClass?: string;
      package?: string;
      reason?: string;
      /** What the build's proxy let through and refused. */
      network?: { refused: Array<{ destination: string; why: string }> };
    };
    probe: { ran: boolean };
  };
  notes: string[];
}

/** One repo's audit as the bench saw it: the report and facts it wrote, or why there are none. */
export interface BuildRun {
  name: string;
  /** The bench's cap on one audit, when the audit ran past it. */
  timedOutAfterMinutes?: number;
  /** The audit ended with no report: its own last words. */
  error?: string;
  report?: BuildReport;
  facts?: { families: Record<string, FactRecord[]>; notCollected: Record<string, string> };
  /** Wall seconds of the whole audit. */
  seconds?: number;
  /** The Python (major.minor) of the base image the bench named with --base-image, when it named one. */
  basePython?: string;
}

export interface AuditFailure {
  module: string;
  /** The audit's reason, as the import probe's record attributes it (`base-image: libGL.so.1`). */
  reason: string;
}

export interface BuildOutcome {
  name: string;
  outcome: BuildOutcomeClass;
  /** Why, in a few words: pip's or the resolver's message, the audit's reason, why not assessed. */
  why: string | null;
  /** The Python the build used, and whether the audit chose it (the repo states none). */
  python: { version: string; source: string; auditChose: boolean } | null;
  spec: string | null;
  /** Modules that do not import for the repo's reasons. */
  repoModules: string[];
  /** Modules that do not import for the audit's own reasons. */
  auditFailures: AuditFailure[];
  /** The report's notes on what the audit installed in place of what the spec says (a wheel URL that did not answer). */
  substitutions: string[];
  seconds: number | null;
}

/** Build failures that are the audit's, not the spec's: its ceilings and its network. */
const AUDIT_BUILD_FAILURES: Record<string, string> = {
  network: "the build could not reach the index",
  "memory-limit": "the audit's memory ceiling",
  "disk-limit": "the audit's disk ceiling",
  "output-limit": "the audit's output ceiling",
};

const firstLine = (text: string) => text.trim().split(/\r?\n/)[0] ?? "";

/** The repo states no Python: the build's is the default or one the audit chose from its pins or lock. */
const auditChosePython = (source: string) => source === "default" || /states none/.test(source);

/** What the audit put in place of the repo's own statement when a build failed, or null: a spec it
 * reconstructed from the imports (the repo has none), a conda spec on a base image named for pip (installed
 * with pip, as the report's note says), a spec installed on the Python of a named base image other than the one
 * it states (the report's base reason says so; with one unlabelled base, the bench asked its Python), a command
 * the base lacks. */
function auditSubstitution(
  env: NonNullable<BuildReport["environment"]>,
  basePython: string | undefined,
  detail: string,
  notes: readonly string[],
): string | null {
  // pip installs a VCS requirement with git: a base without it fails the line, whatever the repo wrote.
  const tool = /Cannot find command '([^']+)'/.exec(detail);
  if (tool) return `the base image lacks the command ${tool[1]}`;
  if (env.specKind === "reconstructed")
    return "the spec the audit reconstructed from the imports (the repo states none)";
  // A local base standing in for one the engine lacks is chosen as a named one is.
  const named = /^(?:--base-image|local base image)\b/.test(env.baseImageReason);
  const condaByPip = notes.find((n) => /installed with pip on the local base/.test(n));
  if (named && env.specKind === "conda")
    return condaByPip
      ? `a conda spec installed with pip on the local base${/left out/.test(condaByPip) ? ` (${/conda-only packages ([^.;]+) left out/.exec(condaByPip)?.[1] ?? ""} left out)` : ""}`
      : "a conda spec built on the base image named with --base-image";
  const stoodIn = /its Python (\d+\.\d+) in place of (\d+\.\d+)/.exec(env.baseImageReason);
  if (named && stoodIn) return `installed on the base image's Python ${stoodIn[1]} in place of ${stoodIn[2]}`;
  if (named && basePython && basePython !== env.python.version)
    return `installed on the base image's Python ${basePython} in place of ${env.python.version}`;
  return null;
}

/** The outcome of one repo's build-stage audit. */
export function classifyBuild(run: BuildRun): BuildOutcome {
  const env = run.report?.environment;
  const base: BuildOutcome = {
    name: run.name,
    outcome: "not-assessed",
    why: null,
    python: env
      ? { version: env.python.version, source: env.python.source, auditChose: auditChosePython(env.python.source) }
      : null,
    spec: env ? `${env.specKind}${env.specFiles.length ? ` (${env.specFiles.join(", ")})` : ""}` : null,
    repoModules: [],
    auditFailures: [],
    substitutions: (run.report?.notes ?? []).filter((n) =>
      /installed from the index in its place|in place of \d|installed with pip on the local base|is not on the engine/.test(
        n,
      ),
    ),
    seconds: run.seconds ?? null,
  };
  if (run.timedOutAfterMinutes !== undefined)
    return { ...base, outcome: "timed-out", why: `the audit ran past the bench's ${run.timedOutAfterMinutes} min cap` };
  if (!run.report || run.error !== undefined)
    return { ...base, why: `the audit failed: ${firstLine(run.error ?? "no report written")}` };
  const stage = run.report.stages.build;
  if (!env || !stage || stage.status === "skipped" || env.build.status === "skipped")
    return { ...base, why: `build not run: ${stage?.reason ?? env?.build.reason ?? "no build stage in the report"}` };

  const build = env.build;
  if (build.status === "failed") {
    const record = (run.facts?.families["environment-build"] ?? []).find((r) => r.kind === "build");
    const detail = firstLine(String(record?.detail ?? build.reason ?? ""));
    const cls = build.failureClass ?? "other";
    const said = `${cls}${build.package ? ` ${build.package}` : ""}${detail ? `: ${detail}` : ""}`;
    if (cls === "timeout") return { ...base, outcome: "timed-out", why: `the build ran past its limit: ${said}` };
    if (cls === "not-allowed") return { ...base, why: `the audit refused to build it: ${detail || build.reason}` };
    if (AUDIT_BUILD_FAILURES[cls]) return { ...base, outcome: "audit", why: `${AUDIT_BUILD_FAILURES[cls]}: ${said}` };
    // A host the build reached for that does not resolve from the machine the bench runs on (a git+https line on
    // a machine that reaches only the package index): the bench's network, not the spec.
    const unresolved = (build.network?.refused ?? []).filter((r) => /does not resolve/.test(r.why));
    if (unresolved.length > 0)
      return {
        ...base,
        outcome: "audit",
        why: `the build's network here: ${unresolved.map((r) => r.destination).join(", ")} does not resolve: ${said}`,
      };
    const substitution = auditSubstitution(env, run.basePython, detail, run.report.notes);
    if (substitution) return { ...base, outcome: "audit", why: `${substitution}: ${said}` };
    return { ...base, outcome: "build-failed", why: said };
  }

  const probeSkipped = run.facts?.notCollected["import-probe"];
  if (!env.probe.ran || probeSkipped)
    return { ...base, why: `built, imports not probed: ${probeSkipped ?? "the import probe did not run"}` };
  const failed = (run.facts?.families["import-probe"] ?? []).filter(
    (r) => r.kind === "import" && r.error !== null && r.error !== undefined,
  );
  // A record with a cause is the audit's own gap (its base image, its substitution); without one, the repo's.
  const auditFailures = failed
    .filter((r) => r.cause)
    .map((r) => ({
      module: String(r.module),
      reason: `${String(r.cause)}${r.library ? `: ${String(r.library)}` : r.python ? `: Python ${String(r.python)}` : ""}`,
    }));
  const repoModules = failed.filter((r) => !r.cause).map((r) => String(r.module));
  const outcome: BuildOutcomeClass = repoModules.length ? "repo-imports" : auditFailures.length ? "audit" : "clean";
  const why =
    outcome === "repo-imports"
      ? `${repoModules.length} module(s) do not import: ${repoModules.join(", ")}`
      : outcome === "audit"
        ? auditFailures.map((f) => `${f.module} (${f.reason})`).join(", ")
        : null;
  return { ...base, outcome, why, repoModules, auditFailures };
}

export interface BuildTotals {
  repos: number;
  byOutcome: Record<BuildOutcomeClass, number>;
  /** Repos with a failure of the audit's own, whatever their outcome. */
  withAuditFailures: number;
  /** Failed builds and repo import failures on a Python the audit chose (the repo states none). */
  repoFailuresOnChosenPython: number;
  /** Repos whose report names a substitution: a wheel URL gave way to the index release, another Python stood in, conda by pip. */
  withSubstitutions: number;
}

export function buildTotals(outcomes: readonly BuildOutcome[]): BuildTotals {
  const byOutcome = Object.fromEntries(BUILD_OUTCOMES.map((o) => [o, 0])) as Record<BuildOutcomeClass, number>;
  for (const o of outcomes) byOutcome[o.outcome] += 1;
  return {
    repos: outcomes.length,
    byOutcome,
    withAuditFailures: outcomes.filter((o) => o.auditFailures.length > 0 || o.outcome === "audit").length,
    repoFailuresOnChosenPython: outcomes.filter(
      (o) => (o.outcome === "build-failed" || o.outcome === "repo-imports") && o.python?.auditChose,
    ).length,
    withSubstitutions: outcomes.filter((o) => o.substitutions.length > 0).length,
  };
}

const LABELS: Record<BuildOutcomeClass, string> = {
  clean: "built, imports clean",
  "repo-imports": "built, imports fail (repo)",
  audit: "fails for the audit",
  "build-failed": "build fails (repo)",
  "not-assessed": "not assessed",
  "timed-out": "timed out",
};

/** One row per repo, then the summary line with the counts. */
export function renderBuilds(outcomes: readonly BuildOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const python = o.python ? ` py${o.python.version}${o.python.auditChose ? " (the audit's choice)" : ""}` : "";
    const took = o.seconds !== null ? ` ${Math.round(o.seconds)}s` : "";
    lines.push(`${o.name}: ${LABELS[o.outcome]}${python}${took}${o.why ? ` - ${o.why}` : ""}`);
    if (o.outcome === "repo-imports" && o.auditFailures.length > 0)
      lines.push(`  also the audit's: ${o.auditFailures.map((f) => `${f.module} (${f.reason})`).join(", ")}`);
    for (const s of o.substitutions) lines.push(`  ${s}`);
  }
  const t = buildTotals(outcomes);
  lines.push(
    "",
    `builds: ${t.repos} repos; ${BUILD_OUTCOMES.map((o) => `${LABELS[o]} ${t.byOutcome[o]}`).join(", ")}; ` +
      `${t.withAuditFailures} with a failure of the audit's own, ${t.repoFailuresOnChosenPython} repo failures on a Python the audit chose, ` +
      `${t.withSubstitutions} with a substitution the report names (a wheel URL, a Python, conda by pip)`,
  );
  return lines.join("\n");
}
