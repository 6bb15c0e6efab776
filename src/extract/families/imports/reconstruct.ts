// A requirements.txt for a repo that has none: the distributions its own code imports (not the standard
// library, not its own modules or vendored copies, not the optional probes), with the version the repo
// states for each where it states one (an install command, the README, a notebook's printed version).
import type { FactRecord, Facts } from "../../../model/facts.js";
import { normalizeName } from "../../../model/package-name.js";
import { satisfyingNames } from "../../python/packages.js";
import type { StatedVersion } from "../../parse/stated-versions.js";
import { printable } from "../../../model/printable.js";
import { compareText } from "../../../model/text-order.js";

export interface NeededDistribution {
  distribution: string;
  /** An exact version the repo states, or null. */
  version: string | null;
  /** The version specifier the repo states where it is no exact pin (`>=3.0`, `~=1.7`), or null. */
  specifier: string | null;
  /** Where that version is stated ("file:line"), or null. */
  versionFrom: string | null;
  /** The first import of it, "file:line", and how many files import it. */
  importedBy: string;
  files: number;
  /** Imported only behind try/except ImportError. */
  optional: boolean;
}

/** "file:line", or for a notebook its cell counted from 1, as Jupyter and the audit's report show it. */
const where = (r: FactRecord) =>
  typeof r.cell === "number" ? `${r.file} cell ${r.cell + 1} line ${r.cellLine}` : `${r.file}:${r.line}`;

export function neededDistributions(facts: Facts, stated: readonly StatedVersion[]): NeededDistribution[] {
  const byDist = new Map<string, { first: FactRecord; files: Set<string>; optional: boolean }>();
  for (const r of facts.families["imports"] ?? []) {
    if (r.origin !== "third-party" || typeof r.distribution !== "string") continue;
    const slot = byDist.get(r.distribution);
    if (!slot)
      byDist.set(r.distribution, { first: r, files: new Set([String(r.file)]), optional: r.optional === true });
    else {
      slot.files.add(String(r.file));
      slot.optional &&= r.optional === true;
    }
  }
  // Versions: a pinned install or spec line first, then what the README or a notebook says. A bound
  // (`lightgbm>=3.0`) is kept as written: dropping it would let an older release in.
  const pins: StatedVersion[] = [];
  const bounds = new Map<string, { specifier: string; by: string }>();
  for (const r of facts.families["env-spec"] ?? []) {
    if ((r.kind === "install" || r.kind === "package") && typeof r.name === "string" && typeof r.spec === "string") {
      const exact = /^===?\s*([^\s,;]+)$/.exec(r.spec) ?? /-(\d[\w.]*)-cp\d+/.exec(r.spec);
      if (exact) pins.push({ name: normalizeName(r.name), version: exact[1]!, by: where(r) });
      else if (BOUND.test(r.spec.trim()) && !bounds.has(normalizeName(r.name)))
        bounds.set(normalizeName(r.name), { specifier: r.spec.replace(/\s+/g, ""), by: where(r) });
    }
  }
  // The distribution's own name first; an alias (tensorflow for keras) only when nothing names it.
  const versionOf = (dist: string, top: string) => {
    const own = new Set([normalizeName(dist), normalizeName(top)]);
    const aliases = new Set(satisfyingNames(dist));
    const all = [...pins, ...stated];
    return all.find((s) => own.has(s.name)) ?? all.find((s) => aliases.has(s.name)) ?? null;
  };
  return [...byDist.entries()]
    .map(([distribution, { first, files, optional }]) => {
      const v = versionOf(distribution, String(first.top ?? distribution));
      const bound = v === null ? (bounds.get(normalizeName(distribution)) ?? null) : null;
      return {
        distribution,
        version: v?.version ?? null,
        specifier: bound?.specifier ?? null,
        versionFrom: v?.by ?? bound?.by ?? null,
        importedBy: where(first),
        files: files.size,
        optional,
      };
    })
    .sort((a, b) => compareText(a.distribution.toLowerCase(), b.distribution.toLowerCase()));
}

/** A PEP 440 specifier that is not one exact pin: comparisons joined by commas. */
const BOUND = /^(?:(?:>=|<=|>|<|~=|!=)\s*[\w.*+!-]+\s*,?\s*)+$/;

/** The requirement line: an exact pin, the repo's own bound, or the bare name. */
export function requirementOf(n: Pick<NeededDistribution, "distribution" | "version" | "specifier">): string {
  return n.version ? `${n.distribution}==${n.version}` : `${n.distribution}${n.specifier ?? ""}`;
}

/** Repo text quoted in a comment: no control character may end the comment, no backslash may join the next line. */
function quoted(text: string): string {
  return printable(text.replace(/\\/g, "\\x5c"));
}

/** A requirement this audit writes: a plain name, optionally an exact pin or the repo's bounds; anything else stays a comment. */
const PLAIN_REQUIREMENT =
  /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?(?:(?:==|>=|<=|>|<|~=|!=)[A-Za-z0-9][A-Za-z0-9.!+*_-]*(?:,(?:==|>=|<=|>|<|~=|!=)[A-Za-z0-9][A-Za-z0-9.!+*_-]*)*)?$/;

/** The requirements.txt text: one line per distribution, each with a comment saying why and from where. */
export function renderRequirements(
  needed: readonly NeededDistribution[],
  header: { repo: string; specs: readonly string[] },
): string {
  const lines = [
    `# Requirements reconstructed by repro-audit from the imports of ${quoted(header.repo)}.`,
    header.specs.length > 0
      ? `# The repo's own specs (${header.specs.map(quoted).join(", ")}) are not merged in: compare before use.`
      : "# The repo declares no environment: check each line before relying on it.",
    "# A version is pinned, or bounded, where the repo states one (an install command, the README, a notebook's output); the rest are unpinned.",
    "",
  ];
  const required = needed.filter((n) => !n.optional);
  const width = Math.min(48, Math.max(0, ...required.map((n) => requirementOf(n).length)));
  for (const n of required) {
    const req = requirementOf(n);
    const from = `imported by ${quoted(n.importedBy)}${n.files > 1 ? ` and ${n.files - 1} more file(s)` : ""}`;
    const why = `${from}${n.versionFrom ? `; version from ${quoted(n.versionFrom)}` : ""}`;
    if (PLAIN_REQUIREMENT.test(req)) lines.push(`${req.padEnd(width)}  # ${why}`);
    else lines.push(`# not a plain requirement, left out: ${quoted(req)}  (${why})`);
  }
  const optional = needed.filter((n) => n.optional);
  if (optional.length > 0) {
    lines.push("", "# Imported only behind try/except ImportError (optional):");
    for (const n of optional) lines.push(`# ${quoted(requirementOf(n))}  (${quoted(n.importedBy)})`);
  }
  return `${lines.join("\n")}\n`;
}
