import { describe, expect, it } from "vitest";
import { parseCli } from "../../src/cli/args.js";
import { oneLine } from "../../src/model/errors.js";

/** The one line a user reads for a bad command line. */
function lineFor(argv: string[]): string {
  try {
    parseCli(argv);
  } catch (error) {
    return oneLine(error);
  }
  return "";
}

describe("parseCli", () => {
  it("lock takes --force beside --out, off unless given", () => {
    expect(parseCli(["lock", "./repo", "--out", "r.lock", "--force"])).toEqual({
      command: "lock",
      source: "./repo",
      out: "r.lock",
      force: true,
      debug: false,
    });
    expect(parseCli(["lock", "./repo", "--out", "r.lock"])).toEqual({
      command: "lock",
      source: "./repo",
      out: "r.lock",
      force: false,
      debug: false,
    });
  });

  it("parses an audit with its options", () => {
    expect(
      parseCli([
        "audit",
        "https://github.com/o/r",
        "--format",
        "json",
        "--stages",
        "static,build",
        "--fail-under",
        "70",
        "--data",
        "./in:/kaggle/input",
        "--region",
        "fr",
      ]),
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
    [
      ["audit", "x", "--stages", "static,train"],
      "--stages takes a comma list of static, resolve, build, epoch, not 'static,train'",
    ],
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
    expect(
      parseCli(["audit", "x", "--train", "python t.py", "--data", "a:/a", "--data", "b:/b", "--trust-repo"]),
    ).toMatchObject({
      commands: ["python t.py"],
      data: [
        { host: "a", container: "/a" },
        { host: "b", container: "/b" },
      ],
      trustRepo: true,
    });
    expect(() => parseCli(["audit", "x", "--gpus", "2"])).toThrow("--gpus takes one of auto, all, none, not '2'");
  });

  it("parses rules, ledger, init, cache and report commands", () => {
    expect(parseCli(["rules", "explain", "paths-portable"])).toEqual({
      command: "rules",
      action: "explain",
      id: "paths-portable",
      format: "text",
      debug: false,
    });
    expect(parseCli(["rules", "list", "--format", "json"])).toEqual({
      command: "rules",
      action: "list",
      format: "json",
      debug: false,
    });
    expect(parseCli(["ledger", "--format", "json"])).toEqual({ command: "ledger", format: "json", debug: false });
    expect(parseCli(["init", "--force"])).toEqual({ command: "init", force: true, stdout: false, debug: false });
    expect(parseCli(["init", "repo", "--stdout"])).toEqual({
      command: "init",
      force: false,
      stdout: true,
      dir: "repo",
      debug: false,
    });
    expect(parseCli(["cache", "clean", "--cache-dir", "/tmp/c"])).toEqual({
      command: "cache",
      action: "clean",
      cacheDir: "/tmp/c",
      debug: false,
    });
    expect(
      parseCli(["report", "r.json", "--format", "md", "--quiet", "--fail-under", "60", "--max-warnings", "3"]),
    ).toEqual({
      command: "report",
      file: "r.json",
      format: "md",
      quiet: true,
      failUnder: 60,
      maxWarnings: 3,
      debug: false,
    });
  });

  it("parses the audit's output flags and its quieting tunables", () => {
    expect(
      parseCli([
        "audit",
        "x",
        "--baseline",
        "b.json",
        "--quiet",
        "--explain-score",
        "--max-warnings",
        "0",
        "--exclude",
        "vendor/**",
        "--exclude",
        "*.pyc",
      ]),
    ).toMatchObject({
      baseline: "b.json",
      quiet: true,
      explainScore: true,
      maxWarnings: 0,
      exclude: ["vendor/**", "*.pyc"],
    });
    expect(() => parseCli(["audit", "x", "--max-warnings=-1"])).toThrow(
      "--max-warnings takes a whole number from 0, not '-1'",
    );
  });

  it("answers --help for any command and names the nearest command or flag when one is mistyped", () => {
    expect(parseCli(["rules", "--help"])).toEqual({ command: "help", topic: "rules", debug: false });
    expect(lineFor(["audti", "x"])).toBe(
      "repro-audit: unknown command 'audti'. Did you mean audit? Run repro-audit --help for the commands",
    );
    expect(lineFor(["audit", "x", "--foramt", "json"])).toBe(
      "repro-audit: unknown option '--foramt'. Did you mean --format? Run repro-audit --help for the options",
    );
    expect(lineFor(["rules", "lst"])).toContain("Did you mean list?");
    expect(lineFor(["audit", "x", "--zzzzzz"])).toBe(
      "repro-audit: unknown option '--zzzzzz'. Run repro-audit --help for the options",
    );
  });
});

describe("command names", () => {
  it("takes a name an object inherits (valueOf, constructor, __proto__) as an unknown command, one line, exit 2", () => {
    for (const name of ["valueOf", "constructor", "__proto__", "toString"]) {
      expect(() => parseCli([name])).toThrow(/unknown command/);
    }
  });
});
