import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { cpuModelName, cpuPowerFor, parseCpuInfo } from "../../src/measure/meters/cpu-model.js";
import { memoryWatts, parseProcStat, processTree, usageMeters } from "../../src/measure/meters/cpu-share.js";
import {
  gpuSeries,
  gpusInUse,
  nvidiaSmiAnswers,
  parseSmiCsv,
  parseSmiTimestamp,
} from "../../src/measure/meters/nvidia-smi.js";
import { energyDeltaUj, findRaplDomains, raplMeters } from "../../src/measure/meters/rapl.js";
import { pushCounterReading, startSampler } from "../../src/measure/sampler.js";
import type { RawSeries } from "../../src/measure/meters/meter.js";

const FAKE_SMI = join(import.meta.dirname, "fakes", "nvidia-smi");
const T0 = Date.UTC(2024, 4, 1, 12, 0, 0) / 1000;

describe("nvidia-smi", () => {
  it("parses local timestamps with the machine's offset", () => {
    expect(parseSmiTimestamp("2024/05/01 12:00:00.500", 0)).toBe(T0 + 0.5);
    expect(parseSmiTimestamp("2024/05/01 14:00:00.000", 120)).toBe(T0);
    expect(parseSmiTimestamp("yesterday", 0)).toBeNull();
  });
  it("keeps only the GPUs the run uses, skipping [N/A] readings", () => {
    expect(gpusInUse({ cudaVisibleDevices: "1" })).toEqual([1]);
    expect(gpusInUse({ gpusFlag: '"device=0,1"' })).toEqual([0, 1]);
    expect(gpusInUse({ cudaVisibleDevices: "GPU-5e1a7c2e" })).toBeNull();
    expect(gpusInUse({ gpusFlag: "all" })).toBeNull();
  });
  it("streams the fake's recorded CSV through the sampler into per-GPU series", async () => {
    expect(await nvidiaSmiAnswers(FAKE_SMI)).toBe(true);
    const sampler = startSampler({ meters: [], nvidiaSmi: { binary: FAKE_SMI, inUse: [0], offsetMinutes: 0 } });
    await new Promise((r) => setTimeout(r, 400));
    const series = await sampler.stop();
    expect(series).toEqual([
      {
        meter: "nvidia-smi",
        kind: "measured",
        component: "gpu",
        scope: "GPU 0",
        samples: [318.55, 402.9, 398.1].reduce(
          (acc, w, i) => [...acc, { unix: T0 + 0.5 * (i + 1), watts: w }],
          [{ unix: T0, watts: 74.12 }],
        ),
      },
    ]);
    const all = gpuSeries(parseSmiCsv(readFileSync(FAKE_SMI + ".csv", "utf8"), 0), null);
    expect(all.map((s) => [s.scope, s.samples.length])).toEqual([
      ["GPU 0", 4],
      ["GPU 1", 3],
    ]);
  });
});

describe("RAPL", () => {
  it("handles the counter wrapping at max_energy_range_uj", () => {
    expect(energyDeltaUj(100, 250, 1000)).toBe(150);
    expect(energyDeltaUj(900, 50, 1000)).toBe(150);
  });
  it("finds package and DRAM domains in a powercap tree and reads them as joules since the first read", () => {
    // A FAKE powercap folder (this machine has no RAPL): the files the kernel exposes.
    const root = mkdtempSync(join(tmpdir(), "powercap-"));
    const domain = (name: string, label: string, uj: number) => {
      mkdirSync(join(root, name));
      writeFileSync(join(root, name, "name"), label + "\n");
      writeFileSync(join(root, name, "energy_uj"), uj + "\n");
      writeFileSync(join(root, name, "max_energy_range_uj"), "262143328850\n");
    };
    domain("intel-rapl:0", "package-0", 262143000000);
    domain("intel-rapl:0:0", "core", 5);
    domain("intel-rapl:0:1", "dram", 1000);
    const domains = findRaplDomains(root);
    expect(domains.map((d) => d.name)).toEqual(["package-0", "dram"]);
    const [pkg, dram] = raplMeters(domains);
    expect([pkg!.type, pkg!.component, dram!.component]).toEqual(["counter", "cpu", "memory"]);
    expect(pkg!.read(10)).toBe(0);
    expect(dram!.read(10)).toBe(0);
    writeFileSync(join(root, "intel-rapl:0", "energy_uj"), "49671150\n"); // wrapped
    writeFileSync(join(root, "intel-rapl:0:1", "energy_uj"), "4001000\n");
    expect(pkg!.read(12)).toBeCloseTo(50, 6); // 328850 + 49671150 uJ
    expect(dram!.read(12)).toBe(4);
    writeFileSync(join(root, "intel-rapl:0", "energy_uj"), "59671150\n");
    expect(pkg!.read(13)).toBeCloseTo(60, 6); // running total across the wrap
    expect(findRaplDomains(join(root, "absent"))).toEqual([]);
  });
});

