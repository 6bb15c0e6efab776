// The bad-input corpus: every entry point a user or a repo feeds (flags, the user's --config, rule files,
// URLs and paths, the repo's own config), each wrong in its own way. Documented answer (README "Exit
// codes"): one line on stderr naming what was wrong and what to do, exit 2, no stack trace, nothing on
// stdout. The repo's own config is the exception by design: a broken one is a finding in a report (exit 0).
// (Leaderboard files belong to the batch command's own corpus.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliAsync, type CliResult } from "../support/cli.js";

const work = mkdtempSync(join(tmpdir(), "ra-bad-input-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const SAMPLE = new URL("../../samples/clean-solution/repo", import.meta.url).pathname;

function file(name: string, text: string): string {
  const path = join(work, name);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const RULE = (id: string, extra = "") =>
  `id: ${id}\ntitle: Require x\ncategory: code\nseverity: info\nweight: 1\nreason: never matters here.\ncheck:\n  family: inventory\n  where: { kind: skipped }\nmessage: "m"\n${extra}`;

/** A config naming one rule folder that holds the given rule files. */
function ruleConfig(name: string, rules: Record<string, string | { link: string }>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [fileName, content] of Object.entries(rules)) {
    if (typeof content === "string") writeFileSync(join(dir, fileName), content);
    else symlinkSync(content.link, join(dir, fileName));
  }
  return file(`${name}.yml`, `rules: [${dir}]\n`);
}

function expectOneLine(result: CliResult, words: string | RegExp, code = 2): void {
  expect(result.code, result.stderr).toBe(code);
  expect(result.stdout).toBe("");
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines, result.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^repro-audit: /);
  if (typeof words === "string") expect(lines[0]).toContain(words);
  else expect(lines[0]).toMatch(words);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

const audit = (...args: string[]) => runCliAsync(["audit", SAMPLE, "--stages", "static", "--format", "json", ...args]);

describe.concurrent("flags", () => {
  const cases: Array<[string, string[], string]> = [
    ["no source", ["audit"], "audit needs a repo URL or path"],
    ["two sources", ["audit", "a", "b"], "audit takes one repo, got 2"],
    ["unknown command", ["frobnicate"], "unknown command 'frobnicate'"],
    ["unknown flag", ["audit", SAMPLE, "--bogus"], "unknown option '--bogus'"],
    ["flag without value", ["audit", SAMPLE, "--epochs"], "--epochs"],
    ["rules explain without id", ["rules", "explain"], "rules explain needs a rule id"],
    ["rules explain unknown id", ["rules", "explain", "nope"], "no rule 'nope'"],
    ["ledger format", ["ledger", "--format", "xml"], "--format takes one of text, json"],
  ];
  for (const [name, argv, words] of cases) it(name, async () => expectOneLine(await runCliAsync(argv), words));

  const values: Array<[string, string, string]> = [
    ["--stages", "nope", "--stages takes a comma list"],
    ["--stages", "", "--stages takes a comma list"],
    ["--epochs", "-1", "--epochs takes a positive whole number"],
    ["--epochs", "1.5", "--epochs takes a positive whole number"],
    ["--epochs", "Infinity", "--epochs takes a positive whole number"],
    ["--pue", "0.5", "--pue cannot be below 1"],
    ["--pue", "9", "--pue cannot be above 3"],
    ["--intensity", "5000", "--intensity cannot be above 2000"],
    ["--intensity", "NaN", "--intensity takes a positive number"],
    ["--region", "ZZZ", "--region takes a two-letter country code"],
    ["--fail-under", "101", "--fail-under takes a number from 0 to 100"],
    ["--format", "xml", "--format takes one of text, json, md, sarif"],
    ["--data", "nocolon", "--data takes HOST:CONTAINER"],
    ["--data", "./in:relative", "--data takes HOST:CONTAINER"],
    ["--build-timeout", "0", "--build-timeout takes a positive number"],
    ["--epoch-timeout", "-5", "--epoch-timeout takes a positive number"],
    ["--engine", "docker2", "--engine takes one of auto, docker, podman"],
    ["--runtime", "vm", "--runtime takes one of container, host"],
    ["--gpus", "some", "--gpus takes one of auto, all, none"],
    ["--measure-epochs", "0", "--measure-epochs takes a positive whole number"],
    ["--batches", "x", "--batches takes a positive whole number"],
    ["--ref", "-x", "is not a valid branch, tag or commit name"],
    ["--ref", "a..b", "is not a valid branch, tag or commit name"],
    ["--ref", "line\nbreak", "is not a valid branch, tag or commit name"],
    ["--out", "/no/such/folder/r.json", "the folder /no/such/folder does not exist"],
    ["--out", "/tmp", "--out /tmp is a folder, not a file"],
  ];
  for (const [flag, value, words] of values)
    it(`${flag} ${JSON.stringify(value)}`, async () => expectOneLine(await audit(`${flag}=${value}`), words));
  it("a value that starts with a dash, given apart", async () =>
    expectOneLine(await audit("--epochs", "-1"), "--epochs takes a value; write --epochs=-1"));
});

describe.concurrent("the user's --config", () => {
  it("missing", async () => expectOneLine(await audit("--config", join(work, "nope.yml")), "does not exist"));
  it("a folder", async () => expectOneLine(await audit("--config", work), "is not a regular file"));
  it("a FIFO (never blocks)", async () => {
    const fifo = join(work, "fifo.yml");
    execFileSync("mkfifo", [fifo]);
    expectOneLine(await audit("--config", fifo), "is not a regular file");
  });
  it("a symlink", async () => {
    const link = join(work, "link.yml");
    symlinkSync(file("target.yml", "failUnder: 1\n"), link);
    expectOneLine(await audit("--config", link), "is a symbolic link");
  });
  it("over 256 KiB", async () =>
    expectOneLine(await audit("--config", file("big.yml", `# ${"x".repeat(300 * 1024)}\n`)), "is over 256 KiB"));
  it("not YAML", async () =>
    expectOneLine(await audit("--config", file("bad.yml", "train: [unclosed\n")), "is not valid YAML"));
  it("an unknown key", async () =>
    expectOneLine(await audit("--config", file("unknown.yml", "trian: {}\n")), "unknown property 'trian'"));
  it("a wrong type", async () =>
    expectOneLine(await audit("--config", file("type.yml", "train: { epochs: many }\n")), "/train/epochs"));
  it("an alias bomb", async () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(",")}]`,
      ),
    ].join("\n");
    expectOneLine(await audit("--config", file("bomb.yml", `${bomb}\n`)), "invalid config");
  });
  it("a missing rules folder", async () =>
    expectOneLine(
      await audit("--config", file("norules.yml", `rules: [${join(work, "missing-rules")}]\n`)),
      "cannot be read",
    ));
  it("a rules folder that is a file", async () =>
    expectOneLine(
      await audit("--config", file("filerules.yml", `rules: [${file("plain.txt", "x")}]\n`)),
      "cannot be read",
    ));
});

describe.concurrent("rule files in the user's rule folders", () => {
  it("not YAML", async () =>
    expectOneLine(await audit("--config", ruleConfig("r-yaml", { "x.yaml": "id: [x\n" })), "is not valid YAML"));
  it("a schema problem, with its pointer", async () =>
    expectOneLine(
      await audit(
        "--config",
        ruleConfig("r-schema", { "x.yaml": RULE("x").replace("severity: info", "severity: fatal") }),
      ),
      "/severity",
    ));
  it("an id that is not the file name", async () =>
    expectOneLine(
      await audit("--config", ruleConfig("r-id", { "x.yaml": RULE("y") })),
      "/id: must equal the file name 'x'",
    ));
  it("a regular expression that does not compile", async () =>
    expectOneLine(
      await audit(
        "--config",
        ruleConfig("r-regex", {
          "x.yaml": RULE("x").replace("where: { kind: skipped }", "where: { file: { matches: '(' } }"),
        }),
      ),
      "not a valid regular expression",
    ));
  it("a symlink to /dev/zero", async () =>
    expectOneLine(
      await audit("--config", ruleConfig("r-zero", { "x.yaml": { link: "/dev/zero" } })),
      "is a symbolic link",
    ));
  it("over 64 KiB", async () =>
    expectOneLine(
      await audit("--config", ruleConfig("r-big", { "x.yaml": `${RULE("x")}# ${"x".repeat(70 * 1024)}\n` })),
      "is over 64 KiB",
    ));
});

