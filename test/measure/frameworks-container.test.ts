// The hook against real PyTorch, Lightning and Hugging Face Transformers on the CPU, in the sealed container: an image
// with the pinned frameworks (built once, kept by its tag), epoch and batch boundaries from the frameworks' loops.
import { beforeAll, describe, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { requireEngine } from "../support/engine.js";
import { expectKBatches, expectOneHookEpoch, FRAMEWORK_CASES } from "./frameworks.js";
import { ensureFrameworksImage, FRAMEWORKS_IMAGE } from "./images.js";
import { planFor } from "./support.js";

let ready = false;
beforeAll(async () => {
  ready = await requireEngine();
  if (ready) await ensureFrameworksImage();
}, 1_800_000);

const LIMITS = { memory: "4g", cpus: 2, pids: 512 };

describe.each(FRAMEWORK_CASES)("real frameworks, container runtime: $name", (c) => {
  it("marks one epoch and its batches with the hook and stops the program there", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const r = await runEpochStage({
      root: c.root,
      plan: planFor(c.command, c.epochs),
      runtime: "container",
      image: FRAMEWORKS_IMAGE,
      idleSeconds: 0.1,
      gpus: false,
      limits: LIMITS,
    });
    expectOneHookEpoch(c, r);
  });

  it("stops after K batches of the first epoch", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const r = await runEpochStage({
      root: c.root,
      plan: planFor(c.command, c.epochs),
      runtime: "container",
      image: FRAMEWORKS_IMAGE,
      batches: 2,
      idleSeconds: 0.1,
      gpus: false,
      limits: LIMITS,
    });
    expectKBatches(c, r, 2);
  });
});