describe("CPU share and memory", () => {
  it("matches the model number in CodeCarbon's table, threads from the vendors' counts", () => {
    expect(cpuModelName("processor\t: 0\nmodel name\t: AMD EPYC 7763 64-Core Processor\n")).toBe(
      "AMD EPYC 7763 64-Core Processor",
    );
    expect(parseCpuInfo("model name\t: X\nsiblings\t: 4\ncpu cores\t: 2\n")).toEqual({ model: "X", threadsPerCore: 2 });
    expect(cpuPowerFor("AMD EPYC 7763 64-Core Processor")).toMatchObject({
      tdpWatts: 280,
      wattsPerThread: 280 / 128,
      fallback: null,
      source: expect.stringMatching(/^CodeCarbon [0-9a-f]{7}: AMD EPYC 7763, 280 W \/ 128 threads$/),
    });
    expect(cpuPowerFor("Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz", undefined, 2)).toMatchObject({
      tdpWatts: 150,
      wattsPerThread: 150 / 40,
      fallback: null,
    });
    expect(cpuPowerFor("Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz", undefined, 1)).toMatchObject({
      tdpWatts: 65,
      wattsPerThread: 65 / 8,
    });
    expect(cpuPowerFor("AMD Ryzen 9 7950X 16-Core Processor")).toMatchObject({
      tdpWatts: 170,
      wattsPerThread: 170 / 32,
    });
    // Model numbers match whole: 7B12 is in the table (without a thread count), 7B13 is not, neither takes another's row.
    expect(cpuPowerFor("AMD EPYC 7B12 64-Core Processor")).toMatchObject({
      tdpWatts: 240,
      fallback: "AMD EPYC family median (the table gives AMD EPYC 7B12 240 W but not its threads)",
    });
    expect(cpuPowerFor("AMD EPYC 7B13 64-Core Processor")).toMatchObject({
      tdpWatts: null,
      fallback: "AMD EPYC family median ('AMD EPYC 7B13 64-Core Processor' is not in the table)",
    });
  });

  it("names the fallback: the family's median without a model number, else the documented default", () => {
    const epyc = cpuPowerFor("AMD EPYC");
    expect(epyc).toMatchObject({
      tdpWatts: null,
      fallback: "AMD EPYC family median (no model number in 'AMD EPYC')",
      source: expect.stringMatching(/median of \d+ AMD EPYC parts$/),
    });
    expect(epyc.wattsPerThread).toBeGreaterThan(1);
    expect(epyc.wattsPerThread).toBeLessThan(12);
    expect(cpuPowerFor("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz")).toMatchObject({
      tdpWatts: 300,
      fallback: "Intel Xeon family median (the table gives Intel Xeon Platinum 8375C 300 W but not its threads)",
    });
    expect(cpuPowerFor("QEMU Virtual CPU version 2.5+")).toMatchObject({
      tdpWatts: null,
      wattsPerThread: 12,
      fallback: "default ('QEMU Virtual CPU version 2.5+' names neither AMD nor Intel)",
    });
    expect(cpuPowerFor(null)).toMatchObject({ wattsPerThread: 12, fallback: "default (no CPU model was readable)" });
  });
  it("converts memory to watts", () => {
    expect(memoryWatts(2e9)).toBeCloseTo(0.745, 9);
  });
  it("keeps counter readings monotonic and derives the mean power between them", () => {
    const s: RawSeries = {
      meter: "cpu-share-tdp",
      kind: "estimated",
      component: "cpu",
      scope: "process tree",
      samples: [],
      cumulative: [{ unix: 100, joules: 0 }],
    };
    pushCounterReading(s, 102, 20);
    pushCounterReading(s, 103, 15); // a child exited, not reaped yet: the counter never goes back
    pushCounterReading(s, 103, 99); // same instant: ignored
    pushCounterReading(s, 105, 50);
    expect(s.cumulative).toEqual([
      { unix: 100, joules: 0 },
      { unix: 102, joules: 20 },
      { unix: 103, joules: 20 },
      { unix: 105, joules: 50 },
    ]);
    expect(s.samples).toEqual([
      { unix: 101, watts: 10 },
      { unix: 102.5, watts: 0 },
      { unix: 104, watts: 15 },
    ]);
  });
  it("parses /proc/<pid>/stat even when the command name holds spaces and parentheses", () => {
    const fields = ["S", "1", ...Array(9).fill("0"), "150", "50", "7", "3", ...Array(6).fill("0"), "2500"];
    expect(parseProcStat(`42 (my (odd) name) ${fields.join(" ")}`)).toEqual({ ppid: 1, ticks: 210, rssPages: 2500 });
  });
  it("measures a real busy process tree on this machine", async () => {
    const child = execa("python3", ["-c", "import time\nt = time.time()\nwhile time.time() - t < 2: pass"], {
      reject: false,
    });
    const [cpu, mem] = usageMeters(processTree(child.pid!), 10);
    expect(cpu).toMatchObject({ type: "counter", zeroAtLaunch: true });
    const first = cpu!.read(Date.now() / 1000)!;
    await new Promise((r) => setTimeout(r, 1000));
    const joules = cpu!.read(Date.now() / 1000)! - first;
    expect(joules).toBeGreaterThan(0); // CPU seconds x 10 W: one busy CPU, however loaded the machine
    expect(joules).toBeLessThanOrEqual(21);
    expect(mem!.read(Date.now() / 1000)).toBeGreaterThan(0);
    await child;
  });
});
