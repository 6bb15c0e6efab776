// Decide, from env-spec and imports facts, which spec the environment is built from, its Python and CUDA.
import type { Facts } from "../model/facts.js";
import { factsOf, type EnvSpecFact } from "../model/fact-types.js";
import type { RepoView } from "../model/repo-view.js";
import type { SpecKind } from "../model/environment.js";
import type { BuildLock, ChosenPython } from "../model/build-lock.js";
import { DEFAULT_PYTHON, lowestPython } from "./python-version.js";
import { solutionSpecs } from "./foreign-specs.js";
import { normalizeName } from "../model/package-name.js";

export type PlanFormat =
  | "dockerfile"
  | "conda"
  | "pipfile-lock"
  | "pipfile"
  | "pyproject"
  | "poetry"
  | "requirements"
  | "setup-py"
  | "setup-cfg"
  | "reconstructed";

/** The documented detection order: the first format present wins. */
const DETECTION_ORDER: readonly PlanFormat[] = [
  "dockerfile",
  "conda",
  "pipfile-lock",
  "pipfile",
  "pyproject",
  "poetry",
  "requirements",
  "setup-py",
  "setup-cfg",
];

const KIND_OF: Record<PlanFormat, SpecKind> = {
  dockerfile: "dockerfile",
  conda: "conda",
  "pipfile-lock": "pipenv",
  pipfile: "pipenv",
  pyproject: "pyproject",
  poetry: "pyproject",
  requirements: "requirements",
  "setup-py": "setup",
  "setup-cfg": "setup",
  reconstructed: "reconstructed",
};

export interface PlanPackage {
  name: string;
  spec: string;
  extras?: string;
  marker?: string;
}

export interface SpecPlan {
  kind: SpecKind;
  format: PlanFormat;
  /** The file installs read (requirements file, environment.yml, Dockerfile); null when reconstructed. */
  primary: string | null;
  /** Every file the build reads from the spec: hashed into the image tag and copied before installing. */
  specFiles: string[];
  /** What `pip install` gets when the spec is not a file pip reads itself (Pipfile, pyproject, setup, imports). */
  packages: PlanPackage[];
  /** A requirements file naming local paths (`-e .`): the code must be in place before installing. */
  needsCode: boolean;
  /** The repo's own Dockerfile, used as it is. */
  ownDockerfile: string | null;
  python: { version: string; source: string };
  /** The stated range the Python was chosen from (its lowest allowed), or null for an exact or no statement. */
  pythonRange?: string | null;
  /** False when the repo states no Python anywhere: the build's Python is the audit's choice. */
  pythonStated: boolean;
  cuda: { needed: boolean; version: string | null; source: string | null };
  /** torch's version when the spec pins it (picks a matching PyTorch CUDA image). */
  torchVersion: string | null;
  /** Only notebooks, no .py files: Kaggle's image is the likely home. */
  notebooksOnly: boolean;
  reconstructed: boolean;
  /** pip options the install needs besides its packages (a conda pip section's `--extra-index-url=URL`). */
  pipOptions?: string[];
  /** The lock installed in place of the spec's own lines (withLock), or null. */
  locked: BuildLock | null;
  notes: string[];
}

const depth = (path: string): number => path.split("/").length;
const dirOf = (path: string): string => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");

/** Prefer the shallowest file; among requirements, the plain name before dev/test/doc variants. */
function rank(path: string): number {
  const name = path.slice(path.lastIndexOf("/") + 1).toLowerCase();
  const devish = /dev|test|doc|lint|ci|extra|optional/.test(name) ? 1 : 0;
  const plain = name === "requirements.txt" || name === "environment.yml" || name === "dockerfile" ? 0 : 1;
  return depth(path) * 100 + devish * 10 + plain;
}

function pick(specs: readonly EnvSpecFact[], format: PlanFormat): string | null {
  const files = specs
    .filter((r) => r.format === format)
    .map((r) => r.file!)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return files[0] ?? null;
}

