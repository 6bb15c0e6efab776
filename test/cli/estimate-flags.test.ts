// The static estimate as users meet it: the text block, the JSON and Markdown carbon sections, the flags.
import { describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { gpuTable } from "../../src/carbon/gpu-table.js";

const env = { REPRO_AUDIT_CALIBRATION: "/nonexistent/repro-audit-calibration.json" };

describe("the static estimate on the command line", () => {
  const repo = makeSampleRepo("train-torch");

  it("prints a labelled estimate with its interval and every factor's source", () => {
    const result = runCli(["audit", repo, "--stages", "static"], env);
    expect(result.code).toBe(0);
    const text = result.stdout;
    expect(text).toContain("Estimated consumption for 3 epoch(s):");
    expect(text).toMatch(/Time: {3}\d+:\d\d:\d\d \(\d+:\d\d:\d\d to \d+:\d\d:\d\d\)/);
    expect(text).toContain("Basis: estimated from the code (no epoch measured); it rests on:");
    // The README's step runs train.py: the rerun plan's step gives the size, with the places its values come from.
    expect(text).toContain(
      "input size: 64 px square, code: README.md:17 image size 64 (README.md:17,train.py:22,train.py:24)",
    );
    expect(text).toContain("images per epoch: 320 images, code: train.py:23 argparse default --images (320)");
    expect(text).toContain("data/gpu-models.json a100-40gb");
  });

  it("puts the estimated prediction in the JSON carbon section and the Markdown report", () => {
    const json = runCli(
      ["audit", repo, "--stages", "static", "--format", "json", "--dataset-size", "1000", "--gpu-model", "t4"],
      env,
    );
    expect(json.code).toBe(0);
    const carbon = JSON.parse(json.stdout).carbon;
    expect(carbon.measurement).toBeUndefined();
    expect(carbon.prediction.basis).toBe("estimated");
    expect(carbon.prediction.factors.find((f: { name: string }) => f.name === "images per epoch")).toEqual({
      name: "images per epoch",
      value: 1000,
      unit: "images",
      origin: "flag",
      source: "--dataset-size",
    });
    expect(carbon.prediction.factors.find((f: { name: string }) => f.name === "board power")).toMatchObject({
      value: 70,
      origin: "table",
    });
    expect(carbon.prediction.interval.low.seconds).toBeLessThan(carbon.prediction.total.seconds);
    const md = runCli(["audit", repo, "--stages", "static", "--format", "md"], env);
    expect(md.stdout).toContain("| Estimated from the code | 3 |");
    expect(md.stdout).toContain("| forward GMACs per image |");
  });

  it("costs on the GPU --help names as the default, the GPU table's own", () => {
    const help = runCli(["audit", "--help"]).stdout;
    const named = /--gpu-model <name> .*\(default ([a-z0-9-]+);/.exec(help)?.[1];
    expect(named).toBe(gpuTable().default);
    const carbon = JSON.parse(runCli(["audit", repo, "--stages", "static", "--format", "json"], env).stdout).carbon;
    const power = carbon.prediction.factors.find((f: { name: string }) => f.name === "board power");
    expect(power.source).toMatch(new RegExp(`^data/gpu-models.json ${named}: `));
  });

  it("exits 2 with one line listing the choices for an unknown --gpu-model", () => {
    const result = runCli(["audit", repo, "--stages", "static", "--gpu-model", "b200"], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      `repro-audit: unknown --gpu-model 'b200'. Use one of ${Object.keys(gpuTable().models).join(", ")}, cpu`,
    ]);
  });
});
