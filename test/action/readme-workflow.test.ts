// The README's Action section as a user copies it: the workflow uses declared inputs and outputs with the
// permissions SARIF upload needs, the tables list every input and output, and the badge step publishes.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { OUTPUT_NAMES } from "../../src/action/outputs.js";
import { readActionYml, type ActionStep } from "../support/action-runner.js";

const action = readActionYml();
const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const start = readme.indexOf("## GitHub Action");
const section = readme.slice(start, readme.indexOf("\n## ", start + 5));
const yamlBlocks = [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1]!);

interface Workflow {
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Array<ActionStep & { with?: Record<string, unknown>; if?: string }> }>;
}

describe("README workflow", () => {
  const workflow = yaml.load(yamlBlocks[0]!) as Workflow;
  const steps = Object.values(workflow.jobs)[0]!.steps;

  it("checks out every branch, runs the action with declared inputs, uploads its SARIF with security-events: write", () => {
    expect(workflow.permissions).toEqual({ contents: "read", "security-events": "write" });
    expect(steps[0]).toMatchObject({ uses: "actions/checkout@v4", with: { "fetch-depth": 0 } });
    const audit = steps.find((s) => s.id === "audit")!;
    // The action's own repository, as package.json names it, at a ref that exists (no placeholder).
    expect(audit.uses).toBe("repro-audit/repro-audit@main");
    for (const name of Object.keys(audit.with ?? {})) expect(Object.keys(action.inputs), name).toContain(name);
    const upload = steps.find((s) => s.uses === "github/codeql-action/upload-sarif@v3")!;
    expect(upload.with).toEqual({ sarif_file: "${{ steps.audit.outputs.sarif-path }}", category: "repro-audit" });
    expect(upload.if).toContain("!cancelled()");
  });

  it("names only outputs the action declares", () => {
    for (const [, name] of section.matchAll(/steps\.audit\.outputs\.([a-z0-9-]+)/g))
      expect(OUTPUT_NAMES as readonly string[], name).toContain(name);
  });

  it("lists every input with its default and every output", () => {
    const rows = section.split("\n");
    for (const [name, spec] of Object.entries(action.inputs)) {
      const row = rows.find((line) => line.startsWith(`| \`${name}\` |`));
      expect(row, name).toBeDefined();
      expect(row, name).toContain(spec.default === "" ? "| (none) |" : `| \`${spec.default}\` |`);
    }
    for (const name of OUTPUT_NAMES)
      expect(
        rows.some((line) => line.startsWith(`| \`${name}\` |`)),
        name,
      ).toBe(true);
  });
});

describe("README badge step", () => {
  const step = (yaml.load(yamlBlocks[1]!) as ActionStep[])[0]!;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.name=T", "-c", "user.email=t@example.org", ...args], {
      cwd,
      encoding: "utf8",
    }).trim();

  it("publishes the badge JSON on a badges branch, once per change, leaving the working tree alone", () => {
    expect(step.env).toEqual({ BADGE: "${{ steps.audit.outputs.badge-path }}" });
    const temp = mkdtempSync(join(tmpdir(), "readme-badge-"));
    const origin = join(temp, "origin.git");
    execFileSync("git", ["init", "-q", "--bare", "-b", "main", origin]);
    const work = join(temp, "work");
    execFileSync("git", ["clone", "-q", origin, work], { stdio: "ignore" });
    writeFileSync(join(work, "README.md"), "# solution\n");
    git(work, "add", "-A");
    git(work, "commit", "-qm", "solution");
    git(work, "push", "-q", "origin", "HEAD:main");
    const badge = join(temp, "badge.json");
    const publish = (message: string) => {
      writeFileSync(badge, `${JSON.stringify({ schemaVersion: 1, label: "repro-audit", message, color: "green" })}\n`);
      execFileSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
        cwd: work,
        env: { ...process.env, BADGE: badge, RUNNER_TEMP: temp },
        stdio: "pipe",
      });
    };
    const shown = () => JSON.parse(git(origin, "show", "badges:repro-audit.json")).message as string;
    const commits = () => Number(git(origin, "rev-list", "--count", "badges"));

    publish("80/100");
    expect(shown()).toBe("80/100");
    expect(git(origin, "ls-tree", "--name-only", "badges")).toBe("repro-audit.json");
    publish("80/100");
    expect(commits()).toBe(1);
    publish("85/100");
    expect(shown()).toBe("85/100");
    expect(commits()).toBe(2);
    expect(git(work, "status", "--porcelain")).toBe("");
    expect(git(origin, "rev-parse", "main")).toBe(git(work, "rev-parse", "HEAD"));
  });
});
