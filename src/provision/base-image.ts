// Choose the base image for a plan: python:<ver>-slim, a CUDA or PyTorch image, micromamba, Kaggle's; or, among
// the images the user named with --base-image (or the engine's labelled local ones), the one whose Python the spec states.
import type { SpecPlan } from "./spec-plan.js";
import type { NamedBase } from "./local-bases.js";
import { allowsPython } from "./python-version.js";

/** How the Dockerfile must treat the base: where Python is and who installs. */
export type BaseFlavor = "python" | "cuda-ubuntu" | "conda-python" | "micromamba" | "own";

export interface BaseChoice {
  image: string;
  reason: string;
  flavor: BaseFlavor;
  /** The base's own Python (major.minor) when its label states it: a named local base. */
  python?: string;
}

/** Conda specs build on this image only: the engine must be able to pull it (or have it loaded); where no
 * registry is reachable (this project's CI) conda specs are detected and written, but not built. */
const MICROMAMBA_IMAGE = "mambaorg/micromamba:1.5.10";
const KAGGLE_IMAGE = "gcr.io/kaggle-images/python";

/** Where the candidate bases came from, in the words the base's reason and the report's notes use. */
export interface BaseOrigin {
  /** What the reason starts with: `--base-image`, `local base image`. */
  name: string;
  /** One such base, as a noun: "named base image". */
  noun: string;
  /** The sentence when none has the spec's Python: "no image named with --base-image". */
  none: string;
  /** Why these bases were considered at all, when the user did not name them. */
  why?: string;
}

/** The images the user named with --base-image. */
export const NAMED_BASES: BaseOrigin = {
  name: "--base-image",
  noun: "named base image",
  none: "no image named with --base-image",
};

/** nvidia/cuda publishes full patch versions; these are the runtime tags with cuDNN on Ubuntu 22.04. */
const CUDA_TAGS: Record<string, string> = {
  "11.7": "11.7.1-cudnn8-runtime-ubuntu22.04",
  "11.8": "11.8.0-cudnn8-runtime-ubuntu22.04",
  "12.0": "12.0.1-cudnn8-runtime-ubuntu22.04",
  "12.1": "12.1.1-cudnn8-runtime-ubuntu22.04",
  "12.2": "12.2.2-cudnn8-runtime-ubuntu22.04",
  "12.4": "12.4.1-cudnn-runtime-ubuntu22.04",
  "12.6": "12.6.3-cudnn-runtime-ubuntu22.04",
};
const DEFAULT_CUDA = "12.1";

function cudaTag(version: string | null): string {
  if (version && CUDA_TAGS[version]) return CUDA_TAGS[version]!;
  const major = version?.split(".")[0];
  const sameMajor = Object.keys(CUDA_TAGS)
    .filter((v) => v.startsWith(`${major}.`))
    .pop();
  return CUDA_TAGS[sameMajor ?? DEFAULT_CUDA]!;
}

/** Among the named bases: a micromamba one for a conda spec, else the one whose Python the plan's is, else the
 * nearest labelled one, saying whose Python stands in for the spec's. A conda spec on a pip base is installed with pip
 * (conda-as-pip.ts). */
function chooseNamed(plan: SpecPlan, named: readonly NamedBase[], origin: BaseOrigin): BaseChoice {
  const wanted = plan.python.version;
  const why = origin.why ? `; ${origin.why}` : "";
  if (plan.format === "conda") {
    const mamba = named.find((b) => b.micromamba);
    if (mamba) return { image: mamba.image, reason: `${origin.name}${why}`, flavor: "micromamba" };
  }
  const match = named.find((b) => b.python === wanted);
  if (match)
    return {
      image: match.image,
      reason: `${origin.name} with Python ${wanted} (${plan.python.source})${why}`,
      flavor: "python",
      python: wanted,
    };
  // None has it: the labelled base whose Python is nearest (an old spec's pins more likely have its wheels), the
  // newer of two as near; with no labels, the first named.
  const minor = minorOf;
  const distance = (python: string) =>
    Math.abs(minor(python) - minor(wanted)) * 2 - (minor(python) > minor(wanted) ? 1 : 0);
  const labelled = named.filter((b): b is NamedBase & { python: string } => b.python !== null);
  const nearest = [...labelled].sort((a, b) => distance(a.python) - distance(b.python))[0];
  if (!nearest) return { image: named[0]!.image, reason: `${origin.name}${why}`, flavor: "python" };
  return {
    image: nearest.image,
    reason: `${origin.name}: its Python ${nearest.python} in place of ${wanted} (${plan.python.source}); ${origin.none} has ${wanted}${why}`,
    flavor: "python",
    python: nearest.python,
  };
}

