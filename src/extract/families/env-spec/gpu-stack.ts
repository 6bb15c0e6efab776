// A GPU stack older than any GPU made since 2020 supports (pure): a stated CUDA below 11 (a base image, a +cuXXX pin,
// cudatoolkit, the README's words), or torch below 1.7 / tensorflow below 2.4 pinned where the code uses a GPU.
// Compute capability 8.0 (A100, 2020) and newer need CUDA 11.0, first in torch 1.7.0 and tensorflow 2.4.0.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { roleOf } from "../../view/file-roles.js";
import { inEnvironmentFolder } from "../../view/vendored.js";

/** The first release of each that ships kernels for compute capability 8.0. */
const FIRST_CURRENT: Record<string, [number, number]> = { CUDA: [11, 0], torch: [1, 7], tensorflow: [2, 4] };
const FRAMEWORK: Record<string, "torch" | "tensorflow"> = {
  torch: "torch",
  pytorch: "torch",
  tensorflow: "tensorflow",
  "tensorflow-gpu": "tensorflow",
};
/** "CUDA 7.5", "CUDA version: 10.1", "cuda10.2"; not a minimum ("CUDA 10.1+", ">= 10.1", "10.1 or later"). */
const README_CUDA =
  /(?<![>≥]=?\s*)\bCUDA(?:\s+(?:toolkit|version))?\s*[:=]?\s*v?(\d{1,2}(?:\.\d)?)\b(?!\.\d|\s*\+|\s+(?:or|and)\s+(?:later|newer|higher|above|up))/gi;
/** A device, not a version: torch's `cuda:0` (a colon and an index, no minor), or a bare number below any CUDA a
 * framework of the last decade was built with ("cuda 0"). */
const deviceIndex = (match: string, version: string) =>
  !version.includes(".") && (/cuda:\d+$/i.test(match) || Number(version) < 7);
/** Code that runs on a GPU: `.cuda()`, a "cuda" device, TensorFlow's GPU queries, CUDA_VISIBLE_DEVICES. */
const GPU_USE =
  /\.cuda\(|["']cuda(?::\d+)?["']|list_physical_devices\(\s*["']GPU|is_gpu_available|gpu_options|CUDA_VISIBLE_DEVICES|allow_growth/;

const older = (version: string, [major, minor]: [number, number]) => {
  const [a = 0, b = 0] = version.split(".").map(Number);
  return a < major || (a === major && b < minor);
};

interface Stated {
  what: string;
  file: string;
  line: number;
}

/** The READMEs' statements of an old CUDA (lines under 2,000 characters); none where they also name a current one
 * ("CUDA 10.2 or 11.3"). */
function readmeCuda(view: RepoView): Stated[] {
  const out: Stated[] = [];
  let current = false;
  for (const entry of view.files()) {
    if (entry.skipped || entry.kind !== "text" || roleOf(entry) !== "readme" || inEnvironmentFolder(entry.path))
      continue;
    (view.read(entry.path) ?? "").split(/\r?\n/).forEach((text, i) => {
      if (text.length > 2000) return;
      for (const m of text.matchAll(README_CUDA))
        if (deviceIndex(m[0], m[1]!)) continue;
        else if (!older(m[1]!, FIRST_CURRENT.CUDA!)) current = true;
        else out.push({ what: `CUDA ${m[1]}`, file: entry.path, line: i + 1 });
    });
  }
  return current ? [] : out;
}

function usesGpu(view: RepoView): boolean {
  for (const entry of view.files()) {
    if (entry.skipped || (entry.kind !== "python" && entry.kind !== "notebook") || inEnvironmentFolder(entry.path))
      continue;
    if (GPU_USE.test(view.read(entry.path) ?? "")) return true;
  }
  return false;
}

/** One `gpu-stack` record when the repo states an obsolete GPU stack: at its first statement, each listed. */
export function obsoleteGpuStack(view: RepoView, records: readonly FactRecord[]): FactRecord[] {
  const stated: Stated[] = [];
  const frameworks: Stated[] = [];
  let gpuPackage = false;
  for (const r of records) {
    const at = { file: String(r.file), line: Number(r.line) };
    if (r.kind === "cuda" && typeof r.value === "string" && older(r.value, FIRST_CURRENT.CUDA!))
      stated.push({ what: `CUDA ${r.value} (${String(r.source)})`, ...at });
    if ((r.kind !== "package" && r.kind !== "install") || typeof r.name !== "string" || typeof r.spec !== "string")
      continue;
    const framework = FRAMEWORK[r.name];
    const pin = /^===?\s*v?(\d+\.\d+)/.exec(r.spec);
    if (!framework || !pin || !older(pin[1]!, FIRST_CURRENT[framework]!)) continue;
    if (r.name === "tensorflow-gpu") gpuPackage = true;
    frameworks.push({ what: `${framework} ${r.spec.replace(/^===?\s*/, "")}`, ...at });
  }
  stated.push(...readmeCuda(view));
  if (frameworks.length > 0 && (stated.length > 0 || gpuPackage || usesGpu(view))) stated.push(...frameworks);
  if (stated.length === 0) return [];
  const seen = new Set<string>();
  const listed = stated
    .filter((s) => !seen.has(s.what) && seen.add(s.what))
    .map((s) => `${s.what} at ${s.file}:${s.line}`);
  return [{ kind: "gpu-stack", file: stated[0]!.file, line: stated[0]!.line, stated: listed.join("; ") }];
}
