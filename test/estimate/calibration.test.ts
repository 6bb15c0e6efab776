import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  calibrationPath,
  findCalibration,
  MAX_BYTES,
  parseCalibration,
  readCalibration,
  recordCalibration,
  type CalibrationEntry,
} from "../../src/estimate/calibration.js";

const ENTRY: CalibrationEntry = {
  architecture: "torchvision/resnet18",
  inputSize: [64, 64],
  device: "cpu",
  deviceName: "AMD EPYC 7B13",
  precision: "fp32",
  imagesPerSecond: 41.5,
  joulesPerImage: 1.25,
  measuredAt: "2026-05-09T10:00:00.000Z",
  source: "samples/train-torch python train.py",
};

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "calibration-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("the calibration file", () => {
  it("lives where REPRO_AUDIT_CALIBRATION says, else under XDG_DATA_HOME or ~/.local/share", () => {
    expect(calibrationPath({ REPRO_AUDIT_CALIBRATION: "/x/c.json" })).toBe("/x/c.json");
    expect(calibrationPath({ XDG_DATA_HOME: "/data" })).toBe("/data/repro-audit/calibration.json");
    expect(calibrationPath({})).toMatch(/\.local\/share\/repro-audit\/calibration\.json$/);
  });

  it("keeps what was recorded, one entry per architecture, size, device and precision", async () => {
    const path = join(tempDir(), "sub", "calibration.json");
    expect(await readCalibration(path)).toEqual({ entries: [] });
    expect(await recordCalibration(ENTRY, path)).toEqual({ written: true });
    const faster = { ...ENTRY, imagesPerSecond: 50, measuredAt: "2026-05-10T10:00:00.000Z" };
    const other = { ...ENTRY, inputSize: [128, 128] as [number, number] };
    await recordCalibration(faster, path);
    await recordCalibration(other, path);
    const read = await readCalibration(path);
    expect(read).toEqual({ entries: [faster, other] });
    expect(JSON.parse(readFileSync(path, "utf8")).version).toBe(1);
    expect(
      findCalibration(read.entries, {
        architecture: "torchvision/resnet18",
        device: "cpu",
        deviceName: "AMD EPYC 7B13",
        precision: "mixed",
        inputSize: [100, 100],
      }),
    ).toEqual(other);
    expect(
      findCalibration(read.entries, {
        architecture: "torchvision/resnet18",
        device: "cpu",
        deviceName: "AMD EPYC 7B13",
        precision: "fp32",
        inputSize: [70, 70],
      }),
    ).toEqual(faster);
    expect(
      findCalibration(read.entries, {
        architecture: "torchvision/resnet18",
        device: "cpu",
        deviceName: "Intel Xeon",
        precision: "fp32",
        inputSize: [64, 64],
      }),
    ).toBeNull();
  });

  it("drops entries that are not calibration and says how many", () => {
    const text = JSON.stringify({
      entries: [
        ENTRY,
        { ...ENTRY, imagesPerSecond: -1 },
        { ...ENTRY, inputSize: [64] },
        "x",
        { ...ENTRY, architecture: "a".repeat(500) },
      ],
    });
    expect(parseCalibration(text)).toEqual({ entries: [ENTRY], problem: "4 entries ignored (invalid or past 5000)" });
    expect(parseCalibration("{not json")).toEqual({ entries: [], problem: "not JSON" });
    expect(parseCalibration('{"entries": 3}')).toEqual({ entries: [], problem: "no entries list" });
  });

  it("never follows a symlink, never blocks on a FIFO, never reads a huge file, and writes over none of them", async () => {
    const dir = tempDir();
    const real = join(dir, "real.json");
    writeFileSync(real, JSON.stringify({ entries: [ENTRY] }));
    const link = join(dir, "link.json");
    symlinkSync(real, link);
    expect(await readCalibration(link)).toEqual({ entries: [], problem: "is a symbolic link, not read" });
    expect(await recordCalibration(ENTRY, link)).toEqual({ written: false, problem: "is a symbolic link, not read" });
    expect(readFileSync(real, "utf8")).toBe(JSON.stringify({ entries: [ENTRY] }));

    const fifo = join(dir, "fifo.json");
    execFileSync("mkfifo", [fifo]);
    expect(await readCalibration(fifo)).toEqual({ entries: [], problem: "is not a regular file, not read" });

    const huge = join(dir, "huge.json");
    writeFileSync(huge, `{"entries": [${" ".repeat(MAX_BYTES)}]}`);
    expect(await readCalibration(huge)).toEqual({ entries: [], problem: "is over 1 MiB, not read" });
    expect(await recordCalibration(ENTRY, huge)).toMatchObject({ written: false });

    expect(await readCalibration(dir)).toEqual({ entries: [], problem: "is not a regular file, not read" });
  });
});
