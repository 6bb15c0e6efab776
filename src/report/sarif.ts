// SARIF 2.1.0 for GitHub code scanning: one run, a reporting descriptor per rule, a result per finding.
import { createHash } from "node:crypto";
import type { Finding, FindingLocation, Severity } from "../model/finding.js";
import type { Report } from "../model/report.js";
import { CATEGORIES } from "../model/finding.js";
import { redactUrl } from "./format.js";
import { ruleMetaOf, type RuleMeta } from "./rule-meta.js";
import { jsonVisible } from "../model/printable.js";

const SARIF_SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://repro-audit.dev";
/** GitHub reads at most 1024 characters of a rule's descriptions. */
const DESCRIPTION_LIMIT = 1024;

export interface SarifOptions {
  /** Rule metadata beyond what the report carries; a finding's rule known nowhere gets a descriptor named by its id. */
  rules?: readonly RuleMeta[];
  /** Where findings about the whole repository point when the report names no anchor. GitHub rejects the
   * whole file when any result lacks a file location, so they point at a real file, as a whole (no line). */
  repoAnchor?: string;
  informationUri?: string;
}

export type SarifLevel = "error" | "warning" | "note";

export function sarifLevel(severity: Severity): SarifLevel {
  return severity === "error" ? "error" : severity === "warning" ? "warning" : "note";
}

/** GitHub's `problem.severity` vocabulary. */
function problemSeverity(severity: Severity): string {
  return severity === "info" ? "recommendation" : severity;
}

function clip(text: string): string {
  return text.length <= DESCRIPTION_LIMIT ? text : `${text.slice(0, DESCRIPTION_LIMIT - 1)}…`;
}

function pascal(id: string): string {
  return id.replace(/(^|[-_])([a-z0-9])/g, (_m, _sep: string, c: string) => c.toUpperCase());
}

