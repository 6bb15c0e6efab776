// The Action's run from today's sources (in process, on a real git repo and real runner files) beside the built
// CLI: the same settings gate one report the same way, and a malformed baseline is the same one line, exit 2.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "../../src/action/run.js";
import { inputVariable } from "../../src/action/inputs.js";
import { runCli } from "../support/cli.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=Sample", "-c", "user.email=sample@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "utf8" },
  );

let temp: string;
let repo: string;
beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), "action-run-"));
  repo = join(temp, "solution");
  mkdirSync(repo);
  git(repo, "init", "-q", "-b", "main");
  // An error (a file that does not parse, run by every install) and warnings (unpinned packages).
  writeFileSync(join(repo, "README.md"), "# solution\n\n```\npip install -r requirements.txt\npython train.py\n```\n");
  writeFileSync(join(repo, "requirements.txt"), "numpy\npandas\n");
  writeFileSync(join(repo, "train.py"), "import numpy\nimport pandas\nprint('train')\n");
  writeFileSync(join(repo, "setup.py"), "def f(:\n    pass\n");
  git(repo, "add", "-A");
  git(repo, "commit", "-qm", "solution");
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The Action on `repo` with these inputs, from another repository's workflow (so not trusted, as the CLI's default). */
async function action(inputs: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  const runner = mkdtempSync(join(temp, "runner-"));
  const env: Record<string, string> = {
    GITHUB_WORKSPACE: repo,
    GITHUB_REPOSITORY: "host/competition",
    RUNNER_TEMP: runner,
    GITHUB_OUTPUT: join(runner, "output"),
    GITHUB_STEP_SUMMARY: join(runner, "summary"),
  };
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value;
  const lines: string[] = [];
  const code = await runAction(env, (line) => void lines.push(line));
  return { code, lines };
}

/** The Action's own ::error sentences (not its findings' annotations) and the CLI's stderr lines, each less the prefix its caller writes. */
const actionErrors = (lines: string[]) =>
  lines
    .flatMap((l) => l.split("\n"))
    .filter((l) => l.startsWith("::error title=repro-audit::"))
    .map((l) => l.slice("::error title=repro-audit::".length));
const cliErrors = (stderr: string) =>
  stderr
    .split("\n")
    .filter((l) => l.startsWith("repro-audit: "))
    .map((l) => l.slice("repro-audit: ".length));

describe("the Action and the CLI gate one report the same way", () => {
  it("with the gates in the user's config: the same failed gates, in the same words, exit 1 in both", async () => {
    const config = join(temp, "ci.yml");
    writeFileSync(config, "failUnder: 100\nmaxWarnings: 0\nfailOn: warning\n");
    const fromAction = await action({ config });
    const fromCli = runCli(["audit", repo, "--config", config, "--stages", "static", "--format", "json"]);
    expect(fromAction.code).toBe(1);
    expect(fromCli.code).toBe(1);
    const failed = actionErrors(fromAction.lines);
    expect(failed).toHaveLength(3);
    expect(failed.every((t) => t.includes(`(${config} `))).toBe(true);
    expect(cliErrors(fromCli.stderr)).toEqual(failed);
  });

  it("with the gates as inputs and flags: the same verdict, each naming the setting in its caller's words", async () => {
    const fromAction = await action({ "fail-under": "0", "max-warnings": "0", "fail-on": "never" });
    const fromCli = runCli([
      "audit",
      repo,
      "--fail-under",
      "0",
      "--max-warnings",
      "0",
      "--fail-on",
      "never",
      "--stages",
      "static",
      "--format",
      "json",
    ]);
    expect([fromAction.code, fromCli.code]).toEqual([1, 1]);
    const failed = actionErrors(fromAction.lines);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/more than max-warnings 0 \(input max-warnings\)$/);
    expect(cliErrors(fromCli.stderr)).toEqual(failed.map((t) => t.replace("(input max-warnings)", "(--max-warnings)")));
  });
});

describe("a malformed baseline", () => {
  it("is the same one line in the CLI and the Action, naming the JSON pointer, exit 2", async () => {
    const baseline = join(temp, "old.json");
    // What an older, lenient reader took: a findings list and the tool's name, but not a report.
    writeFileSync(baseline, JSON.stringify({ tool: { name: "repro-audit" }, findings: [] }));
    const fromAction = await action({ baseline });
    const fromCli = runCli(["audit", repo, "--baseline", baseline, "--stages", "static", "--format", "json"]);
    expect([fromAction.code, fromCli.code]).toEqual([2, 2]);
    const actionLine = actionErrors(fromAction.lines);
    const cliLine = cliErrors(fromCli.stderr);
    expect(actionLine).toHaveLength(1);
    expect(cliLine).toHaveLength(1);
    expect(actionLine[0]).toMatch(new RegExp(`^input 'baseline' ${baseline} is not a valid report: /`));
    expect(cliLine[0]).toBe(actionLine[0]!.replace("input 'baseline'", "--baseline"));
  });
});
