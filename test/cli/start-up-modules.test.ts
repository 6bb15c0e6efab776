// What a static audit loads: only what the static stage uses, so that a small audit's time is the audit's,
// not module loading (process runners, the git wrapper, the schema compiler, the spinner, the YAML parser).
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { makeRepo, tempDir } from "../clone/git-fixture.js";

const REGISTER = fileURLToPath(new URL("../support/module-log/register.mjs", import.meta.url));
const SAMPLES = fileURLToPath(new URL("../../samples/", import.meta.url));
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The packages under node_modules that one run of the built CLI loaded, by name. */
function packagesLoaded(args: string[]): string[] {
  const dir = tempDir();
  dirs.push(dir);
  const log = join(dir, "modules.txt");
  const run = spawnSync(process.execPath, ["--import", REGISTER, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", MODULE_LOG: log },
  });
  expect(run.status, run.stderr).toBe(0);
  expect(existsSync(log)).toBe(true);
  const names = readFileSync(log, "utf8")
    .split("\n")
    .map((url) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1])
    .filter((name): name is string => Boolean(name));
  return [...new Set(names)].sort();
}

/** Never needed by a static audit; the YAML parser only when the repo holds YAML (a branch's config). */
const NOT_FOR_STATIC = ["execa", "simple-git", "ajv", "ora"];
const NOT_WITHOUT_YAML = [...NOT_FOR_STATIC, "js-yaml"];

describe("modules a static audit loads", () => {
  it("a git repository with branches: no process runner, git wrapper, schema compiler or spinner", () => {
    const repo = tempDir();
    dirs.push(repo);
    makeRepo(repo);
    const loaded = packagesLoaded(["audit", repo, "--stages", "static", "--format", "json"]);
    expect(loaded.filter((name) => NOT_FOR_STATIC.includes(name))).toEqual([]);
  });

  it("a plain folder without YAML files: nor the YAML parser (the shipped rules are built with the package)", () => {
    const loaded = packagesLoaded(["audit", join(SAMPLES, "clean-solution/repo"), "--stages", "static"]);
    expect(loaded.filter((name) => NOT_WITHOUT_YAML.includes(name))).toEqual([]);
  });

  it("a folder without Python files: nor the Python parser (its grammar is loaded when a file needs a parse)", () => {
    const repo = tempDir();
    dirs.push(repo);
    writeFileSync(join(repo, "README.md"), "# Solution\n\nRun `bash train.sh`.\n");
    writeFileSync(join(repo, "requirements.txt"), "numpy==1.26.4\n");
    const loaded = packagesLoaded(["audit", repo, "--stages", "static"]);
    expect(loaded.filter((name) => [...NOT_WITHOUT_YAML, "web-tree-sitter"].includes(name))).toEqual([]);
  });

  it("--version loads no package at all", () => {
    expect(packagesLoaded(["--version"])).toEqual([]);
  });
});
