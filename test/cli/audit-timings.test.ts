// `audit --timings`: stderr says where a real audit's time went, step by step, every static extractor named;
// the report on stdout is the same as without the flag.
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { runCli } from "../support/cli.js";
import { makeSampleRepo } from "../support/sample-repo.js";

describe("audit --timings", () => {
  const repo = makeSampleRepo("messy-kaggle");
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it("prints each phase and every extractor with a time, on stderr only", () => {
    const timed = runCli(["audit", repo, "--stages", "static", "--format", "json", "--timings"]);
    expect(timed.code).toBe(0);
    const lines = timed.stderr.split("\n");
    const stepSeconds = (name: string) => {
      const line = lines.find((l) =>
        new RegExp(`^ +${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} +\\d+\\.\\d{3} s +[\\d.]+%$`).test(l),
      );
      return line === undefined ? null : Number(/(\d+\.\d{3}) s/.exec(line)![1]);
    };
    expect(lines.find((l) => l.startsWith("timings: "))).toMatch(
      /^timings: \d+\.\d{3} s in the steps below, \d+\.\d{3} s for the whole audit$/,
    );
    const missing = [
      "source",
      "walk",
      "rules",
      "index",
      "python",
      "extract",
      "judge",
      ...STATIC_EXTRACTORS.map((e) => e.id),
    ].filter((name) => stepSeconds(name) === null);
    expect(missing).toEqual([]);
    const report = JSON.parse(timed.stdout) as { findings: unknown[] };
    const plain = JSON.parse(runCli(["audit", repo, "--stages", "static", "--format", "json"]).stdout) as {
      findings: unknown[];
    };
    expect(report.findings).toEqual(plain.findings);
  });

  it("prints nothing of the kind without the flag", () => {
    const plain = runCli(["audit", repo, "--stages", "static", "--format", "json"]);
    expect(plain.stderr).not.toContain("timings:");
  });
});
