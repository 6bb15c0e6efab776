// Import names -> PyPI distributions (pipreqs' mapping, with the hand-kept names solutions use on top) and
// the standard library's module names, Python 3's and those Python 2 had (data/*.json).
import importNames from "../../../data/import-names.json" with { type: "json" };
import pipreqs from "../../../data/pipreqs-mapping.json" with { type: "json" };
import stdlib from "../../../data/python-stdlib.json" with { type: "json" };
import { normalizeName } from "../../model/package-name.js";

const STDLIB: ReadonlySet<string> = new Set(stdlib.modules);
const PYTHON2: ReadonlySet<string> = new Set(stdlib.python2);
const BY_IMPORT = new Map<string, string>([
  ...Object.entries(pipreqs.imports as Record<string, string>),
  ...Object.entries(importNames.imports as Record<string, string>),
]);
const ALIASES = importNames.aliases as Record<string, string[]>;
/** What every environment with pip has: importing them needs no declaration. */
const BUILD_TOOLS: ReadonlySet<string> = new Set(["setuptools", "pkg_resources", "pip", "wheel", "distutils"]);

/** PyPI's name normalisation (PEP 503): lower case, runs of -, _ and . become one -. */
export const normalizeDistribution = normalizeName;

export function isStdlib(top: string): boolean {
  return STDLIB.has(top) || BUILD_TOOLS.has(top);
}

/** A Python 2 standard module (cPickle, StringIO, Queue): no package to install, but no Python 3 either. */
export function isPython2Stdlib(top: string): boolean {
  return PYTHON2.has(top);
}

/** Names a project gives its own code and no stranger installs: pipreqs maps some (src, models) to unrelated
 * PyPI projects, which must not stand for them. */
const GENERIC_OWN: ReadonlySet<string> = new Set([
  "src",
  "models",
  "model",
  "utils",
  "util",
  "lib",
  "libs",
  "layers",
  "modules",
  "networks",
  "nets",
  "helpers",
  "common",
  "core",
]);

/** A top-level name that is a project's own folder wherever it appears (`src`, `models`, `utils`). */
export function isGenericOwnName(top: string): boolean {
  return GENERIC_OWN.has(top);
}

/** Namespace packages many distributions share: `from google.cloud import bigquery` imports google.cloud.bigquery. */
const NAMESPACES: ReadonlySet<string> = new Set(["google", "google.cloud"]);

/** The distribution that provides a module: the dotted module's longest mapped prefix, else its top name.
 * `names` are what a `from` import takes from it, which name the module itself inside a namespace package. */
export function distributionOf(module: string, names: readonly string[] = []): string {
  if (NAMESPACES.has(module) && names[0] && names[0] !== "*") return distributionOf(`${module}.${names[0]}`);
  // google-cloud-<name> provides each google.cloud.<name> (a versioned API module like aiplatform_v1 included).
  const cloud = /^google\.cloud\.([a-z0-9_]+?)(?:_v\d+\w*)?(?:\.|$)/.exec(module);
  if (cloud) return `google-cloud-${cloud[1]!.replace(/_/g, "-")}`;
  const parts = module.split(".");
  if (isGenericOwnName(parts[0]!)) return parts[0]!;
  // A name one of two namesake distributions exports (`from readability import Document`: readability-lxml's).
  const taken = names[0] && names[0] !== "*" ? BY_IMPORT.get(`${module}.${names[0]}`) : undefined;
  if (taken) return taken;
  for (let i = parts.length; i > 0; i--) {
    const hit = BY_IMPORT.get(parts.slice(0, i).join("."));
    if (hit) return hit;
  }
  return parts[0]!;
}

/** The distribution a name people write stands for: an alias (pytorch, opencv) as its distribution, an
 * import name (sklearn, cv2) as what provides it, else the name itself (normalised). */
export function distributionForName(name: string): string {
  const key = normalizeDistribution(name);
  if (Object.keys(ALIASES).some((k) => normalizeDistribution(k) === key)) return key;
  const aliased = Object.entries(ALIASES).find(([, names]) => names.some((n) => normalizeDistribution(n) === key));
  if (aliased) return normalizeDistribution(aliased[0]);
  const byImport = BY_IMPORT.get(name) ?? BY_IMPORT.get(name.toLowerCase());
  return byImport ? normalizeDistribution(byImport) : key;
}

const KNOWN: ReadonlySet<string> = new Set(
  [...BY_IMPORT.values(), ...Object.keys(ALIASES), ...Object.values(ALIASES).flat()].map(normalizeName),
);

/** A distribution the import-name tables know (numpy, opencv-python, scikit-learn): a word that names one. */
export function isKnownDistribution(name: string): boolean {
  return KNOWN.has(normalizeName(name));
}

/** Normalised distribution names that satisfy an import of `distribution` (itself and its aliases). */
export function satisfyingNames(distribution: string): string[] {
  const key = normalizeDistribution(distribution);
  const alias = Object.entries(ALIASES).find(([k]) => normalizeDistribution(k) === key)?.[1] ?? [];
  return [key, ...alias.map(normalizeDistribution)];
}

/** A build variant's base distribution: nvidia-dali-nightly-cuda110 -> nvidia-dali, cupy-cuda12x -> cupy,
 * dgl-cuda10.2 (conda's) -> dgl, tensorflow-gpu -> tensorflow (normalised); the name itself when it is no variant. */
export function variantBase(name: string): string {
  return normalizeDistribution(name).replace(/(?:-nightly)?-(?:cuda\d+(?:-\d+)?x?|cu\d+|gpu|cpu)$|-nightly$/, "");
}
