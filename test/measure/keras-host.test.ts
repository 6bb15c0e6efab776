// The hook on real Keras 3 (JAX backend, CPU): the events it writes from `fit`, and the epoch stage in host mode.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { hookDir } from "../../src/measure/launch.js";
import { KERAS_ENV, KERAS_SAMPLE, planFor, pythonWithKeras, tempRepo } from "./support.js";

let python: string | null = null;
beforeAll(async () => {
  python = await pythonWithKeras();
});

// 2000 rows, 20% held out: 1600 training rows in batches of 64 = 25 batches per epoch.
const SAMPLE_ARGS = ["--epochs", "3", "--samples", "2000", "--batch-size", "64"];
const SAMPLE_COMMAND = `python train.py ${SAMPLE_ARGS.join(" ")}`;

type HookEvent = {
  event: string;
  epoch: number;
  batch: number;
  batches_per_epoch?: number;
  total_epochs?: number;
  reason?: string;
  message?: string;
};

/** Runs a script under the hook, as the launcher does, and returns its exit code, output and the hook's events. */
async function runHooked(cwd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const events = join(mkdtempSync(join(tmpdir(), "keras-hook-")), "events.jsonl");
  const run = await execa(python!, args, {
    cwd,
    reject: false,
    all: true,
    timeout: 120_000,
    env: {
      ...KERAS_ENV,
      PYTHONPATH: hookDir(),
      REPRO_AUDIT_EVENTS: events,
      REPRO_AUDIT_MEASURE_EPOCHS: "1",
      ...extraEnv,
    },
  });
  const parsed = readFileSync(events, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as HookEvent);
  return {
    exitCode: run.exitCode,
    output: run.all ?? "",
    events: parsed.filter((e) => e.event !== "start" && e.event !== "mark"),
  };
}

/** The events with each run of batch_end folded into one entry. */
const shape = (events: HookEvent[]) =>
  events.map((e) => e.event).filter((kind, i, all) => kind !== "batch_end" || all[i - 1] !== "batch_end");

