// Read a resolver's answer (pure): the pins it chose, or why the spec cannot install in the resolver's own
// words, sorted into what it means for a stranger (a version the index lacks, no Python in common).
export type ResolutionClass = "version-missing" | "python-conflict" | "unresolvable";

export type ResolverAnswer =
  | { outcome: "resolved"; pins: Array<{ name: string; version: string }> }
  | { outcome: "unresolvable"; resolutionClass: ResolutionClass; reason: string }
  /** The resolver could not judge: the index did not answer, a package needs a build to be read (`needsBuild`),
   * or a requirement line it cannot parse (`unreadableAt`: the offset in the requirements it was given). */
  | {
      outcome: "not-assessed";
      offline: boolean;
      reason: string;
      needsBuild?: { name: string; version?: string };
      unreadableAt?: number;
    };

const OFFLINE =
  /error sending request|dns error|Connection refused|connection (?:reset|closed)|timed out|Failed to fetch|tcp connect error/i;
const NEEDS_BUILD = /building from source is disabled|--no-build|source distribution/i;

/** The `cause:` lines of uv's error, joined: its own reason, without the headline. */
function reasonOf(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const causes = lines.filter((l) => /^(?:cause|hint):/.test(l)).map((l) => l.replace(/^(?:cause|hint):\s*/, ""));
  const text = (causes.length ? causes : lines.map((l) => l.replace(/^error:\s*/, ""))).join(" ");
  return text.replace(/\s+/g, " ").slice(0, 600);
}

/** The package uv names as needing a build: "Because apex==0.1 has no usable wheels", "Wheels are required for `apex`". */
function needsBuildOf(stderr: string): { needsBuild?: { name: string; version?: string } } {
  const pinned = /Because ([A-Za-z0-9][\w.-]*?)==([^\s,;]+) has no usable wheels/.exec(stderr);
  if (pinned) return { needsBuild: { name: pinned[1]!, version: pinned[2]! } };
  const named = /Wheels are required for `([A-Za-z0-9][\w.-]*)`/.exec(stderr);
  return named ? { needsBuild: { name: named[1]! } } : {};
}

export function readResolverAnswer(exitCode: number, stdout: string, stderr: string): ResolverAnswer {
  if (exitCode === 0) {
    const pins = stdout
      .split(/\r?\n/)
      .map((l) => /^([A-Za-z0-9][\w.-]*)(?:\[[^\]]*\])?==([^\s;#]+)/.exec(l.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m[1]!, version: m[2]! }));
    return { outcome: "resolved", pins };
  }
  const reason = reasonOf(stderr);
  if (OFFLINE.test(stderr)) return { outcome: "not-assessed", offline: true, reason };
  const unreadable = /Couldn't parse requirement in `-` at position (\d+)/.exec(stderr);
  if (unreadable) return { outcome: "not-assessed", offline: false, reason, unreadableAt: Number(unreadable[1]) };
  if (NEEDS_BUILD.test(stderr)) return { outcome: "not-assessed", offline: false, reason, ...needsBuildOf(stderr) };
  if (/no wheels with a matching Python|requested Python version|depends on Python|Requires-Python/i.test(reason))
    return { outcome: "unresolvable", resolutionClass: "python-conflict", reason };
  if (/there is no version of|was not found in the package registry|no versions of|only .* is available/i.test(reason))
    return { outcome: "unresolvable", resolutionClass: "version-missing", reason };
  // Metadata the resolver cannot parse (pandas 0.22.0's `pytz (>=2011k)`, which the pip of its era read): the
  // resolver cannot judge the pin, which says nothing of whether pip installs it.
  if (/has invalid metadata|Metadata for `[^`]+` \([^)]*\) could not be parsed/i.test(stderr))
    return { outcome: "not-assessed", offline: false, reason };
  if (/No solution found/i.test(stderr)) return { outcome: "unresolvable", resolutionClass: "unresolvable", reason };
  return { outcome: "not-assessed", offline: false, reason };
}