/** -r / -c includes of a requirements file, as recorded by env-spec (later spec-file records of includes). */
export function requirementsClosure(view: RepoView, primary: string): string[] {
  const out = [primary];
  for (let i = 0; i < out.length; i++) {
    const text = view.read(out[i]!) ?? "";
    for (const match of text.matchAll(/^\s*(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/gm)) {
      const parts = [...dirOf(out[i]!).split("/").filter(Boolean), ...match[1]!.split("/")];
      const stack: string[] = [];
      for (const part of parts) {
        if (part === "..") stack.pop();
        else if (part !== "." && part) stack.push(part);
      }
      const target = stack.join("/");
      if (!match[1]!.startsWith("/") && !match[1]!.includes("..") && view.has(target) && !out.includes(target))
        out.push(target);
    }
  }
  return out;
}

// Where a stated Python is most deliberate: a pin file, then the project's own metadata, then the rest.
const PYTHON_SOURCE_RANK = [
  /\.python-version$/,
  /runtime\.txt$/,
  /pyproject\.toml$/,
  /\.ya?ml$/,
  /Pipfile(\.lock)?$/,
  /Dockerfile/i,
  /setup\.(py|cfg)$/,
];

/** Pythons the spec's URL-pinned wheels are built for (`-cp39-` -> "3.9"). */
export function wheelPythons(records: readonly EnvSpecFact[], specFiles: string[]): string[] {
  const tags = records
    .filter(
      (r) =>
        r.kind === "package" &&
        specFiles.includes(r.file!) &&
        typeof r.spec === "string" &&
        /\.whl(?:[?#]|$)/.test(r.spec),
    )
    .map((r) => /-cp(\d)(\d+)-/.exec(decodeURIComponent(String(r.spec))))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]}.${m[2]}`);
  return [...new Set(tags)];
}

/** Every Python the repo states, in the order a build believes them: a conda file's own (the Python it creates),
 * then the spec's files and the pin files (.python-version, runtime.txt) by how deliberate each is, then any
 * other file's (a conda file or setup script beside a pip freeze, the README's words, a base image's or a
 * wheel's tag). The build and the resolver read this one list. */
export function pythonStatements(records: readonly EnvSpecFact[], specFiles: readonly string[]): EnvSpecFact[] {
  // A statement made for one spec (its set-up script's Python) is that spec's only, and comes first there.
  const stated = records.filter(
    (r) =>
      r.kind === "python-version" &&
      typeof r.value === "string" &&
      (r.forSpec === undefined || specFiles.includes(r.forSpec)),
  );
  const sourceRank = (file: string) => {
    const i = PYTHON_SOURCE_RANK.findIndex((re) => re.test(file));
    return (i < 0 ? PYTHON_SOURCE_RANK.length : i) * 100 + depth(file);
  };
  const tier = (file: string, forSpec?: string) =>
    forSpec !== undefined
      ? -1
      : specFiles.includes(file) && /\.ya?ml$/i.test(file)
        ? 0
        : specFiles.includes(file) || /(^|\/)(\.python-version|runtime\.txt)$/.test(file)
          ? 1
          : 2;
  return [...stated].sort(
    (a, b) => tier(a.file!, a.forSpec) - tier(b.file!, b.forSpec) || sourceRank(a.file!) - sourceRank(b.file!),
  );
}

/** The build's Python, and the range it was chosen from when the statement is one (`>=3.10,<3.13`). */
function choosePython(
  records: readonly EnvSpecFact[],
  specFiles: string[],
): { python: SpecPlan["python"]; range: string | null } {
  const tagged = wheelPythons(records, specFiles);
  const byTags = tagged.length ? `the cp${tagged[0]!.replace(".", "")} wheels it pins` : "";
  for (const record of pythonStatements(records, specFiles)) {
    const version = lowestPython(String(record.value), tagged);
    const exact = /^(?:python-?)?\d+\.\d+(?:\.[\d*]+)?$/i.test(String(record.value).trim());
    const narrowed = tagged.includes(version ?? "") && !exact;
    if (version)
      return {
        python: { version, source: `${record.file}:${record.line} (${record.value})${narrowed ? `, ${byTags}` : ""}` },
        range: exact ? null : String(record.value),
      };
  }
  if (tagged.length === 1) return { python: { version: tagged[0]!, source: byTags }, range: null };
  return { python: { version: DEFAULT_PYTHON, source: "default" }, range: null };
}

function chooseCuda(records: readonly EnvSpecFact[], specFiles: string[]): SpecPlan["cuda"] {
  const hints = records.filter((r) => r.kind === "cuda" && specFiles.includes(r.file!));
  if (hints.length === 0) return { needed: false, version: null, source: null };
  const stated = hints.find((r) => typeof r.value === "string") ?? hints[0]!;
  return {
    needed: true,
    version: typeof stated.value === "string" ? stated.value : null,
    source: `${stated.file}:${stated.line} (${stated.source})`,
  };
}

function packagesOf(records: readonly EnvSpecFact[], file: string): PlanPackage[] {
  return records
    .filter((r) => r.kind === "package" && r.file === file)
    .map((r) => ({
      name: String(r.name),
      spec: String(r.spec ?? ""),
      ...(typeof r.extras === "string" ? { extras: r.extras } : {}),
      ...(typeof r.marker === "string" ? { marker: r.marker } : {}),
    }));
}

/** Third-party distributions the code imports, once each, in first-seen order; pinned where the README's
 * version list gives a version, bounded below where it gives a minimum. */
function reconstructFromImports(facts: Facts, listed: readonly EnvSpecFact[]): PlanPackage[] {
  const pins = new Map(
    listed
      .filter((r) => typeof r.spec === "string" && /^(?:==|>=)/.test(r.spec))
      .map((r) => [normalizeName(String(r.name)), String(r.spec)]),
  );
  const seen = new Set<string>();
  const out: PlanPackage[] = [];
  for (const record of factsOf(facts, "imports")) {
    if (record.origin !== "third-party") continue;
    const name = String(record.distribution ?? record.top ?? record.module ?? "").trim();
    if (!name || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, spec: pins.get(normalizeName(name)) ?? "" });
  }
  return out;
}

export function detectSpec(facts: Facts, view: RepoView): SpecPlan {
  const envSpec = factsOf(facts, "env-spec");
  const own = solutionSpecs(
    envSpec.filter((r) => r.kind === "spec-file"),
    view,
  );
  const specs = own.specs;
  const notes: string[] = [...own.notes];
  let format: PlanFormat = "reconstructed";
  let primary: string | null = null;
  for (const candidate of DETECTION_ORDER) {
    primary = pick(specs, candidate);
    if (primary) {
      format = candidate;
      break;
    }
  }
  let specFiles: string[] = primary ? [primary] : [];
  let packages: PlanPackage[] = [];
  let needsCode = false;
  if (format === "requirements" && primary) {
    specFiles = requirementsClosure(view, primary);
    needsCode = specFiles.some((f) => /^\s*(?:-e\s+|--editable[=\s]+)?\.{1,2}(?:\/\S*)?\s*$/m.test(view.read(f) ?? ""));
  } else if (format === "pipfile" || format === "pipfile-lock") {
    // Pipfile.lock's pins are what pipenv would install; only the default section, as `pipenv install --deploy`.
    packages = packagesOf(envSpec, primary!);
    if (format === "pipfile-lock") {
      const text = view.read(primary!) ?? "";
      const develop = /"develop"\s*:/.exec(text);
      if (develop) {
        const cut = text.slice(0, develop.index).split("\n").length;
        packages = envSpec
          .filter((r) => r.kind === "package" && r.file === primary && (r.line ?? 0) < cut)
          .map((r) => ({ name: String(r.name), spec: String(r.spec ?? "") }));
      }
    }
  } else if (format !== "dockerfile" && format !== "conda" && primary) {
    packages = packagesOf(envSpec, primary);
    notes.push(`the dependencies ${primary} declares are installed; the project itself is not`);
  }
  const reconstructed = format === "reconstructed";
  // A README's version list is the spec it states: its versions pin what the imports need, its Python the build's.
  const listed = reconstructed ? envSpec.filter((r) => r.kind === "install" && r.via === "readme-list") : [];
  const listFile = listed[0] ? String(listed[0].file) : null;
  if (reconstructed) {
    packages = reconstructFromImports(facts, listed);
    notes.push(
      listFile
        ? `no environment spec file: packages reconstructed from the code's imports, pinned where the version list of ${listFile} gives a version`
        : "no environment spec: packages reconstructed from the code's imports, unpinned",
    );
  }
  const torch = envSpec.find((r) => r.kind === "package" && r.name === "torch" && specFiles.includes(r.file!));
  // A pin, or the version a wheel URL names (torch-1.10.0+cu113-cp39-...whl).
  const torchPin = torch
    ? (/^==?\s*(\d+\.\d+\.\d+)/.exec(String(torch.spec)) ??
      /\/torch-(\d+\.\d+\.\d+)[^/]*\.whl/.exec(String(torch.spec)))
    : null;
  const kinds = view.files().map((f) => f.kind);
  const { python, range } = choosePython(envSpec, listFile ? [listFile] : specFiles);
  return {
    kind: KIND_OF[format],
    format,
    primary,
    specFiles,
    packages,
    needsCode,
    ownDockerfile: format === "dockerfile" ? view.read(primary!) : null,
    python,
    pythonRange: range,
    pythonStated: python.source !== "default",
    cuda: chooseCuda(envSpec, specFiles),
    torchVersion: torchPin ? torchPin[1]! : null,
    notebooksOnly: kinds.includes("notebook") && !kinds.includes("python"),
    reconstructed,
    locked: null,
    notes,
  };
}