describe("the hook on Keras 3 fit (JAX backend)", () => {
  it("marks the sample's first epoch from Keras's callbacks, with Keras's batch count, and stops there", async (ctx) => {
    if (!python) return ctx.skip("no Python with Keras");
    const { exitCode, output, events } = await runHooked(KERAS_SAMPLE, ["train.py", ...SAMPLE_ARGS]);
    expect(exitCode).toBe(0);
    expect(shape(events)).toEqual(["epoch_start", "batch_end", "epoch_end", "stop"]);
    expect(events[0]).toMatchObject({ event: "epoch_start", epoch: 1, batches_per_epoch: 25, total_epochs: 3 });
    const batches = events.filter((e) => e.event === "batch_end");
    expect(batches).toHaveLength(25);
    expect(batches.every((e) => e.epoch === 1 && e.batches_per_epoch === 25)).toBe(true);
    // Keras calls batch callbacks from a thread pool here: counts may repeat but never go back.
    expect(batches.map((e) => e.batch)).toEqual([...batches.map((e) => e.batch)].sort((a, b) => a - b));
    expect(batches.at(-1)!.batch).toBe(25);
    expect(events.at(-2)).toMatchObject({ event: "epoch_end", epoch: 1, batch: 25 });
    expect(events.at(-1)).toMatchObject({ event: "stop", reason: "measured 1 epoch(s)" });
    expect(output).toContain("Epoch 1/3");
    expect(output).not.toContain("Epoch 2/3");
    expect(output).not.toContain("final val_loss");
  });

  const POSITIONAL = [
    "import keras, numpy as np",
    "from keras.src.callbacks import callback_list",
    "configure = callback_list.CallbackList._configure_async_dispatch",
    "def spy(self, callbacks):",
    "    configure(self, callbacks)",
    "    print('async_train', self._async_train, flush=True)",
    "callback_list.CallbackList._configure_async_dispatch = spy",
    "class Note(keras.callbacks.Callback):",
    "    def on_epoch_end(self, epoch, logs=None):",
    "        print('user callback saw epoch', epoch + 1, flush=True)",
    "x, y = np.zeros((96, 4), 'float32'), np.zeros((96,), 'float32')",
    "model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(1)])",
    "model.compile(optimizer='sgd', loss='mse')",
    "model.fit(x, y, 32, 4, 0, [Note()])  # batch_size, epochs, verbose, callbacks by position",
    "print('fit returned')",
  ].join("\n");

  it("adds its callback beside the program's own, passed by position, and leaves Keras's async dispatch on", async (ctx) => {
    if (!python) return ctx.skip("no Python with Keras");
    const { exitCode, output, events } = await runHooked(tempRepo({ "train.py": POSITIONAL }), ["train.py"]);
    expect(exitCode).toBe(0);
    expect(output.split("\n")).toEqual(["async_train True", "user callback saw epoch 1"]);
    expect(shape(events)).toEqual(["epoch_start", "batch_end", "epoch_end", "stop"]);
    expect(events[0]).toMatchObject({ batches_per_epoch: 3, total_epochs: 4 });
    expect(events.filter((e) => e.event === "batch_end")).toHaveLength(3);
  });

  it("stops inside the training thread after K batches, with batch callbacks run in order", async (ctx) => {
    if (!python) return ctx.skip("no Python with Keras");
    const { exitCode, output, events } = await runHooked(tempRepo({ "train.py": POSITIONAL }), ["train.py"], {
      REPRO_AUDIT_BATCHES: "2",
    });
    expect(exitCode).toBe(0);
    expect(output.split("\n")).toEqual(["async_train False"]);
    expect(events.map((e) => [e.event, e.batch])).toEqual([
      ["epoch_start", 0],
      ["batch_end", 1],
      ["batch_end", 2],
      ["stop", 2],
    ]);
    expect(events.at(-1)).toMatchObject({ reason: "measured 2 batch(es)" });
  });
});

describe("epoch stage, host runtime, on the Keras sample", () => {
  it("measures one epoch from the hook's boundaries and predicts three", async (ctx) => {
    if (!python) return ctx.skip("no Python with Keras");
    const { section, records, raw } = await runEpochStage({
      root: KERAS_SAMPLE,
      plan: planFor(SAMPLE_COMMAND, 3),
      runtime: "host",
      python,
      idleSeconds: 0.2,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([expect.objectContaining({ status: "completed", epochs: 1, batches: 25 })]);
    expect(section.measurement!.status).toBe("measured");
    expect(section.measurement!.actual).toMatchObject({ epochs: 1, batches: 25, boundaries: "hook" });
    expect(section.prediction).toMatchObject({ epochs: 3, from: "epochs", runs: 1 });
    expect(raw.spans.map((s) => [s.epoch, s.batchesPerEpoch, s.batches.at(-1)?.count, s.end !== null])).toEqual([
      [1, 25, 25, true],
    ]);
    expect(section.measurement!.actual.energyKWh).toBeGreaterThan(0);
  });

  it("predicts the epoch from K batches when asked for a partial epoch", async (ctx) => {
    if (!python) return ctx.skip("no Python with Keras");
    const { section, records, raw } = await runEpochStage({
      root: KERAS_SAMPLE,
      plan: planFor(SAMPLE_COMMAND, 3),
      runtime: "host",
      python,
      batches: 10,
      idleSeconds: 0.2,
      gpus: false,
    });
    expect(records["epoch-run"]).toEqual([expect.objectContaining({ status: "completed", epochs: 0, batches: 10 })]);
    expect(section.measurement!.actual).toMatchObject({ batches: 10, epochs: 0.4, boundaries: "hook" });
    expect(section.prediction).toMatchObject({ epochs: 3, from: "batches" });
    expect(raw.spans.map((s) => [s.batchesPerEpoch, s.batches.map((b) => b.count), s.end])).toEqual([
      [25, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], null],
    ]);
  });
});
