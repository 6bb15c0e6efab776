import { describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/args.js";

describe("parseCli", () => {
  it("parses an audit with its options", () => {
    expect(
      parseCli(["audit", "https://github.com/o/r", "--format", "json", "--stages", "static,build", "--fail-under", "70", "--data", "./in:/kaggle/input", "--region", "fr"]),
    ).toEqual({
      command: "audit",
      source: "https://github.com/o/r",
      format: "json",
      stages: ["static", "build"],
      failUnder: 70,
      data: [{ host: "./in", container: "/kaggle/input" }],
      region: "FR",
      debug: false,
    });
  });

  it.each([
    [["audit"], "audit needs a repo URL or path"],
    [["audit", "a", "b"], "audit takes one repo, got 2"],
    [["audit", "x", "--format", "xml"], "--format takes one of text, json, md, sarif, not 'xml'"],
    [["audit", "x", "--stages", "static,train"], "--stages takes a comma list of static, build, epoch, not 'static,train'"],
    [["audit", "x", "--fail-under", "120"], "--fail-under takes a number from 0 to 100, not '120'"],
    [["audit", "x", "--epochs", "2.5"], "--epochs takes a positive whole number, not '2.5'"],
    [["audit", "x", "--data", "nocolon"], "--data takes HOST:CONTAINER with an absolute container path, not 'nocolon'"],
    [["audit", "x", "--colour"], "unknown option '--colour'"],
    [["deploy"], "unknown command 'deploy'"],
    [["rules", "explain"], "rules explain needs a rule id"],
  ])("rejects %j with one line", (argv, message) => {
    expect(() => parseCli(argv)).toThrow(message);
  });

  it("keeps only the flags given, each parsed by its tunable (repeatable ones collected)", () => {
    expect(parseCli(["audit", "x", "--gpus", "all"])).toMatchObject({ gpus: "all" });
    expect(parseCli(["audit", "x"])).not.toHaveProperty("gpus");
    expect(parseCli(["audit", "x", "--train", "python t.py", "--data", "a:/a", "--data", "b:/b", "--trust-repo"])).toMatchObject({
      commands: ["python t.py"],
      data: [{ host: "a", container: "/a" }, { host: "b", container: "/b" }],
      trustRepo: true,
    });
    expect(() => parseCli(["audit", "x", "--gpus", "2"])).toThrow("--gpus takes one of auto, all, none, not '2'");
  });

  it("parses rules and ledger commands", () => {
    expect(parseCli(["rules", "explain", "paths-portable"])).toEqual({ command: "rules", action: "explain", id: "paths-portable", debug: false });
    expect(parseCli(["ledger", "--format", "json"])).toEqual({ command: "ledger", format: "json", debug: false });
  });
});
