// The hostile-repo corpus for the static audit, made here in a temp folder: links out of the repo (files,
// folders, absolute, ..), links in rule folders and configs, FIFOs and device links, a sparse file of several
// hundred MB, invalid UTF-8/UTF-16, binary .py, truncated notebooks, YAML alias bombs, a 200-deep tree,
// 50,000 small files, .gitmodules with ext::/file://, .gitattributes filters, names with newlines and invalid
// UTF-8, a multi-MB README. Each case runs the real bin (`--stages static --format json`) and must:
//   - finish (exit 0) with a report, under MEMORY_BOUND of peak RSS (the child's own, from getrusage);
//   - read nothing outside the repo: the canary's content never appears in the report or on stderr;
//   - execute nothing: bait files that would leave a marker if run (setup.py, conftest.py, a smudge filter,
//     an ext:: submodule) leave none;
//   - report what it skipped: the paths it could not read are named by inventory-files-readable.
import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  ftruncateSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";
import { commitAll, git } from "../clone/git-fixture.js";

/** Peak resident memory a static audit of any case may reach. */
const MEMORY_BOUND_MB = 768;
const work = mkdtempSync(join(tmpdir(), "ra-hostile-"));
const outside = join(work, "outside");
const markers = join(work, "markers");
const CANARY = `canary-${process.pid}-7e1f0c`;
const rssProbe = join(work, "rss.cjs");

beforeAll(() => {
  mkdirSync(outside);
  mkdirSync(markers);
  writeFileSync(join(outside, "secret.txt"), `${CANARY}\n`);
  writeFileSync(join(outside, "secret.py"), `TOKEN = "${CANARY}"\n`);
  writeFileSync(join(outside, "secret.yml"), `train:\n  epochs: 3\n${CANARY}: 1\n`);
  writeFileSync(join(outside, "rule.yaml"), `id: ${CANARY}\n`);
  writeFileSync(
    rssProbe,
    `process.on("exit", () => require("fs").writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n`,
  );
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Files that leave a marker if anything runs them. */
function bait(root: string): void {
  const mark = (name: string) => `open(${JSON.stringify(join(markers, name))}, "w").write("ran")\n`;
  writeFileSync(join(root, "setup.py"), mark("setup.py"));
  writeFileSync(join(root, "conftest.py"), mark("conftest.py"));
  writeFileSync(join(root, "sitecustomize.py"), mark("sitecustomize.py"));
  writeFileSync(join(root, "train.py"), `import numpy\n${mark("train.py")}`);
  writeFileSync(join(root, "README.md"), "# Solution\n\nTrain: `python train.py`\n");
}

interface Audit {
  code: number;
  report: { findings: Array<{ rule: string; message: string; locations?: Array<{ file?: string }> }>; notes: string[] };
  stdout: string;
  stderr: string;
  rssMB: number;
  seconds: number;
}

function audit(source: string, extraEnv: Record<string, string> = {}, args: string[] = []): Promise<Audit> {
  const rssOut = join(work, `rss-${Math.random().toString(16).slice(2)}`);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--require",
        rssProbe,
        BIN,
        "audit",
        source,
        "--stages",
        "static",
        "--format",
        "json",
        "--cache-dir",
        join(work, "cache"),
        ...args,
      ],
      {
        env: { ...process.env, NO_COLOR: "1", RSS_OUT: rssOut, ...extraEnv },
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 170_000,
      },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const seconds = (performance.now() - started) / 1000;
      let report: Audit["report"];
      try {
        report = JSON.parse(stdout);
      } catch {
        reject(new Error(`no JSON report (exit ${code}): ${stderr.slice(0, 500)}`));
        return;
      }
      resolve({
        code: code ?? -1,
        report,
        stdout,
        stderr,
        rssMB: Number(readFileSync(rssOut, "utf8")) / 1024,
        seconds,
      });
    });
  });
}

const skippedFiles = (a: Audit) =>
  a.report.findings
    .filter((f) => f.rule === "inventory-files-readable")
    .flatMap((f) => (f.locations ?? []).map((l) => l.file ?? ""));

