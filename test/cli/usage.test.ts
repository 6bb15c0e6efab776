// Each command's --help prints that command's own usage and options, not the global help.
import { describe, expect, it } from "vitest";
import { COMMANDS, parseCli } from "../../src/cli/args.js";
import { USAGE, usageOf } from "../../src/cli/usage.js";
import { runCli } from "../support/cli.js";

const COMMANDS_WITH_HELP = COMMANDS.filter((c) => c !== "help" && c !== "version");

describe("command help", () => {
  for (const command of COMMANDS_WITH_HELP) {
    it(`${command} --help is routed to ${command}'s own usage`, () => {
      expect(parseCli([command, "--help"])).toMatchObject({ command: "help", topic: command });
      const text = usageOf(command);
      expect(text).toMatch(new RegExp(`^Usage:\\n  repro-audit ${command}\\b`));
      expect(text).not.toBe(USAGE);
      expect(text).toContain("Exit codes:");
    });
  }

  it("audit --help through the bin prints the audit's options and no other command", () => {
    const result = runCli(["audit", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage:\n  repro-audit audit <repo-url\|path> \[options\]/);
    for (const flag of ["--ref", "--fail-under", "--stages", "--data"]) expect(result.stdout).toContain(flag);
    for (const other of ["repro-audit merge", "repro-audit ledger", "Batch options"])
      expect(result.stdout).not.toContain(other);
  });

  it("the global help is still the whole list", () => {
    expect(usageOf(undefined)).toBe(USAGE);
  });
});
