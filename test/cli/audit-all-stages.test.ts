// The whole audit as users run it, on the real engine: build, one measured epoch, prediction, carbon.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { runCli } from "../support/cli.js";

const run = await requireEngine();

describe.skipIf(!run)("repro-audit audit <repo> --epochs N, all stages", () => {
  it("prints the measured and predicted blocks and fills the report's carbon section", () => {
    const repo = makeSampleRepo("train-cpu");
    const dir = mkdtempSync(join(tmpdir(), "all-stages-"));
    const env = { REPRO_AUDIT_LEDGER: join(dir, "ledger.jsonl"), XDG_CACHE_HOME: join(dir, "cache") };
    const base = ["audit", repo, "--base-image", BASE_IMAGE, "--epochs", "4", "--epoch-timeout", "300"];

    const text = runCli([...base, "--out", join(dir, "report.txt")], env);
    expect(text.code).toBe(0);
    const printed = readFileSync(join(dir, "report.txt"), "utf8");
    expect(printed).toContain("Actual consumption for 1 epoch(s):");
    expect(printed).toContain("Predicted consumption for 4 epoch(s):");
    expect(printed).toMatch(/km travelled by car/);

    const json = runCli([...base, "--format", "json"], env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.stages.build.status).toBe("ran");
    expect(report.stages.epoch.status).toBe("ran");
    expect(report.environment.build.cacheHit).toBe(true); // the text run built it; this one reuses it
    expect(report.carbon.measurement.runtime).toBe("container");
    expect(report.carbon.plan.epochs).toEqual({ value: 4, origin: "flag", source: "--epochs" });
    expect(report.carbon.measurement.actual.epochs).toBe(1);
    expect(report.carbon.measurement.actual.energyKWh).toBeGreaterThan(0);
    expect(report.carbon.prediction.epochs).toBe(4);
    // The prediction scales the measured epoch: about 4x its time, never less than 1x.
    expect(report.carbon.prediction.total.seconds).toBeGreaterThan(report.carbon.measurement.actual.seconds);
    expect(report.carbon.measurement.meters.map((m: { meter: string }) => m.meter)).toContain("cpu-share-tdp");
    expect(report.score.categories.execution).toMatchObject({ assessed: true, score: 100 });

    // Both instrumented runs went to the ledger, and `ledger` sums them.
    const ledger = runCli(["ledger", "--format", "json"], env);
    expect(ledger.code).toBe(0);
    expect(JSON.parse(ledger.stdout).entries).toHaveLength(2);
  }, 600_000);
});