/** The checks every case must pass. */
function expectContained(a: Audit): void {
  console.log(`peak RSS ${a.rssMB.toFixed(0)} MB, ${a.seconds.toFixed(1)} s`);
  expect(a.code, a.stderr).toBe(0);
  expect(a.rssMB, `peak RSS ${a.rssMB.toFixed(0)} MB`).toBeLessThan(MEMORY_BOUND_MB);
  expect(a.stdout).not.toContain(CANARY);
  expect(a.stderr).not.toContain(CANARY);
  expect(readdirSync(markers)).toEqual([]);
}

function repo(name: string): string {
  const root = join(work, name);
  mkdirSync(root, { recursive: true });
  bait(root);
  return root;
}

function sparse(path: string, bytes: number): void {
  const fd = openSync(path, "w");
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

describe("hostile-repo corpus (static audit)", () => {
  it("symlinks out of the repo as files: absolute and ..", async () => {
    const root = repo("links-files");
    symlinkSync(join(outside, "secret.py"), join(root, "leak.py"));
    symlinkSync("../outside/secret.txt", join(root, "notes.txt"));
    symlinkSync("../../../../../../../../etc/passwd", join(root, "passwd.cfg"));
    const a = await audit(root);
    expectContained(a);
    expect(skippedFiles(a)).toEqual(expect.arrayContaining(["leak.py", "notes.txt", "passwd.cfg"]));
  });

  it("symlinks out of the repo as folders, and a loop", async () => {
    const root = repo("links-dirs");
    symlinkSync(outside, join(root, "data"));
    symlinkSync("..", join(root, "up"));
    symlinkSync(".", join(root, "self"));
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "src", "model.py"), "import data.secret\nopen('data/secret.txt')\n");
    const a = await audit(root);
    expectContained(a);
    expect(skippedFiles(a)).toEqual(expect.arrayContaining(["data", "up"]));
  });

  it("links in the config and in rule folders, without --trust-repo", async () => {
    const root = repo("links-config");
    symlinkSync(join(outside, "secret.yml"), join(root, ".repro-audit.yml"));
    mkdirSync(join(root, "rules-in"));
    symlinkSync(join(outside, "rule.yaml"), join(root, "rules-in", "x.yaml"));
    symlinkSync(outside, join(root, "rules-out"));
    writeFileSync(join(root, "config.yaml"), "rules: [rules-in, rules-out]\n");
    const a = await audit(root);
    expectContained(a);
    expect(a.report.findings.find((f) => f.rule === "execution-config-valid")?.message).toContain(
      "symlink pointing outside the repo",
    );
  });

  it("FIFOs (named like the files the audit reads) and links to devices", async () => {
    const root = repo("fifos");
    for (const name of ["requirements.txt", "pipe.py", "environment.yml"]) execFileSync("mkfifo", [join(root, name)]);
    symlinkSync("/dev/zero", join(root, "zero.py"));
    symlinkSync("/dev/urandom", join(root, "Pipfile"));
    symlinkSync("/dev/stdin", join(root, "pyproject.toml"));
    const a = await audit(root);
    expectContained(a);
    expect(skippedFiles(a)).toEqual(
      expect.arrayContaining([
        "requirements.txt",
        "pipe.py",
        "environment.yml",
        "zero.py",
        "Pipfile",
        "pyproject.toml",
      ]),
    );
  });

  it("a sparse file of several hundred MB, as data and as code, and a multi-MB README", async () => {
    const root = repo("big");
    sparse(join(root, "weights.bin"), 600 * 1024 * 1024);
    sparse(join(root, "huge.py"), 400 * 1024 * 1024);
    writeFileSync(
      join(root, "README.md"),
      `# Solution\n\n${"Run `python train.py --epochs 3` after `pip install -r requirements.txt`.\n\n```bash\npython train.py\n```\n".repeat(25_000)}`,
    );
    writeFileSync(join(root, "GUIDE.md"), `${"word ".repeat(1_200_000)}\n`);
    const a = await audit(root);
    expectContained(a);
    expect(skippedFiles(a)).toEqual(expect.arrayContaining(["huge.py", "GUIDE.md"]));
  });

  it("invalid UTF-8 and UTF-16, binary .py, truncated notebooks", async () => {
    const root = repo("encodings");
    writeFileSync(join(root, "latin.py"), Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0xff, 0xfe, 0x22, 0x0a]));
    writeFileSync(
      join(root, "wide.py"),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("import os\nprint(1)\n", "utf16le")]),
    );
    writeFileSync(join(root, "blob.py"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    const notebook = JSON.stringify({
      cells: [{ cell_type: "code", source: ["import numpy as np\n", "x = np.zeros(3)\n"] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    writeFileSync(join(root, "half.ipynb"), notebook.slice(0, notebook.length / 2));
    writeFileSync(join(root, "empty.ipynb"), "");
    writeFileSync(join(root, "nocells.ipynb"), '{"cells": 3}');
    const a = await audit(root);
    expectContained(a);
    expect(skippedFiles(a)).toEqual(expect.arrayContaining(["latin.py", "wide.py", "blob.py", "half.ipynb"]));
  });

  it("YAML alias bombs in a config, the conda spec and the repo's own .repro-audit.yml", async () => {
    const root = repo("alias-bombs");
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(",")}]`,
      ),
    ].join("\n");
    writeFileSync(join(root, "config.yaml"), `${bomb}\n`);
    writeFileSync(join(root, "environment.yml"), `name: x\n${bomb}\ndependencies: *j\n`);
    writeFileSync(join(root, ".repro-audit.yml"), `${bomb.replace(/^a:/, "x:")}\ntrain:\n  commands: *j\n`);
    const a = await audit(root);
    expectContained(a);
    expect(a.seconds).toBeLessThan(120);
  });

  it("a 200-deep tree", async () => {
    const root = repo("deep");
    let dir = root;
    for (let i = 0; i < 200; i++) dir = join(dir, "d");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "bottom.py"), "import secret_thing\n");
    const a = await audit(root);
    expectContained(a);
    expect(skippedFiles(a).some((f) => f.startsWith("d/d/d/") && f.split("/").length > 60)).toBe(true);
  });

  it("50,000 small files", async () => {
    const root = repo("many");
    for (let d = 0; d < 100; d++) {
      const folder = join(root, "data", `part${d}`);
      mkdirSync(folder, { recursive: true });
      for (let f = 0; f < 500; f++) writeFileSync(join(folder, `${f}.txt`), "x\n");
    }
    const a = await audit(root);
    expectContained(a);
  });

  it("names with newlines and invalid UTF-8", async () => {
    const root = repo("names");
    writeFileSync(join(root, "new\nline.py"), "print(undefined_thing)\n");
    writeFileSync(join(root, "tab\there.txt"), "x\n");
    writeFileSync(
      Buffer.concat([Buffer.from(`${root}/bad-`), Buffer.from([0xff, 0xfe]), Buffer.from(".py")]),
      "x = (\n",
    );
    const a = await audit(root);
    expectContained(a);
    expect(JSON.stringify(a.report)).toContain("new\\nline.py");
  });

  it("a git repo with .gitmodules naming ext:: and file:// submodules and a .gitattributes filter, audited by file:// URL", async () => {
    const root = repo("git-tricks");
    git(root, "init", "-q");
    writeFileSync(
      join(root, ".gitmodules"),
      `[submodule "x"]\n\tpath = x\n\turl = ext::sh -c touch% ${join(markers, "ext-ran")}\n[submodule "y"]\n\tpath = y\n\turl = file://${outside}\n`,
    );
    writeFileSync(join(root, ".gitattributes"), "* filter=evil\n");
    git(root, "update-index", "--add", "--cacheinfo", `160000,${"a".repeat(40)},x`);
    git(root, "update-index", "--add", "--cacheinfo", `160000,${"b".repeat(40)},y`);
    commitAll(root, "tricks");
    const home = join(work, "home");
    mkdirSync(home, { recursive: true });
    writeFileSync(
      join(home, ".gitconfig"),
      `[filter "evil"]\n\tsmudge = \"sh -c 'touch ${join(markers, "filter-ran")}; cat'\"\n\tclean = cat\n[protocol "ext"]\n\tallow = always\n[submodule]\n\trecurse = true\n`,
    );
    const a = await audit(`file://${root}`, { HOME: home });
    expectContained(a);
    const local = await audit(root, { HOME: home });
    expectContained(local);
  });
});
