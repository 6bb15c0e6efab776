// Import names -> PyPI distributions and the standard library's module names (data/*.json).
import importNames from "../../../data/import-names.json" with { type: "json" };
import stdlib from "../../../data/python-stdlib.json" with { type: "json" };
import { normalizeName } from "../../model/package-name.js";

const STDLIB: ReadonlySet<string> = new Set(stdlib.modules);
const BY_IMPORT = new Map<string, string>(Object.entries(importNames.imports as Record<string, string>));
const ALIASES = importNames.aliases as Record<string, string[]>;

/** PyPI's name normalisation (PEP 503): lower case, runs of -, _ and . become one -. */
export const normalizeDistribution = normalizeName;

export function isStdlib(top: string): boolean {
  return STDLIB.has(top);
}

/** The distribution that provides a module: the dotted module's longest mapped prefix, else its top name. */
export function distributionOf(module: string): string {
  const parts = module.split(".");
  for (let i = parts.length; i > 0; i--) {
    const hit = BY_IMPORT.get(parts.slice(0, i).join("."));
    if (hit) return hit;
  }
  return parts[0]!;
}

/** Normalised distribution names that satisfy an import of `distribution` (itself and its aliases). */
export function satisfyingNames(distribution: string): string[] {
  const key = normalizeDistribution(distribution);
  const alias = Object.entries(ALIASES).find(([k]) => normalizeDistribution(k) === key)?.[1] ?? [];
  return [key, ...alias.map(normalizeDistribution)];
}
