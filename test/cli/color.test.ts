// --color always|never|auto, FORCE_COLOR and NO_COLOR: who wins, and the bin honouring them when piped.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { useColor } from "../../src/cli/color.js";
import { runCli } from "../support/cli.js";
import { sampleReport } from "../report/fixtures.js";

describe("useColor", () => {
  const cases: Array<[string, Parameters<typeof useColor>[0], Record<string, string>, boolean, boolean]> = [
    ["a terminal", "auto", {}, true, true],
    ["a pipe", "auto", {}, false, false],
    ["NO_COLOR in a terminal", "auto", { NO_COLOR: "1" }, true, false],
    ["an empty NO_COLOR (unset, by its convention)", "auto", { NO_COLOR: "" }, true, true],
    ["FORCE_COLOR in a pipe", "auto", { FORCE_COLOR: "1" }, false, true],
    ["FORCE_COLOR over NO_COLOR", "auto", { FORCE_COLOR: "1", NO_COLOR: "1" }, false, true],
    ["FORCE_COLOR=0 in a terminal", "auto", { FORCE_COLOR: "0" }, true, false],
    ["--color always in a pipe, NO_COLOR set", "always", { NO_COLOR: "1" }, false, true],
    ["--color never in a terminal, FORCE_COLOR set", "never", { FORCE_COLOR: "1" }, true, false],
  ];
  for (const [what, setting, env, tty, want] of cases) {
    it(`${want ? "colours" : "does not colour"} ${what}`, () => expect(useColor(setting, env, tty)).toBe(want));
  }
});

describe("the bin's colour", () => {
  const dir = mkdtempSync(join(tmpdir(), "ra-color-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const saved = join(dir, "report.json");
  writeFileSync(saved, JSON.stringify(sampleReport()));
  const ESC = "\u001b[";

  it("colours a piped report with --color always or FORCE_COLOR, and not with NO_COLOR alone", () => {
    const always = runCli(["report", saved, "--color", "always"]);
    expect(always.code, always.stderr).toBe(0);
    expect(always.stdout).toContain(ESC);
    expect(runCli(["report", saved], { FORCE_COLOR: "1" }).stdout).toContain(ESC);
    expect(runCli(["report", saved]).stdout).not.toContain(ESC);
    expect(runCli(["report", saved, "--color", "never"], { FORCE_COLOR: "1" }).stdout).not.toContain(ESC);
  });

  it("names a bad --color value, exit 2", () => {
    const result = runCli(["report", saved, "--color", "sometimes"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain("--color");
  });
});