const minorOf = (python: string) => Number(python.split(".")[0]) * 100 + Number(python.split(".")[1] ?? 0);

/** A plan whose stated range allows a named base's Python though not the lowest it allows, which it was given
 * (`>=3.10,<3.13` with bases of 3.9 and 3.11): on the lowest named Python the range allows, which is no substitution.
 * A locked plan keeps the Python its lock was resolved for. */
export function fitPythonToBases(
  plan: SpecPlan,
  named: readonly NamedBase[],
  origin: BaseOrigin = NAMED_BASES,
): SpecPlan {
  const range = plan.pythonRange;
  if (!range || plan.locked || named.some((b) => b.python === plan.python.version)) return plan;
  const fits = named
    .map((b) => b.python)
    .filter((p): p is string => p !== null && allowsPython(range, p, { syntax: "stated", unreadable: null }) === true)
    .sort((a, b) => minorOf(a) - minorOf(b))[0];
  if (!fits) return plan;
  return {
    ...plan,
    python: { version: fits, source: `${plan.python.source}, the Python of a ${origin.noun} it allows` },
  };
}

/** The base for a plan; `named` are the images the user named with --base-image (a name alone: nothing known of it),
 * or those `origin` says stand in for them. */
export function chooseBase(
  plan: SpecPlan,
  named: string | readonly NamedBase[] = [],
  origin: BaseOrigin = NAMED_BASES,
): BaseChoice {
  const bases = typeof named === "string" ? [{ image: named, python: null, micromamba: false }] : named;
  if (plan.ownDockerfile !== null) {
    const from = /^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)/im.exec(plan.ownDockerfile);
    return {
      image: from ? from[1]! : "(unknown)",
      reason: `the repo's own ${plan.primary}, used as it is`,
      flavor: "own",
    };
  }
  if (bases.length > 0) return chooseNamed(plan, bases, origin);
  if (plan.format === "conda") {
    return {
      image: MICROMAMBA_IMAGE,
      reason: `conda spec ${plan.primary}: micromamba installs it`,
      flavor: "micromamba",
    };
  }
  if (plan.cuda.needed) {
    const cuda = plan.cuda.version && /^\d+\.\d+$/.test(plan.cuda.version) ? plan.cuda.version : null;
    if (plan.torchVersion && cuda) {
      const [major, minor] = plan.torchVersion.split(".").map(Number) as [number, number];
      const cudnn = major > 2 || (major === 2 && minor >= 4) ? 9 : 8;
      return {
        image: `pytorch/pytorch:${plan.torchVersion}-cuda${cuda}-cudnn${cudnn}-runtime`,
        reason: `CUDA ${cuda} and torch ${plan.torchVersion} (${plan.cuda.source})`,
        flavor: "conda-python",
      };
    }
    return {
      image: `nvidia/cuda:${cudaTag(cuda)}`,
      reason: `CUDA needed (${plan.cuda.source})`,
      flavor: "cuda-ubuntu",
    };
  }
  if (plan.reconstructed && plan.notebooksOnly) {
    return {
      image: KAGGLE_IMAGE,
      reason: "only notebooks and no spec: Kaggle's image holds what they usually import",
      flavor: "conda-python",
    };
  }
  return {
    image: `python:${plan.python.version}-slim`,
    reason: `Python ${plan.python.version} (${plan.python.source})`,
    flavor: "python",
  };
}
