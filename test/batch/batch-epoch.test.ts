// A batch whose audit runs the epoch stage in a real container: the team's cost is its measured
// prediction, beside a given figure, and a training past the runtime limit is flagged.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { BatchReport } from "../../src/model/batch-report.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { runCli } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { writeLeaderboard } from "../support/leaderboard.js";

const run = await requireEngine();

describe.skipIf(!run)("a batch with the epoch stage", () => {
  it("costs the measured team by its prediction and flags its training past the runtime limit", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-epoch-"));
    // A limit of 0.36 s: any real training is past it.
    const file = writeLeaderboard(
      dir,
      [
        { name: "Trainer", repo: makeSampleRepo("train-cpu") },
        { name: "Given", co2g: 10 },
      ],
      { runtimeLimitHours: 0.0001 },
    );
    const out = join(dir, "out");
    const result = runCli(
      ["batch", file, "--base-image", BASE_IMAGE, "--out", out, "--cache-dir", join(dir, "cache")],
      { REPRO_AUDIT_LEDGER: join(dir, "ledger.jsonl") },
    );
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(out, "batch.json"), "utf8")) as BatchReport;
    const trainer = report.rows[0]!;
    expect(trainer.stages).toEqual({ static: "ran", resolve: "ran", build: "ran", epoch: "ran" });
    const carbon = JSON.parse(readFileSync(join(out, trainer.auditFile!), "utf8")).report.carbon;
    expect(trainer.cost).toEqual({
      basis: "measured",
      co2g: carbon.prediction.total.co2g,
      kwh: carbon.prediction.total.energyKWh,
      seconds: carbon.prediction.total.seconds,
      interval: { low: carbon.prediction.interval.low.co2g, high: carbon.prediction.interval.high.co2g },
      source: `measured here: measured epochs extrapolated to ${carbon.prediction.epochs} epochs x 1 run`,
    });
    expect(trainer.cost!.co2g).toBeGreaterThan(0);
    expect(trainer.overRuntimeLimit).toBe(true);
    expect(report.verdict.overRuntimeLimit).toEqual([
      { rank: 1, name: "Trainer", hours: trainer.cost!.seconds! / 3600, basis: "measured" },
    ]);
    expect(report.competition.basisCounts).toEqual({ measured: 1, estimated: 0, given: 1 });
    expect(report.competition.lower!.teams[0]!.name).toBe("Trainer");
    expect(result.stdout).toContain("trained off the platform");
  });
});
