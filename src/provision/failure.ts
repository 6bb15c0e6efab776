// Classify a failed build from its log: which class of failure, the offending package, the telling line.
import type { BuildFailureClass } from "../model/environment.js";
import { normalizeName } from "../model/package-name.js";

export interface BuildFailure {
  failureClass: BuildFailureClass;
  package: string | null;
  /** The log line that told the class (or the last error line). */
  detail: string;
}

interface Pattern {
  failureClass: BuildFailureClass;
  re: RegExp;
  /** Capture group holding the requirement, when the line names one. */
  group?: number;
}

// Order matters: an offline pip also says "Could not find a version", after its connection errors.
const PATTERNS: Pattern[] = [
  {
    failureClass: "network",
    re: /Temporary failure in name resolution|Could not fetch URL|NewConnectionError|Connection (?:refused|reset|timed out|aborted)|ConnectionError|Network is unreachable|ProxyError|CERTIFICATE_VERIFY_FAILED|Could not resolve host/i,
  },
  { failureClass: "package-not-found", re: /No matching distribution found for (\S+)/, group: 1 },
  { failureClass: "package-not-found", re: /Could not find a version that satisfies the requirement (\S+)/, group: 1 },
  { failureClass: "package-not-found", re: /PackagesNotFoundError|nothing provides requested (\S+)/, group: 1 },
  { failureClass: "version-conflict", re: /The user requested (\S+)/, group: 1 },
  {
    failureClass: "version-conflict",
    re: /ResolutionImpossible|conflicting dependencies|Cannot install (\S+)/,
    group: 1,
  },
  { failureClass: "compile-error", re: /Failed building wheel for (\S+)/, group: 1 },
  {
    failureClass: "compile-error",
    re: /Failed to build (?:installable wheels for some pyproject\.toml based projects \()?([\w.-]+)/,
    group: 1,
  },
  { failureClass: "compile-error", re: /error: command '[^']*(?:gcc|g\+\+|cc|clang)[^']*' failed/ },
];

/** "six==99.0.0" -> "six"; "scikit_learn[all]>=1" -> "scikit-learn". */
function packageOf(requirement: string | undefined): string | null {
  if (!requirement) return null;
  const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(requirement.replace(/^["'(]|["')]$/g, ""));
  return name ? normalizeName(name[0]) : null;
}

/** Engines colour a step's stderr (the legacy builder wraps it in ESC[91m); logs are read as plain text. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
}

/** What stopped a build besides its own failure: the audit's time limit or another ceiling. */
export type BuildStop = "timeout" | "disk" | "output" | null;

const STOPS: Record<Exclude<BuildStop, null>, BuildFailure> = {
  timeout: { failureClass: "timeout", package: null, detail: "the build ran past its time limit" },
  disk: { failureClass: "disk-limit", package: null, detail: "the build wrote more than its disk ceiling" },
  output: { failureClass: "output-limit", package: null, detail: "the build printed more than its output ceiling" },
};

/** Classify from the build's output (pass the scrubbed package lines: the detail goes into reports). */
export function classifyBuildFailure(log: string, stop: BuildStop | boolean = null): BuildFailure {
  const lines = stripAnsi(log).split(/\r?\n/);
  const stopped = stop === true ? "timeout" : stop === false ? null : stop;
  if (stopped) return STOPS[stopped];
  const tooLarge = lines.find((l) => /returned a non-zero code: 153\b/.test(l));
  if (tooLarge)
    return {
      failureClass: "disk-limit",
      package: null,
      detail: `${tooLarge.trim()} (a file reached the build's file-size ceiling)`,
    };
  const killed = lines.find((l) => /returned a non-zero code: 137\b/.test(l));
  if (killed)
    return {
      failureClass: "memory-limit",
      package: null,
      detail: `${killed.trim()} (killed: most likely at the build's memory ceiling)`,
    };
  for (const pattern of PATTERNS) {
    for (const line of lines) {
      const match = pattern.re.exec(line);
      if (!match) continue;
      const pkg = pattern.group ? packageOf(match[pattern.group]) : null;
      return {
        failureClass: pattern.failureClass,
        package: pkg,
        detail: line.trim().replace(/^(ERROR|error):\s*/, ""),
      };
    }
  }
  const metadata = metadataFailure(lines);
  if (metadata) return metadata;
  const errorLine =
    [...lines].reverse().find((l) => /error/i.test(l)) ?? [...lines].reverse().find((l) => l.trim()) ?? "";
  return { failureClass: "other", package: null, detail: errorLine.trim() };
}

/** A source distribution whose metadata step failed (pip names no package on those lines): the package pip
 * was collecting when it failed, so the finding says which pin needed a build (numpy==1.19.1 on a newer Python). */
function metadataFailure(lines: readonly string[]): BuildFailure | null {
  const at = lines.findIndex((l) =>
    /metadata-generation-failed|egg_info did not run successfully|Preparing metadata .* did not run successfully/.test(
      l,
    ),
  );
  if (at < 0) return null;
  const collecting = lines
    .slice(0, at)
    .reverse()
    .map((l) => /^\s*Collecting (\S+)/.exec(l))
    .find((m) => m !== null);
  const pkg = packageOf(collecting?.[1]);
  return {
    failureClass: "compile-error",
    package: pkg,
    detail: `${collecting ? `${collecting[1]}: ` : ""}its metadata could not be generated from its source distribution`,
  };
}

/** The last `count` lines of a log, for the report. */
export function logTail(log: string, count = 40): string {
  const lines = stripAnsi(log).replace(/\s+$/, "").split(/\r?\n/);
  return lines.slice(-count).join("\n");
}

/** Standard-library modules that later Pythons removed (PEP 594's dead batteries in 3.13, `imp`, `distutils`,
 * `asyncore`, `asynchat` and `smtpd` in 3.12, `formatter`, `parser` and `symbol` in 3.10, `dummy_threading` in 3.9,
 * `macpath` in 3.8): a package importing one fails on a newer Python only. */
const REMOVED_STDLIB = new Set([
  ...["aifc", "audioop", "cgi", "cgitb", "chunk", "crypt", "imghdr", "mailcap", "msilib", "nis", "nntplib"],
  ...["ossaudiodev", "pipes", "sndhdr", "spwd", "sunau", "telnetlib", "uu", "xdrlib", "lib2to3"],
  ...["imp", "distutils", "asyncore", "asynchat", "smtpd", "formatter", "parser", "symbol"],
  ...["dummy_threading", "_dummy_thread", "macpath"],
]);

export type ImportFailureCause =
  { cause: "base-image"; library: string } | { cause: "python-choice"; python?: string } | null;

/** Why a module failed to import, when the failure is the audit's substitution rather than the repo's spec: a
 * system library the audit's base image lacks (libGL for opencv), or a Python the audit chose because the repo
 * states none (`chosenPython`; "" for a named base image's own). On a chosen Python every failure but a missing
 * distribution could be the choice's: another Python installs other releases of what the spec leaves unpinned,
 * and keeps modules later ones removed. Null: the repo's own failure. */
export function importFailureCause(error: string, chosenPython: string | null = null): ImportFailureCause {
  const missing = /\b(lib[\w+.-]*?\.so(?:\.\d+)*): cannot open shared object file/.exec(error);
  if (missing) return { cause: "base-image", library: missing[1]! };
  if (chosenPython === null) return null;
  const notFound = /^ModuleNotFoundError: No module named '([\w.]+)'/.exec(error);
  if (notFound && !REMOVED_STDLIB.has(notFound[1]!.split(".")[0]!)) return null;
  return { cause: "python-choice", ...(chosenPython ? { python: chosenPython } : {}) };
}
