// The epoch stage in host mode, on real Python processes: the CPU sample, the hook, missing data, a crash.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { renderCarbonText } from "../../src/report/carbon-text.js";
import { expectEmpty, privateTemp } from "./attacks.js";
import { planFor, pythonWithNumpy, SAMPLE, SHORT_EPOCHS, tempRepo } from "./support.js";
import { HEARTBEAT_TRAINING, heartbeatStopped, killGroup, liveMembers } from "../support/processes.js";

let python: string | null = null;
beforeAll(async () => {
  python = await pythonWithNumpy();
});

const SMALL = "python train.py --epochs 3 --samples 3000 --hidden 64 --batch-size 128";

describe("epoch stage, host runtime", () => {
  it("measures one epoch of the CPU sample from its stdout markers and predicts three", async (ctx) => {
    if (!python) return ctx.skip();
    const { section, records } = await runEpochStage({
      root: SAMPLE,
      plan: planFor(SMALL, 3),
      runtime: "host",
      python,
      idleSeconds: 0.3,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([expect.objectContaining({ status: "completed", epochs: 1, batches: 24 })]);
    expect(section.measurement!.status).toBe("measured");
    expect(section.measurement!.actual).toMatchObject({ epochs: 1, batches: 24, boundaries: "stdout" });
    expect(section.prediction).toMatchObject({ epochs: 3, from: "epochs", runs: 1 });
    expect(section.prediction!.total.seconds).toBeGreaterThan(section.measurement!.actual.seconds);
    expect(section.measurement!.meters.map((m) => [m.meter, m.kind, m.scope])).toEqual([
      ["cpu-share-tdp", "estimated", "process tree"],
      ["memory", "estimated", "process tree"],
    ]);
    expect(section.measurement!.actual.energyKWh).toBeGreaterThan(0);
    const text = renderCarbonText(section);
    expect(text).toContain("Actual consumption for 1 epoch(s):");
    expect(text).toContain("Predicted consumption for 3 epoch(s):");
    expect(text).toContain("km travelled by car");
  });

  it("sets start-up apart from epoch 1 by the duration its line states, in the measurement and the epoch-run fact", async (ctx) => {
    if (!python) return ctx.skip();
    // Our own script: data generated before the first epoch, then epochs whose lines state their own duration.
    const root = tempRepo({
      "train.py": [
        "import time",
        "data = [i * i % 7 for i in range(2_000_000)]",
        "for epoch in range(1, 9):",
        "    t0 = time.perf_counter()",
        "    s = sum(data[::3])",
        "    print(f'Epoch {epoch}/8 done in {time.perf_counter() - t0:.2f}s', flush=True)",
        "",
      ].join("\n"),
    });
    const { section, records } = await runEpochStage({
      root,
      plan: planFor("python train.py", 8),
      runtime: "host",
      python,
      idleSeconds: 0.1,
      gpus: false,
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
    expect(renderCarbonText(section)).toContain("Start-up, once per run: epoch 1's line states its own duration");
  });

  it("meters an epoch far shorter than the sampling interval from the process tree's CPU counter", async (ctx) => {
    if (!python) return ctx.skip();
    const root = tempRepo({ "train.py": SHORT_EPOCHS });
    const { section } = await runEpochStage({
      root,
      plan: planFor("python train.py", 3),
      runtime: "host",
      python,
      idleSeconds: 0.1,
      gpus: false,
      sampleMs: 500,
    });
    expect(section.measurement).toMatchObject({ status: "measured", energyMeasured: true });
    expect(section.measurement!.actual).toMatchObject({ epochs: 1, boundaries: "stdout" });
    expect(section.measurement!.meters.map((m) => [m.meter, m.scope])).toEqual([
      ["cpu-share-tdp", "process tree"],
      ["memory", "process tree"],
    ]);
    expect(section.measurement!.meters[0]!.cumulative!.length).toBeGreaterThanOrEqual(2);
    expect(section.measurement!.meters[0]!.energyKWh).toBeGreaterThan(0);
    expect(section.prediction!.perEpoch!.energyKWh).toBeGreaterThan(0);
    expect(renderCarbonText(section)).toContain("Meters: cpu-share-tdp (estimated, process tree)");
  });

  it("meters a short epoch from the hook's own CPU clock when no host meter reads the run", async (ctx) => {
    if (!python) return ctx.skip();
    const root = tempRepo({ "train.py": SHORT_EPOCHS });
    const { section } = await runEpochStage({
      root,
      plan: planFor("python train.py", 3),
      runtime: "host",
      python,
      idleSeconds: 0.1,
      gpus: false,
      hostUsage: false,
    });
    expect(section.measurement).toMatchObject({ status: "measured", energyMeasured: true });
    expect(section.measurement!.meters.map((m) => [m.meter, m.kind, m.scope])).toEqual([
      ["cpu-time-tdp", "estimated", "hook"],
      ["memory", "estimated", "hook (peak RSS)"],
    ]);
    expect(section.measurement!.meters[0]!.energyKWh).toBeGreaterThan(0);
    expect(section.measurement!.actual.energyKWh).toBeGreaterThan(0);
    expect(section.prediction!.total.energyKWh).toBeGreaterThan(0);
    expect(renderCarbonText(section)).toContain("Meters: cpu-time-tdp (estimated, hook)");
  });

  it("predicts an epoch from K batches", async (ctx) => {
    if (!python) return ctx.skip();
    const { section } = await runEpochStage({
      root: SAMPLE,
      plan: planFor(SMALL, 3),
      runtime: "host",
      python,
      batches: 12,
      idleSeconds: 0.2,
      gpus: false,
    });
    expect(section.measurement!.status).toBe("measured");
    // From stdout the stop lands on the first bar refresh at or past K: under load a refresh can skip a count.
    expect(section.measurement!.actual.batches).toBeGreaterThanOrEqual(12);
    expect(section.measurement!.actual.batches).toBeLessThan(24);
    expect(section.measurement!.actual.epochs).toBeCloseTo(section.measurement!.actual.batches / 24, 6);
    expect(section.prediction!.from).toBe("batches");
  });

  it("marks epochs with the hook on a DataLoader loop and stops after the measured epoch", async () => {
    // A stand-in torch.utils.data (real torch is not installable here): the hook patches by module name.
    const root = tempRepo({
      "torch/__init__.py": "",
      "torch/utils/__init__.py": "",
      "torch/utils/data/__init__.py": [
        "class RandomSampler:",
        "    pass",
        "",
        "class DataLoader:",
        "    def __init__(self, items):",
        "        self.items = items",
        "        self.sampler = RandomSampler()",
        "    def __len__(self):",
        "        return len(self.items)",
        "    def __iter__(self):",
        "        return iter(self.items)",
        "",
      ].join("\n"),
      "train.py": [
        "import time",
        "from torch.utils.data import DataLoader",
        "loader = DataLoader(list(range(15)))",
        "for epoch in range(4):",
        "    for batch in loader:",
        "        time.sleep(0.02)",
        "open('finished.txt', 'w').write('all epochs ran')",
        "raise SystemExit(3)",
      ].join("\n"),
    });
    const { section, records } = await runEpochStage({
      root,
      plan: planFor("python3 train.py", 4),
      runtime: "host",
      idleSeconds: 0.2,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([expect.objectContaining({ status: "completed", epochs: 1, batches: 15 })]);
    expect(section.measurement!.actual).toMatchObject({
      epochs: 1,
      batches: 15,
      boundaries: "hook",
      warmupSeconds: expect.any(Number),
    });
    expect(section.prediction!.epochs).toBe(4);
  });

  it("stops with missing data and names the path, file and line", async () => {
    const root = tempRepo({ "train.py": "import os\nrows = open('/kaggle/input/comp/train.csv').read()\n" });
    const { section, records } = await runEpochStage({
      root,
      plan: planFor("python3 train.py", 5),
      runtime: "host",
      idleSeconds: 0.1,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([
      expect.objectContaining({
        status: "missing-data",
        path: "/kaggle/input/comp/train.csv",
        file: "train.py",
        line: 2,
      }),
    ]);
    expect(section.measurement!.status).toBe("stopped");
    expect(section.measurement!.reason).toContain("--data HOST:/kaggle/input/comp/train.csv");
  });

  it("fails with the error's last line when the training crashes", async () => {
    const root = tempRepo({ "train.py": "print('Epoch 1/3')\nraise ValueError('shapes do not match')\n" });
    const { section, records } = await runEpochStage({
      root,
      plan: planFor("python3 train.py", 3),
      runtime: "host",
      idleSeconds: 0.1,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([
      expect.objectContaining({
        status: "failed",
        reason: "exit 1: ValueError: shapes do not match",
        file: "train.py",
        line: 2,
      }),
    ]);
    expect(section.measurement!.status).toBe("failed");
    expect(renderCarbonText(section)).toContain("Epoch run failed: exit 1: ValueError: shapes do not match");
  });

  it("times out and says so", async () => {
    const root = tempRepo({ "train.py": "import time\nprint('Epoch 1/3')\ntime.sleep(30)\n" });
    const { records } = await runEpochStage({
      root,
      plan: planFor("python3 train.py", 3),
      runtime: "host",
      idleSeconds: 0.1,
      timeoutSeconds: 2,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([
      expect.objectContaining({ status: "timeout", reason: "no measured epoch within 2 s (0 batches seen)" }),
    ]);
  });

  it("leaves no temp folder and no process after success, failure, timeout and an abort", async () => {
    const pids = mkdtempSync(join(tmpdir(), "epoch-pids-"));
    const script = (end: string) =>
      `import os, time\nopen(${JSON.stringify(pids)} + '/' + str(os.getpid()), 'w')\nprint('Epoch 1/2', flush=True)\n${end}\n`;
    const endings: Array<[string, string, { timeoutSeconds?: number; abortAfterMs?: number }]> = [
      ["success", "time.sleep(0.2)\nprint('Epoch 2/2', flush=True)", {}],
      ["failure", "raise SystemExit(4)", {}],
      ["timeout", "time.sleep(600)", { timeoutSeconds: 2 }],
      ["abort", "time.sleep(600)", { abortAfterMs: 1500 }],
    ];
    for (const [what, end, o] of endings) {
      const temp = privateTemp();
      const controller = new AbortController();
      if (o.abortAfterMs) setTimeout(() => controller.abort(), o.abortAfterMs);
      const { records } = await runEpochStage({
        root: tempRepo({ "train.py": script(end) }),
        plan: planFor("python3 train.py", 2),
        runtime: "host",
        idleSeconds: 0.1,
        gpus: false,
        tempRoot: temp,
        signal: controller.signal,
        ...(o.timeoutSeconds ? { timeoutSeconds: o.timeoutSeconds } : {}),
      });
      expect(records["epoch-run"]![0]!.status, what).toBe(
        { success: "completed", failure: "failed", timeout: "timeout", abort: "failed" }[what],
      );
      expectEmpty(temp);
    }
    for (const pid of readdirSync(pids).map(Number))
      expect(() => process.kill(pid, 0), `process ${pid}`).toThrow(/ESRCH/);
    rmSync(pids, { recursive: true });
  });
});

describe("epoch stage, host runtime: the training's process group ends with the run", () => {
  it("at its time cap: TERM first, then KILL for a training that ignores it; its child goes too", async () => {
    const beat = join(privateTemp(), "beat");
    // A cap long enough for both Pythons to be beating on a busy machine.
    const { records } = await runEpochStage({
      root: tempRepo({ "train.py": HEARTBEAT_TRAINING }),
      plan: planFor(`python3 train.py ${beat} ignore-term`, 3),
      runtime: "host",
      idleSeconds: 0.1,
      timeoutSeconds: 15,
      gpus: false,
    });
    const pgid = Number(readFileSync(`${beat}.pgid`, "utf8"));
    try {
      expect(records["epoch-run"]![0]!.status).toBe("timeout");
      expect(liveMembers(pgid)).toEqual([]);
      expect(readFileSync(`${beat}.term`, "utf8")).toBe("TERM\n");
      expect(readFileSync(`${beat}.child.term`, "utf8")).toBe("TERM\n");
      expect(await heartbeatStopped(beat)).toBe(true);
      expect(await heartbeatStopped(`${beat}.child`)).toBe(true);
    } finally {
      killGroup(pgid); // none left even when it fails
      rmSync(dirname(beat), { recursive: true });
    }
  });

  it("when its command's own process ends first: what it left running in the background goes too", async () => {
    const beat = join(privateTemp(), "beat");
    // The command's shell returns once the training beats; the training and its child are left in the group.
    const command = `python3 train.py ${beat} >/dev/null 2>&1 & while [ ! -e ${beat}.child ]; do sleep 0.1; done`;
    await runEpochStage({
      root: tempRepo({ "train.py": HEARTBEAT_TRAINING }),
      plan: planFor(command, 3),
      runtime: "host",
      idleSeconds: 0.1,
      gpus: false,
    });
    const pgid = Number(readFileSync(`${beat}.pgid`, "utf8"));
    try {
      expect(liveMembers(pgid)).toEqual([]);
      expect(await heartbeatStopped(beat)).toBe(true);
      expect(await heartbeatStopped(`${beat}.child`)).toBe(true);
    } finally {
      killGroup(pgid); // none left even when it fails
      rmSync(dirname(beat), { recursive: true });
    }
  });
});
