// The reference GPUs (data/gpu-models.json): peak dense throughput per precision, board power, the share
// of the peak a training reaches, and the pick by --gpu-model. Pure given the table.
import { readDataJson } from "../io/package.js";
import { badInput } from "../model/errors.js";

export type PrecisionClass = "fp16" | "tf32" | "fp32";

export interface GpuRow {
  name: string;
  /** TFLOPS, dense. */
  fp32: number;
  tf32: number | null;
  fp16: number | null;
  boardWatts: number;
  source: string;
}

export interface Ranged {
  value: number;
  low: number;
  high: number;
}

export interface GpuTable {
  default: string;
  models: Record<string, GpuRow>;
  utilisation: { source: string } & Record<PrecisionClass, Ranged>;
  power: { source: string; static: Ranged };
}

/** `--gpu-model cpu`: this machine's CPU, costed only from a throughput measured on it (calibration). */
const CPU_DEVICE = "cpu";

export function gpuTable(): GpuTable {
  return readDataJson<GpuTable>("gpu-models.json");
}

/** Every problem of a GPU table, each with its JSON pointer; empty when it is sound. */
export function gpuTableProblems(table: unknown): string[] {
  const problems: string[] = [];
  const t = table as Partial<GpuTable> | null;
  if (!t || typeof t !== "object" || !t.models || typeof t.models !== "object") return ["/models: must be an object"];
  const positive = (v: unknown) => typeof v === "number" && Number.isFinite(v) && v > 0;
  for (const [id, row] of Object.entries(t.models)) {
    const at = `/models/${id}`;
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) problems.push(`${at}: id must be lower-case letters, digits and dashes`);
    if (!row || typeof row.name !== "string" || !row.name) problems.push(`${at}/name: must be a non-empty string`);
    if (!positive(row?.fp32)) problems.push(`${at}/fp32: must be a positive number`);
    for (const k of ["tf32", "fp16"] as const)
      if (row?.[k] !== null && !positive(row?.[k])) problems.push(`${at}/${k}: must be a positive number or null`);
    if (positive(row?.tf32) && row.tf32! < row.fp32) problems.push(`${at}/tf32: below fp32`);
    if (positive(row?.fp16) && positive(row?.tf32) && row.fp16! < row.tf32!) problems.push(`${at}/fp16: below tf32`);
    if (!positive(row?.boardWatts) || row.boardWatts > 2000)
      problems.push(`${at}/boardWatts: must be watts between 0 and 2000`);
    if (typeof row?.source !== "string" || !/^https:\/\/\S+$/.test(row.source))
      problems.push(`${at}/source: must be the datasheet's https URL`);
  }
  if (typeof t.default !== "string" || !t.models[t.default]) problems.push("/default: must name a row of /models");
  for (const k of ["fp16", "tf32", "fp32"] as const) {
    const u = t.utilisation?.[k];
    if (!u || !(u.low > 0 && u.low <= u.value && u.value <= u.high && u.high <= 1))
      problems.push(`/utilisation/${k}: needs 0 < low <= value <= high <= 1`);
  }
  const s = t.power?.static;
  if (!s || !(s.low >= 0 && s.low <= s.value && s.value <= s.high && s.high <= 1))
    problems.push("/power/static: needs 0 <= low <= value <= high <= 1");
  return problems;
}

export type Device = { kind: "gpu"; id: string; row: GpuRow } | { kind: "cpu"; id: typeof CPU_DEVICE };

/** The device --gpu-model names (case and spaces forgiven: "A100 40GB" is a100-40gb); default: the table's. */
export function pickDevice(name: string | undefined, table: GpuTable = gpuTable(), setting = "--gpu-model"): Device {
  const id = (name ?? table.default)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (id === CPU_DEVICE) return { kind: "cpu", id: CPU_DEVICE };
  const row = table.models[id] ?? table.models[id.replace(/^(?:nvidia-)?(?:tesla-|geforce-)?/, "")];
  if (!row)
    throw badInput(
      `unknown ${setting} '${name}'`,
      `Use one of ${[...Object.keys(table.models), CPU_DEVICE].join(", ")}`,
    );
  return { kind: "gpu", id: table.models[id] ? id : id.replace(/^(?:nvidia-)?(?:tesla-|geforce-)?/, ""), row };
}

/** The peak a training of this precision runs at on this GPU, and which class of utilisation goes with it.
 * Mixed precision needs FP16 tensor cores, else it runs at the fp32 figures. fp32 convolutions run on TF32
 * tensor cores where the GPU has them (PyTorch's cuDNN default, allow_tf32 = True); fp32 matmuls, the bulk
 * of a transformer, do not (torch.backends.cuda.matmul.allow_tf32 is False by default). */
export function peakFor(
  row: GpuRow,
  precision: "mixed" | "fp32",
  transformer = false,
): { tflops: number; precisionClass: PrecisionClass } {
  if (precision === "mixed" && row.fp16 !== null) return { tflops: row.fp16, precisionClass: "fp16" };
  if (row.tf32 !== null && !transformer) return { tflops: row.tf32, precisionClass: "tf32" };
  return { tflops: row.fp32, precisionClass: "fp32" };
}