describe.concurrent("URLs and paths", () => {
  const sources: Array<[string, string | RegExp]> = [
    ["htps://github.com/o/r", "unsupported URL scheme 'htps'"],
    ["https://", "malformed URL 'https://'"],
    ["https:github.com/o/r", "malformed URL"],
    ["https://github.com", "no repository path"],
    ["ext::sh -c touch% /tmp/x", "remote-helper transport, which is not allowed"],
    ["--upload-pack=touch /tmp/x", /unknown option|looks like an option/],
    ["file:///no/such/repo", "no git repository at file:///no/such/repo"],
    ["https://127.0.0.1:9/o/r.git", "cannot reach https://127.0.0.1:9/o/r.git"],
    ["/no/such/folder", "no such file or folder: /no/such/folder"],
    [" ", "no repository given"],
  ];
  for (const [source, words] of sources) {
    it(JSON.stringify(source), async () =>
      expectOneLine(
        await runCliAsync([
          "audit",
          source,
          "--stages",
          "static",
          "--format",
          "json",
          "--cache-dir",
          join(work, "cache"),
        ]),
        words,
      ),
    );
  }
  it("a file, not a folder", async () =>
    expectOneLine(
      await runCliAsync(["audit", file("solo.py", "x = 1\n"), "--stages", "static", "--format", "json"]),
      "is a file, not a folder",
    ));
  it("an empty git repository", async () => {
    const empty = join(work, "empty-repo");
    mkdirSync(empty);
    execFileSync("git", ["init", "-q", empty]);
    expectOneLine(
      await runCliAsync(["audit", empty, "--stages", "static", "--format", "json"]),
      "is an empty git repository (no commits)",
    );
    expectOneLine(
      await runCliAsync([
        "audit",
        `file://${empty}`,
        "--stages",
        "static",
        "--format",
        "json",
        "--cache-dir",
        join(work, "cache"),
      ]),
      "is an empty repository (no commits)",
    );
  });
});

describe.concurrent("the repo's own .repro-audit.yml: a finding in a report, never a refused audit", () => {
  const configs: Array<[string, string]> = [
    ["not YAML", "train: [unclosed\n"],
    ["an unknown key", "trian: {}\n"],
    ["a wrong type", "train: { epochs: many }\n"],
    ["a list at the top", "- a\n- b\n"],
    ["binary junk", "\u0000\u0001\u0002"],
  ];
  for (const [name, text] of configs) {
    it(name, async () => {
      const root = join(work, `repo-config-${name.replace(/\W+/g, "-")}`);
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, "train.py"), "print(1)\n");
      writeFileSync(join(root, ".repro-audit.yml"), text);
      const result = await runCliAsync(["audit", root, "--stages", "static", "--format", "json"]);
      expect(result.code, result.stderr).toBe(0);
      const report = JSON.parse(result.stdout);
      const finding = report.findings.find(
        (f: { rule: string }) => f.rule === "execution-config-valid" || f.rule === "inventory-files-readable",
      );
      expect(finding, JSON.stringify(report.findings.map((f: { rule: string }) => f.rule))).toBeDefined();
    });
  }
});
