// Finish a report the one way the CLI and the Action share (pure): compare with a baseline, explain the
// score, judge the gates (fail-under, max-warnings, fail-on) on everything found, then cut to errors (quiet).
// It runs last in the one order written down in assemble.ts: findings arrive already graded by the rerun plan.
import type { FailOn, Finding } from "../model/finding.js";
import type { Report } from "../model/report.js";
import type { Sourced } from "../model/sourced.js";
import { compareToBaseline } from "./baseline.js";
import { errorsOnly } from "./quiet.js";
import { explainScore } from "./score-explain.js";

/** A gate's value and, in the user's words, where it was set ("--fail-under", "input fail-under", "ci.yml failUnder"). */
export interface GateSetting<T> {
  value: T;
  source: string;
}

export interface Gates {
  failUnder?: GateSetting<number>;
  maxWarnings?: GateSetting<number>;
  failOn?: GateSetting<FailOn>;
}

export interface GateCheck {
  gate: "fail-under" | "max-warnings" | "fail-on";
  failed: boolean;
  /** One sentence: what the gate compared and how it came out. */
  text: string;
}

export interface Verdict {
  failed: boolean;
  /** One per gate that was set, in a fixed order. */
  checks: GateCheck[];
}

export interface FinishOptions {
  gates: Gates;
  /** A saved report's findings: those found again are "unchanged" and leave the gates alone. */
  baseline?: { file: string; findings: readonly Finding[] };
  explainScore?: boolean;
  /** Show errors only; the gates still judge everything. */
  quiet?: boolean;
}

export interface Finished {
  /** Every finding, compared with the baseline and explained: what SARIF, annotations and saved reports hold. */
  report: Report;
  /** What to render: `report`, cut to its errors under quiet. */
  shown: Report;
  verdict: Verdict;
}

/** The resolved settings the gates read (the pipeline's settings; the report command's flags alone). */
export interface GateSettings {
  failUnder?: Sourced<number> | null;
  maxWarnings?: Sourced<number> | null;
  failOn?: Sourced<FailOn> | null;
}

/** Who judges: a setting from a flag is named in its words ("--fail-under", "input fail-under"), and the Action
 * fails on an error unless told otherwise, while the terminal's fail-on default (never) gates on nothing. */
export type GateCaller = "cli" | "action";

const FLAG_WORDS: Record<GateCaller, (gate: GateCheck["gate"]) => string> = {
  cli: (gate) => `--${gate}`,
  action: (gate) => `input ${gate}`,
};

/** The gates from resolved settings, the one way the CLI's commands and the Action build them. */
export function gatesFrom(settings: GateSettings, caller: GateCaller): Gates {
  const named = <T>(setting: Sourced<T> | null | undefined, gate: GateCheck["gate"]): GateSetting<T> | undefined =>
    setting
      ? { value: setting.value, source: setting.origin === "flag" ? FLAG_WORDS[caller](gate) : setting.source }
      : undefined;
  const failOn = settings.failOn;
  return {
    failUnder: named(settings.failUnder, "fail-under"),
    maxWarnings: named(settings.maxWarnings, "max-warnings"),
    failOn:
      caller === "action" && (!failOn || failOn.origin === "default")
        ? { value: "error", source: "the Action's default" }
        : named(failOn, "fail-on"),
  };
}

export function finish(report: Report, options: FinishOptions): Finished {
  let full = options.baseline ? compareToBaseline(report, options.baseline, options.baseline.file) : report;
  if (options.explainScore)
    full = {
      ...full,
      score: {
        ...full.score,
        explanation: explainScore(full.score, { ...(full.plan ? { plan: full.plan } : {}), findings: full.findings }),
      },
    };
  const verdict = judgeGates(full, options.gates);
  return { report: full, shown: options.quiet ? errorsOnly(full) : full, verdict };
}

const scoreText = (score: number | null) => (score === null ? "not assessed" : `${Math.round(score)}/100`);
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The gates on a report already compared with its baseline: findings of the baseline never count. */
function judgeGates(report: Report, gates: Gates): Verdict {
  const checks: GateCheck[] = [];
  const baseline = report.suppressions?.baseline;
  const counted = report.findings.filter((f) => f.baseline !== "unchanged");
  const fresh = baseline ? " new since the baseline" : "";

  if (gates.failUnder) {
    const { value, source } = gates.failUnder;
    const score = baseline ? (baseline.gateScore ?? null) : report.score.total;
    // A score that could not be assessed passes no threshold.
    const failed = score === null || score < value;
    const what = baseline
      ? `the gate's score ${scoreText(score)} (the score ${scoreText(report.score.total)} plus ${baseline.accepted ?? 0} points the baseline accepted)`
      : `the score ${scoreText(score)}`;
    checks.push({
      gate: "fail-under",
      failed,
      text: `${what} ${failed ? "is below" : "meets"} fail-under ${value} (${source})`,
    });
  }
  if (gates.maxWarnings) {
    const { value, source } = gates.maxWarnings;
    const warnings = counted.filter((f) => f.severity === "warning").length;
    const failed = warnings > value;
    checks.push({
      gate: "max-warnings",
      failed,
      text: `${count(warnings, "warning")}${fresh}, ${failed ? "more than" : "within"} max-warnings ${value} (${source})`,
    });
  }
  if (gates.failOn && gates.failOn.value !== "never") {
    const { value, source } = gates.failOn;
    const severities = value === "error" ? ["error"] : ["error", "warning"];
    const hits = counted.filter((f) => severities.includes(f.severity));
    const errors = hits.filter((f) => f.severity === "error").length;
    const found =
      value === "error"
        ? count(errors, "error")
        : `${count(errors, "error")} and ${count(hits.length - errors, "warning")}`;
    const failed = hits.length > 0;
    checks.push({
      gate: "fail-on",
      failed,
      text: `${found}${fresh}: fail-on ${value} (${source}) ${failed ? "fails" : "passes"}`,
    });
  }
  return { failed: checks.some((c) => c.failed), checks };
}
