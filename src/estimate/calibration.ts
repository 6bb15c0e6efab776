// The local calibration file: training throughputs measured here (images/s, joules per image) per
// architecture, input size and device, so later estimates of the same architecture use them instead of
// the table's utilisation. Read safely (a regular file, not a link or FIFO, at most MAX_BYTES).
import { mkdir, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { readRegularFile } from "../io/safe-file.js";

export interface CalibrationEntry {
  /** Row key of data/model-flops.json, e.g. "torchvision/resnet18". */
  architecture: string;
  inputSize: [number, number];
  /** "cpu", or the row id of data/gpu-models.json the GPU matched ("a100-40gb"). */
  device: string;
  /** The CPU model or the GPU's own name as the machine reported it. */
  deviceName: string;
  precision: "mixed" | "fp32";
  /** Training images per second in the steady part of an epoch. */
  imagesPerSecond: number;
  /** Energy per training image, without PUE; null when no meter saw the epoch. */
  joulesPerImage: number | null;
  measuredAt: string;
  /** What was measured: repo and commit, the command. */
  source: string;
}

export interface Calibration {
  entries: CalibrationEntry[];
  /** Why the file was not used or only in part (not a regular file, too big, not JSON, bad entries). */
  problem?: string;
}

export const MAX_BYTES = 1024 * 1024;
const MAX_ENTRIES = 5_000;

/** REPRO_AUDIT_CALIBRATION, else ~/.local/share/repro-audit/calibration.json (XDG_DATA_HOME honoured). */
export function calibrationPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REPRO_AUDIT_CALIBRATION) return env.REPRO_AUDIT_CALIBRATION;
  const data = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(data, "repro-audit", "calibration.json");
}

const isSize = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n > 0 && n <= 16384);
const positive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;

function validEntry(e: unknown): e is CalibrationEntry {
  const x = e as Partial<CalibrationEntry> | null;
  return (
    !!x &&
    typeof x === "object" &&
    typeof x.architecture === "string" &&
    x.architecture.length <= 200 &&
    isSize(x.inputSize) &&
    typeof x.device === "string" &&
    x.device.length <= 100 &&
    typeof x.deviceName === "string" &&
    x.deviceName.length <= 200 &&
    (x.precision === "mixed" || x.precision === "fp32") &&
    positive(x.imagesPerSecond) &&
    (x.joulesPerImage === null || positive(x.joulesPerImage)) &&
    typeof x.measuredAt === "string" &&
    x.measuredAt.length <= 40 &&
    typeof x.source === "string" &&
    x.source.length <= 500
  );
}

/** The entries of a calibration file's text; invalid entries are dropped and said so. Pure. */
export function parseCalibration(text: string): Calibration {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { entries: [], problem: "not JSON" };
  }
  const list = (doc as { entries?: unknown })?.entries;
  if (!Array.isArray(list)) return { entries: [], problem: "no entries list" };
  const entries = list.slice(0, MAX_ENTRIES).filter(validEntry);
  const dropped = list.length - entries.length;
  return dropped > 0
    ? { entries, problem: `${dropped} entr${dropped === 1 ? "y" : "ies"} ignored (invalid or past ${MAX_ENTRIES})` }
    : { entries };
}

/** The file's entries; a missing file is empty. Never follows a symlink, never blocks on a FIFO, reads at most MAX_BYTES. */
export async function readCalibration(path = calibrationPath()): Promise<Calibration> {
  const read = readRegularFile(path, MAX_BYTES);
  if (read.ok) return parseCalibration(read.text);
  return read.problem === "does not exist" ? { entries: [] } : { entries: [], problem: `${read.problem}, not read` };
}

const sameRun = (a: CalibrationEntry, b: CalibrationEntry): boolean =>
  a.architecture === b.architecture &&
  a.inputSize[0] === b.inputSize[0] &&
  a.inputSize[1] === b.inputSize[1] &&
  a.device === b.device &&
  a.deviceName === b.deviceName &&
  a.precision === b.precision;

/** Entries with `entry` in place of an older one for the same architecture, size, device and precision. Pure. */
function withEntry(entries: readonly CalibrationEntry[], entry: CalibrationEntry): CalibrationEntry[] {
  return [...entries.filter((e) => !sameRun(e, entry)), entry].slice(-MAX_ENTRIES);
}

/** Add or replace one entry (written to a temporary file, then renamed). A file that is not a regular
 * file, or that cannot be read as calibration, is left as it is: the new entry is then not kept. */
export async function recordCalibration(
  entry: CalibrationEntry,
  path = calibrationPath(),
): Promise<{ written: boolean; problem?: string }> {
  const current = await readCalibration(path);
  if (current.problem && current.entries.length === 0) return { written: false, problem: current.problem };
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(
      temporary,
      JSON.stringify({ version: 1, entries: withEntry(current.entries, entry) }, null, 1) + "\n",
      { encoding: "utf8", flag: "wx" },
    );
    await rename(temporary, path);
    return { written: true };
  } catch (error) {
    return {
      written: false,
      problem: `not written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    };
  }
}

/** The entry for this architecture on this device (same precision on a GPU), nearest in input size, newest. */
export function findCalibration(
  entries: readonly CalibrationEntry[],
  want: {
    architecture: string;
    device: string;
    deviceName?: string;
    precision: "mixed" | "fp32";
    inputSize: readonly [number, number];
  },
): CalibrationEntry | null {
  const pixels = (s: readonly [number, number]) => s[0] * s[1];
  // A GPU's throughput differs by precision (tensor cores); a CPU's does not depend on CUDA's autocast.
  const candidates = entries.filter(
    (e) =>
      e.architecture === want.architecture &&
      e.device === want.device &&
      (want.deviceName === undefined || e.deviceName === want.deviceName) &&
      (want.device === "cpu" || e.precision === want.precision),
  );
  const score = (e: CalibrationEntry) => Math.abs(Math.log(pixels(e.inputSize) / pixels(want.inputSize)));
  return candidates.sort((a, b) => score(a) - score(b) || b.measuredAt.localeCompare(a.measuredAt))[0] ?? null;
}
