// A conda spec installed with pip, for a base with no conda (pure): its conda packages by their PyPI names (the
// same name, or a known mapping such as pytorch -> torch), its pip section as pip lines, and the packages only
// conda ships (CUDA toolkits, MKL, BLAS builds, compiler runtimes) left out and named.
import { yamlParser } from "../io/yaml.js";
import { normalizeName } from "../model/package-name.js";
import type { PlanPackage, SpecPlan } from "./spec-plan.js";

/** conda names whose PyPI distribution is called otherwise. */
const PYPI_NAME: Record<string, string> = {
  pytorch: "torch",
  "pytorch-cpu": "torch",
  "pytorch-gpu": "torch",
  opencv: "opencv-python",
  "py-opencv": "opencv-python",
  "matplotlib-base": "matplotlib",
  "py-xgboost": "xgboost",
  "py-xgboost-cpu": "xgboost",
  "py-xgboost-gpu": "xgboost",
  "py-lightgbm": "lightgbm",
  "msgpack-python": "msgpack",
  pytables: "tables",
  "keras-gpu": "keras",
  gdcm: "python-gdcm",
  "python-graphviz": "graphviz",
  pyqt: "pyqt5",
};

/** Packages only conda ships: native libraries, toolkits and metapackages pip has no wheel of. */
const CONDA_ONLY = new Set([
  ...["cudatoolkit", "cudatoolkit-dev", "cuda-toolkit", "cudnn", "cuda-version", "pytorch-cuda", "pytorch-mutex"],
  ...["nccl", "cupti", "magma", "mkl", "mkl-service", "mkl-fft", "mkl-random", "mkl-include", "intel-openmp"],
  ...["blas", "openblas", "tbb-devel", "ld-impl-linux-64", "ncurses", "openssl", "readline", "sqlite", "tk", "xz"],
  ...["zlib", "zstd", "lz4-c", "bzip2", "jpeg", "freetype", "giflib", "lcms2", "lerc", "openjpeg", "ffmpeg", "gmp"],
  ...["mpc", "mpfr", "gnutls", "nettle", "lame", "x264", "openh264", "icu", "expat", "dbus", "fontconfig", "glib"],
  ...["gstreamer", "gst-plugins-base", "harfbuzz", "pcre", "pcre2", "qt", "qt-main", "krb5", "c-ares", "yaml"],
  ...["hdf5", "python-abi", "tzdata", "ca-certificates", "conda", "backports", "nodejs", "cairo", "pango", "graphite2"],
  ...["pixman", "geos", "proj", "libspatialindex", "eigen", "boost", "boost-cpp", "cmake", "make", "gcc", "gxx"],
  ...["cudatoolkit-dev", "cuda-nvcc", "cuda-runtime", "cuda-libraries", "nvidia-apex", "tensorflow-base"],
]);
/** Whole families of conda-only names: `_libgcc_mutex`, `libgcc-ng`, `libblas`, `cuda-cudart`, `mkl_fft`, `r-base`. */
const CONDA_ONLY_PATTERN =
  /^(?:_|lib(?!rosa|svm$|sass$|cst$|tmux$)|cuda-|mkl|intel-|xorg-|gst-|font-|r-|perl|m2-|msys2-)/;

/** A `conda env export` line's build string says whether the package is built for a Python (`py37he98fc37_0`,
 * `pyhd3eb1b0_0`, `gpu_py37h...`) or is a native library (`h3371d22_4`): pip has no such package. */
function nativeBuild(spec: string): boolean {
  const build = /^=?[0-9][^=]*=([^=\s]+)$/.exec(spec.replace(/\s+/g, ""))?.[1];
  return build !== undefined && !/(?:^|_)py(?:\d|h|_|$)/.test(build);
}

/** One conda match spec as a pip version specifier: `=1.19` (conda's fuzzy equals) -> `==1.19.*`, `==1.19.2` and
 * ranges as they are, a build string (`=1.19.2=py38_0`) dropped; null for what pip cannot read (`1.2|1.3`). */
export function condaVersionAsPip(spec: string): string | null {
  const text = spec.replace(/\s+/g, "");
  if (text === "" || text === "*") return "";
  if (/[|]/.test(text)) return null;
  const equals = /^=?=?([0-9][^=<>!~,]*?)(?:=[^=]*)?$/.exec(text);
  if (equals && !text.startsWith("==")) return `==${equals[1]!.replace(/\.?\*$/, "")}.*`;
  if (equals) return `==${equals[1]}`;
  return /^[<>=!~][<>=!~0-9.,*a-z+]*$/i.test(text) ? text : null;
}

