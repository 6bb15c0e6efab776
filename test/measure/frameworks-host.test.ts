// The hook against real PyTorch, Lightning and Hugging Face Transformers on the CPU, host runtime: epoch and batch
// boundaries from the frameworks' own loops, the run stopped after the measured epoch or K batches.
import { beforeAll, describe, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { expectKBatches, expectOneHookEpoch, FRAMEWORK_CASES } from "./frameworks.js";
import { planFor, pythonWithFrameworks } from "./support.js";

let python: string | null = null;
beforeAll(async () => {
  python = await pythonWithFrameworks();
}, 1_800_000);

describe.each(FRAMEWORK_CASES)("real frameworks, host runtime: $name", (c) => {
  it("marks one epoch and its batches with the hook and stops the program there", async (ctx) => {
    if (!python) return ctx.skip();
    const r = await runEpochStage({
      root: c.root,
      plan: planFor(c.command, c.epochs),
      runtime: "host",
      python,
      idleSeconds: 0.1,
      gpus: false,
    });
    expectOneHookEpoch(c, r);
  });

  it("stops after K batches of the first epoch", async (ctx) => {
    if (!python) return ctx.skip();
    const r = await runEpochStage({
      root: c.root,
      plan: planFor(c.command, c.epochs),
      runtime: "host",
      python,
      batches: 2,
      idleSeconds: 0.1,
      gpus: false,
    });
    expectKBatches(c, r, 2);
  });
});
