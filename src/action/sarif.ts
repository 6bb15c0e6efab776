// The report's SARIF made to fit the workflow's repository (pure): paths from the repository's root when the
// audited folder is a subfolder, and each result's baselineState when a baseline is given.

interface SarifArtifactLocation {
  uri?: string;
}
interface SarifLocation {
  physicalLocation?: { artifactLocation?: SarifArtifactLocation };
}
interface SarifResult {
  ruleId?: string;
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
  baselineState?: string;
}
interface SarifLog {
  runs?: Array<{ results?: SarifResult[] }>;
}

/** "sub dir/x" -> "sub%20dir/x/": a relative URI prefix, each segment percent-encoded. */
function uriPrefix(prefix: string): string {
  return prefix
    ? `${prefix
        .split("/")
        .map((s) => encodeURIComponent(s))
        .join("/")}/`
    : "";
}

export interface SarifFit {
  /** The audited folder's path inside the workspace, POSIX, "" for the workspace itself. */
  prefix: string;
  /** Per finding, in the report's order: whether the baseline holds it; null without a baseline. */
  known: readonly boolean[] | null;
  /** The findings' rule ids in the report's order, to check results line up with them. */
  rules: readonly string[];
}

/** The SARIF text adapted; `aligned` false when the results did not line up with the findings (no baselineState then). */
export function fitSarif(text: string, fit: SarifFit): { text: string; aligned: boolean } {
  const log = JSON.parse(text) as SarifLog;
  const prefix = uriPrefix(fit.prefix);
  let aligned = true;
  for (const run of log.runs ?? []) {
    const results = run.results ?? [];
    aligned &&= results.length === fit.rules.length && results.every((r, i) => r.ruleId === fit.rules[i]);
    results.forEach((result, i) => {
      for (const location of [...(result.locations ?? []), ...(result.relatedLocations ?? [])]) {
        const artifact = location.physicalLocation?.artifactLocation;
        if (artifact?.uri !== undefined && prefix) artifact.uri = `${prefix}${artifact.uri}`;
      }
      if (fit.known && aligned && result.baselineState === undefined)
        result.baselineState = fit.known[i] ? "unchanged" : "new";
    });
  }
  return { text: `${JSON.stringify(log, null, 2)}\n`, aligned };
}