/** Formats whose installs a lock of the same file replaces: pip reads them, and the lock pins all they ask. */
const LOCKABLE: readonly PlanFormat[] = ["requirements", "pyproject", "poetry", "setup-py", "setup-cfg", "pipfile"];

/** The plan with the lock of its own spec installed in its place, on the Python the lock was resolved for.
 * A lock of another file, or a spec whose install needs the code (`-e .`), leaves the plan as it is. */
export function withLock(plan: SpecPlan, lock: BuildLock | null | undefined): SpecPlan {
  if (!lock || plan.primary !== lock.specFile || plan.needsCode || !LOCKABLE.includes(plan.format)) return plan;
  const when = lock.asOf ? `releases before ${lock.asOf}` : "today's releases";
  return {
    ...plan,
    locked: lock,
    python: lock.python,
    notes: [
      ...plan.notes,
      `${lock.specFile} is installed as its lock (${lock.pins.length} pins for Python ${lock.python.version}, ${when}), as repro-audit lock writes it`,
    ],
  };
}

/** A plan with no lock, for a spec that states no Python, built on the Python the audit chose from its pins (the
 * one the resolver found it installs on, or the oldest its pins' wheels serve) rather than the default. */
export function withChosenPython(plan: SpecPlan, chosen: ChosenPython | null | undefined): SpecPlan {
  if (!chosen || plan.locked || plan.pythonStated) return plan;
  return { ...plan, python: { version: chosen.version, source: `${chosen.source} (the repo states none)` } };
}