/** A repo-relative POSIX path as a relative URI reference (each segment percent-encoded). */
export function pathToUri(path: string): string {
  return path
    .replace(/^(\.\/)+/, "")
    .replace(/^\/+/, "")
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

/** Every rule named by options or by a finding, sorted by id so indexes are stable between runs. */
function ruleDescriptorsFor(findings: readonly Finding[], known: readonly RuleMeta[] = []): RuleMeta[] {
  const byId = new Map<string, RuleMeta>();
  for (const rule of known) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  for (const f of findings) {
    if (byId.has(f.rule)) continue;
    byId.set(f.rule, {
      id: f.rule,
      title: f.rule,
      reason: `Rule ${f.rule} of repro-audit.`,
      category: f.category,
      severity: f.severity,
    });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function descriptor(rule: RuleMeta): Record<string, unknown> {
  const explain = `Run \`repro-audit rules explain ${rule.id}\` to see how it is scored.`;
  const fix = rule.fix ? `\n\nFix: ${rule.fix}` : "";
  return {
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: clip(rule.title) },
    fullDescription: { text: clip(rule.reason) },
    help: {
      text: `${rule.reason}${fix}\n\n${explain}`,
      markdown: `**${rule.title}**\n\n${rule.reason}${fix}\n\n${explain}`,
    },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: ["reproducibility", rule.category],
      category: rule.category,
      "problem.severity": problemSeverity(rule.severity),
    },
  };
}

/** Identity of a finding that survives edits above it: the judge's fingerprint (rule, file and the values
 * that name the problem, never the line); reports from before it had one get the same kind of key here. */
function fingerprintKey(f: Finding): string {
  if (f.fingerprint) return f.fingerprint;
  const values = Object.entries(f.values ?? {})
    .filter(([key]) => !["line", "cell", "cellLine", "column", "file", "count"].includes(key))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash("sha256")
    .update(JSON.stringify([f.rule, f.file, f.cell ?? null, values]))
    .digest("hex")
    .slice(0, 32);
}

const cellText = (at: { cell?: number; cellLine?: number }) =>
  `cell ${at.cell! + 1}${at.cellLine !== undefined ? `, line ${at.cellLine}` : ""}`;

/** A place GitHub accepts: a file with its line; a notebook or a whole file as the file alone (no region:
 * a flattened notebook line is no line of the .ipynb JSON, and a made-up line 1 would be a lie). */
function physical(at: Pick<FindingLocation, "file" | "line" | "cell">): Record<string, unknown> {
  const region =
    at.cell === undefined && at.line !== undefined && at.line >= 1 ? { region: { startLine: at.line } } : {};
  return { artifactLocation: { uri: pathToUri(at.file), uriBaseId: "%SRCROOT%" }, ...region };
}

function result(f: Finding, ruleIndex: number, fingerprint: string, anchor: string): Record<string, unknown> {
  const notebook = f.cell !== undefined;
  const properties: Record<string, unknown> = { category: f.category };
  if (f.file === null) properties.repositoryLevel = true;
  else if (notebook)
    Object.assign(properties, { cell: f.cell, ...(f.cellLine !== undefined ? { cellLine: f.cellLine } : {}) });
  else if (f.line === null) properties.wholeFile = true;
  if (f.fix) properties.fix = f.fix;
  // Where the rerun plan put it and how sure it is: what made it an error, a warning or a note.
  if (f.plan) Object.assign(properties, { plan: f.plan, ...(f.planReason ? { planReason: f.planReason } : {}) });
  if (f.evidence) properties.evidence = f.evidence;
  const where = f.file === null ? " (about the whole repository)" : notebook ? ` (${cellText(f)})` : "";
  const primary =
    f.file === null
      ? { file: anchor }
      : { file: f.file, ...(f.line !== null ? { line: f.line } : {}), ...(notebook ? { cell: f.cell } : {}) };
  // The other occurrences of a grouped finding, each on its own line (notebooks: the file, the cell in words).
  const related = (f.locations ?? []).slice(1).map((at, i) => ({
    id: i + 1,
    physicalLocation: physical(at),
    ...(at.cell !== undefined ? { message: { text: cellText(at) } } : {}),
  }));
  return {
    ruleId: f.rule,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: `${f.message}${where}` },
    ...(related.length ? { relatedLocations: related } : {}),
    locations: [{ physicalLocation: physical(primary) }],
    partialFingerprints: { "reproAudit/v1": fingerprint },
    ...(f.baseline ? { baselineState: f.baseline } : {}),
    properties,
  };
}

/** The SARIF log as an object (renderSarif stringifies it). */
export function sarifLog(report: Report, options: SarifOptions = {}): Record<string, unknown> {
  const rules = ruleDescriptorsFor(report.findings, [...ruleMetaOf(report, options.rules).values()]);
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const seen = new Map<string, number>();
  const results = report.findings.map((f) => {
    const key = fingerprintKey(f);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return result(
      f,
      index.get(f.rule) ?? 0,
      `${key}:${occurrence}`,
      report.repo.anchor ?? options.repoAnchor ?? "README.md",
    );
  });
  const repoUri = redactUrl(report.repo.url);
  const provenance =
    report.repo.kind === "git" && report.repo.commit && /^[a-z][a-z0-9+.-]*:\/\//i.test(repoUri)
      ? {
          versionControlProvenance: [
            {
              repositoryUri: repoUri,
              revisionId: report.repo.commit,
              ...(report.repo.ref ? { branch: report.repo.ref } : {}),
            },
          ],
        }
      : {};
  return {
    $schema: SARIF_SCHEMA_URI,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "repro-audit",
            informationUri: options.informationUri ?? INFORMATION_URI,
            version: report.tool.version,
            rules: rules.map(descriptor),
          },
        },
        ...provenance,
        results,
        properties: {
          score: report.score.total,
          categoryScores: Object.fromEntries(CATEGORIES.map((c) => [c, report.score.categories[c]?.score ?? null])),
        },
      },
    ],
  };
}

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return jsonVisible(`${JSON.stringify(sarifLog(report, options), null, 2)}\n`);
}
