// The Keras sample in a real container: an image built FROM the local base with its pinned requirements (Keras 3, JAX CPU).
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { KERAS_SAMPLE, planFor } from "./support.js";

const REQUIREMENTS = join(KERAS_SAMPLE, "requirements.txt");
// Tagged by the requirements' content: a changed pin builds a new image.
const IMAGE = `repro-audit-test/train-keras:${createHash("sha256").update(readFileSync(REQUIREMENTS)).digest("hex").slice(0, 12)}`;
let ready = false;

beforeAll(async () => {
  ready = await requireEngine();
  if (!ready) return;
  if ((await execa("docker", ["image", "inspect", IMAGE], { reject: false })).exitCode === 0) return;
  const dir = mkdtempSync(join(tmpdir(), "keras-image-"));
  copyFileSync(REQUIREMENTS, join(dir, "requirements.txt"));
  writeFileSync(
    join(dir, "Dockerfile"),
    `FROM ${BASE_IMAGE}\nCOPY requirements.txt /tmp/requirements.txt\nRUN python3 -m pip install --no-cache-dir -r /tmp/requirements.txt\n`,
  );
  await execa("docker", ["build", "-q", "-t", IMAGE, dir], { timeout: 900_000 });
});

describe("epoch stage, container runtime, on the Keras sample", () => {
  it("measures one epoch from the hook's boundaries as uid 1000 with no network, metered by the cgroup", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const plan = planFor("python3 train.py --epochs 3 --samples 2000 --batch-size 64", 3, 2);
    const { section, records, raw } = await runEpochStage({
      root: KERAS_SAMPLE,
      plan,
      runtime: "container",
      engine: "docker",
      image: IMAGE,
      idleSeconds: 0.2,
      gpus: false,
      sampleMs: 100,
      limits: { memory: "2g", cpus: 1, pids: 256 },
    });
    expect(records["epoch-run"]).toEqual([expect.objectContaining({ status: "completed", epochs: 1, batches: 25 })]);
    expect(section.measurement).toMatchObject({ runtime: "container", status: "measured" });
    expect(section.measurement!.actual).toMatchObject({ epochs: 1, batches: 25, boundaries: "hook" });
    expect(section.prediction).toMatchObject({ epochs: 3, from: "epochs", runs: 2, total: { epochs: 6 } });
    expect(raw.spans.map((s) => [s.epoch, s.batchesPerEpoch, s.batches.at(-1)?.count, s.end !== null])).toEqual([
      [1, 25, 25, true],
    ]);
    expect(section.measurement!.meters.map((m) => [m.meter, m.scope])).toEqual([
      ["cpu-share-tdp", "container cgroup"],
      ["memory", "container cgroup"],
    ]);
    expect(section.measurement!.meters[0]!.energyKWh).toBeGreaterThan(0);
  });
});