/** A pip section's requirement line as a plan package; null for a line that is not a plain requirement. */
function pipLinePackage(line: string): PlanPackage | null {
  const m =
    /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([A-Za-z0-9._, -]*)\])?\s*(@\s*\S+|[<>=!~][^;]*)?\s*(?:;\s*(.+))?$/.exec(
      line.trim(),
    );
  if (!m) return null;
  const spec = (m[3] ?? "").trim().replace(/^@\s*/, "").replace(/\s+/g, "");
  return {
    name: m[1]!,
    spec,
    ...(m[2] ? { extras: m[2].replace(/\s+/g, "") } : {}),
    ...(m[4] ? { marker: m[4].trim() } : {}),
  };
}

/** The pip options a conda pip section may carry that keep their meaning here: index URLs of plain characters. */
const INDEX_OPTION =
  /^(--extra-index-url|--index-url|-i|--find-links|-f)(?:\s+|=)(https?:\/\/[A-Za-z0-9._~:/%+@=,-]+)$/;

export interface CondaAsPip {
  packages: PlanPackage[];
  /** pip options of the pip section (`--extra-index-url URL`), each as one argument pair. */
  indexOptions: string[];
  /** conda packages left out: only conda ships them. */
  dropped: string[];
  /** Lines of the pip section that are not plain requirements (`-r x`, `-e .`, a bare URL): not installed. */
  skipped: string[];
}

/** Read an environment.yml's dependencies into pip's terms (pure); empty when the YAML does not read. */
export function readCondaAsPip(text: string): CondaAsPip {
  const out: CondaAsPip = { packages: [], indexOptions: [], dropped: [], skipped: [] };
  let doc: unknown;
  try {
    doc = yamlParser().load(text, { json: true });
  } catch {
    return out;
  }
  const deps = (doc as { dependencies?: unknown } | null)?.dependencies;
  for (const dep of Array.isArray(deps) ? deps : []) {
    if (typeof dep === "string") {
      const m = /^(?:[\w.-]+::)?([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/.exec(dep.trim());
      if (!m) continue;
      const written = m[1]!.toLowerCase();
      const conda = normalizeName(written);
      // The base's own Python (chosen from this line) and installer.
      if (conda === "python" || conda === "pip") continue;
      if (CONDA_ONLY.has(conda) || (CONDA_ONLY_PATTERN.test(written) && !PYPI_NAME[conda]) || nativeBuild(m[2] ?? "")) {
        out.dropped.push(written);
        continue;
      }
      const spec = condaVersionAsPip(m[2] ?? "");
      out.packages.push({ name: PYPI_NAME[conda] ?? conda, spec: spec ?? "" });
      continue;
    }
    const pip = dep && typeof dep === "object" ? (dep as { pip?: unknown }).pip : undefined;
    for (const entry of Array.isArray(pip) ? pip : []) {
      if (typeof entry !== "string") continue;
      const option = INDEX_OPTION.exec(entry.trim());
      if (option) {
        const flag = option[1] === "-i" ? "--index-url" : option[1] === "-f" ? "--find-links" : option[1]!;
        out.indexOptions.push(`${flag}=${option[2]}`);
        continue;
      }
      const pkg = entry.trim().startsWith("-") ? null : pipLinePackage(entry);
      if (pkg) out.packages.push(pkg);
      else out.skipped.push(entry.trim());
    }
  }
  // A pip-section line names the package as pip installs it: it wins over a conda line of the same name.
  const seen = new Map<string, PlanPackage>();
  for (const p of out.packages) seen.set(normalizeName(p.name), p);
  out.packages = [...seen.values()];
  return out;
}

/** The conda plan as one pip installs on a base without conda, the sentence that says so, what was left out. */
export function condaAsPip(plan: SpecPlan, text: string): { plan: SpecPlan; note: string; dropped: string[] } {
  const read = readCondaAsPip(text);
  const left = read.dropped.length ? `: conda-only packages ${read.dropped.join(", ")} left out` : "";
  const skipped = read.skipped.length ? `; pip lines not installed: ${read.skipped.join(", ")}` : "";
  const note = `conda spec ${plan.primary} installed with pip on the local base${left}${skipped}`;
  return {
    plan: { ...plan, packages: read.packages, pipOptions: read.indexOptions, notes: [...plan.notes, note] },
    note,
    dropped: read.dropped,
  };
}

/** A failed import the conda packages left out could cause (`import mkl` with mkl-service left out): the
 * package to name, else null. */
export function droppedPackageOf(module: string, dropped: readonly string[]): string | null {
  const top = normalizeName(module.split(".")[0]!);
  return dropped.find((d) => normalizeName(d) === top || normalizeName(d).startsWith(`${top}-`)) ?? null;
}
