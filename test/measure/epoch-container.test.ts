// The epoch stage in a real container: the CPU sample in an image built FROM the local base with numpy.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { sourced } from "../../src/model/sourced.js";
import { requireEngine } from "../support/engine.js";
import { ensureNumpyImage, NUMPY_IMAGE as IMAGE } from "./images.js";
import { planFor, SAMPLE, SHORT_EPOCHS, tempRepo } from "./support.js";

let ready = false;

beforeAll(async () => {
  ready = await requireEngine();
  if (ready) await ensureNumpyImage();
}, 900_000);

describe("epoch stage, container runtime", () => {
  it("runs one epoch as uid 1000 with no network, meters the container's cgroup and predicts", async (ctx) => {
    if (!ready) return ctx.skip();
    const plan = planFor("python train.py --epochs 4 --samples 8000 --hidden 128 --batch-size 128", 4, 2);
    const { section, records } = await runEpochStage({
      root: SAMPLE,
      plan,
      runtime: "container",
      engine: "docker",
      image: IMAGE,
      idleSeconds: 0.2,
      gpus: false,
      sampleMs: 100,
      limits: { memory: "1g", cpus: 1, pids: 256 },
      assumptions: carbonAssumptions({
        pue: sourced(1.58, "default", "default"),
        region: sourced("FR", "flag", "--region"),
      }),
    });
    expect(records["epoch-run"]).toEqual([expect.objectContaining({ status: "completed", epochs: 1, batches: 63 })]);
    expect(section.measurement).toMatchObject({ runtime: "container", status: "measured" });
    expect(section.prediction).toMatchObject({ epochs: 4, runs: 2, total: { epochs: 8 } });
    expect(section.assumptions.intensity).toMatchObject({ region: "FR", value: 56 });
    expect(section.measurement!.meters.map((m) => [m.meter, m.scope])).toEqual([
      ["cpu-share-tdp", "container cgroup"],
      ["memory", "container cgroup"],
    ]);
    expect(section.measurement!.meters[0]!.energyKWh).toBeGreaterThan(0);
  });

  it("meters an epoch far shorter than the sampling interval from the cgroup's counter, and from the hook without it", async (ctx) => {
    if (!ready) return ctx.skip();
    const root = tempRepo({ "train.py": SHORT_EPOCHS });
    const run = (hostUsage: boolean) =>
      runEpochStage({
        root,
        plan: planFor("python3 train.py", 3),
        runtime: "container",
        image: IMAGE,
        idleSeconds: 0.1,
        gpus: false,
        sampleMs: 500,
        hostUsage,
      });
    const { section } = await run(true);
    expect(section.measurement).toMatchObject({ status: "measured", energyMeasured: true });
    expect(section.measurement!.meters.map((m) => [m.meter, m.scope])).toEqual([
      ["cpu-share-tdp", "container cgroup"],
      ["memory", "container cgroup"],
    ]);
    expect(section.measurement!.meters[0]!.energyKWh).toBeGreaterThan(0);
    expect(section.prediction!.total.energyKWh).toBeGreaterThan(0);
    const hookOnly = (await run(false)).section;
    expect(hookOnly.measurement).toMatchObject({ status: "measured", energyMeasured: true });
    expect(hookOnly.measurement!.meters.map((m) => [m.meter, m.scope])).toEqual([
      ["cpu-time-tdp", "hook"],
      ["memory", "hook (peak RSS)"],
    ]);
    expect(hookOnly.measurement!.meters[0]!.energyKWh).toBeGreaterThan(0);
  });

  it("runs the container through the same CLI as the build stage (REPRO_AUDIT_DOCKER)", async (ctx) => {
    if (!ready) return ctx.skip();
    const dir = mkdtempSync(join(tmpdir(), "epoch-engine-bin-"));
    const saved = process.env.REPRO_AUDIT_DOCKER;
    try {
      // A logging wrapper around the real docker CLI: it records each subcommand, then runs it.
      const log = join(dir, "calls.log");
      const wrapper = join(dir, "docker");
      writeFileSync(wrapper, `#!/bin/sh\necho "$1" >> '${log}'\nexec docker "$@"\n`, { mode: 0o755 });
      process.env.REPRO_AUDIT_DOCKER = wrapper;
      const root = tempRepo({ "train.py": SHORT_EPOCHS });
      const { section } = await runEpochStage({
        root,
        plan: planFor("python3 train.py", 3),
        runtime: "container",
        engine: "docker",
        image: IMAGE,
        idleSeconds: 0.1,
        gpus: false,
        sampleMs: 500,
      });
      expect(section.measurement).toMatchObject({ status: "measured" });
      expect(readFileSync(log, "utf8").split("\n")).toContain("run");
    } finally {
      if (saved === undefined) delete process.env.REPRO_AUDIT_DOCKER;
      else process.env.REPRO_AUDIT_DOCKER = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("mounts data read-only and reports data the run cannot find", async (ctx) => {
    if (!ready) return ctx.skip();
    const data = mkdtempSync(join(tmpdir(), "epoch-data-"));
    writeFileSync(join(data, "train.csv"), "a,b\n1,2\n");
    chmodSync(data, 0o755); // the container user (uid 1000) must be able to enter it
    const root = tempRepo({
      "train.py": [
        "import socket, os",
        "assert os.getuid() == 1000, 'runs as root'",
        "rows = open('/kaggle/input/comp/train.csv').read().splitlines()",
        "try:",
        "    open('/kaggle/input/comp/new.txt', 'w'); raise SystemExit('data is writable')",
        "except OSError as e:",
        "    print('read-only', e.errno)",
        "try:",
        "    socket.create_connection(('1.1.1.1', 53), timeout=2); raise SystemExit('network reachable')",
        "except OSError:",
        "    print('no network')",
        "open('/kaggle/input/comp/test.csv').read()",
      ].join("\n"),
    });
    const { section, records } = await runEpochStage({
      root,
      plan: planFor("python3 train.py", 2),
      runtime: "container",
      image: IMAGE,
      idleSeconds: 0.1,
      gpus: false,
      data: [{ host: data, container: "/kaggle/input/comp" }],
    });
    expect(records["epoch-run"]).toEqual([
      expect.objectContaining({
        status: "missing-data",
        path: "/kaggle/input/comp/test.csv",
        file: "train.py",
        line: 12,
      }),
    ]);
    expect(section.measurement!.status).toBe("stopped");
  });

  it("sets a start-up longer than an epoch apart from epoch 1 in the container, by the duration its line states", async (ctx) => {
    if (!ready) return ctx.skip();
    // Our own script: data generated before the first epoch, then epochs whose lines state their own duration.
    const root = tempRepo({
      "train.py": [
        "import time",
        "started = time.perf_counter()",
        "data = [i * i % 7 for i in range(1_000_000)]",
        "# Start-up of at least 1.5 s (data generated, then more loading), each epoch about 0.4 s of work: both",
        "# well above the sampler's resolution, the start-up much longer than an epoch.",
        "while time.perf_counter() - started < 1.5:",
        "    sum(data[::50])",
        "for epoch in range(1, 5):",
        "    t0 = time.perf_counter()",
        "    while time.perf_counter() - t0 < 0.4:",
        "        sum(data[::50])",
        "    print(f'Epoch {epoch}/4 done in {time.perf_counter() - t0:.2f}s', flush=True)",
        "",
      ].join("\n"),
    });
    try {
      const { section, records } = await runEpochStage({
        root,
        plan: planFor("python3 train.py", 4),
        runtime: "container",
        image: IMAGE,
        idleSeconds: 0.1,
        gpus: false,
        sampleMs: 200,
      });
      const actual = section.measurement!.actual;
      expect(actual.setupEvidence!.by).toBe("stated-duration");
      expect(actual.setupSeconds).toBeGreaterThan(0);
      expect(records["epoch-run"]).toEqual([
        expect.objectContaining({
          status: "completed",
          startupEvidence: "stated-duration",
          startupSeconds: Math.round(actual.setupSeconds * 10) / 10,
        }),
      ]);
      expect(actual.setupSeconds).toBeGreaterThan(1.2);
      // Start-up is paid once per run, never once per epoch: about 1.5 + 4 x 0.4 s, where paying it per epoch
      // would give about 4 x (1.5 + 0.4).
      expect(section.prediction!.total.seconds).toBeLessThan(actual.setupSeconds + 4 * 0.4 * 1.5);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
