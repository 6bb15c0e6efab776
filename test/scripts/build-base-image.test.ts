// The local base image holds what real solutions' installs and imports take for granted on a full image: git for
// pip's `git+` requirements, and the system libraries opencv-python's cv2 loads (libGL.so.1, libgthread), proved
// in an image built FROM it, with the audit's own import probe.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa, type Result } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportsFact } from "../../src/model/fact-types.js";
import type { Engine } from "../../src/provision/engine.js";
import { probeImage } from "../../src/provision/probe.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { buildWheel } from "../support/package-index.js";

const run = await requireEngine();
const engine: Engine = { name: "docker", bin: "docker" };
const TAG = `repro-audit-test/base-check:${process.pid}`;

// What cv2 loads from the system when it is imported: a headless opencv needs no libGL, so it would prove nothing.
const LOADS_LIKE_CV2 = "import ctypes\nctypes.CDLL('libGL.so.1')\nctypes.CDLL('libgthread-2.0.so.0')\n";

describe.skipIf(!run)(`the local base image (${BASE_IMAGE})`, () => {
  let dir: string;
  let built: Result;
  let probe: Awaited<ReturnType<typeof probeImage>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "repro-audit-base-image-"));
    const wheel = buildWheel({ name: "loadsgl", version: "1.0", source: LOADS_LIKE_CV2 });
    writeFileSync(join(dir, wheel.filename), wheel.bytes);
    // A package pip can fetch only with git: a real git repo, named by a git+file URL.
    const pkg = join(dir, "vcspkg");
    mkdirSync(pkg);
    writeFileSync(
      join(pkg, "setup.py"),
      'from setuptools import setup\nsetup(name="vcspkg", version="1.0", py_modules=["vcspkg"])\n',
    );
    writeFileSync(join(pkg, "vcspkg.py"), "ANSWER = 42\n");
    const git = (...args: string[]) =>
      execa("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: pkg });
    await git("init", "-q");
    await git("add", "-A");
    await git("commit", "-q", "-m", "vcspkg 1.0");
    writeFileSync(
      join(dir, "Dockerfile"),
      [
        `FROM ${BASE_IMAGE}`,
        `COPY ${wheel.filename} /tmp/`,
        "COPY vcspkg /tmp/vcspkg",
        `RUN python3 -m pip install --no-cache-dir --no-index /tmp/${wheel.filename}`,
        // Offline: the image's own setuptools builds it; pip clones the repo with git, or says it cannot find git
        // (kept going, so the image is built for the other check either way).
        "RUN python3 -m pip install --no-cache-dir --no-index --no-build-isolation git+file:///tmp/vcspkg || true",
        "",
      ].join("\n"),
    );
    built = await execa("docker", ["build", "-t", TAG, dir], { reject: false, all: true });
    const first = { file: "train.py", line: 1 } as ImportsFact;
    const target = { image: TAG, user: "65534:65534", keepEntrypoint: false, python: "python3" };
    probe = await probeImage(engine, target, [
      { module: "vcspkg", how: "import", files: ["train.py"], first },
      { module: "loadsgl", how: "import", files: ["train.py"], first },
    ]);
  });
  const verdict = (module: string) => probe.modules.find((m) => m.module === module);
  afterAll(async () => {
    if (run) await execa("docker", ["image", "rm", "-f", TAG], { reject: false });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("installs a git+ requirement: pip finds git", () => {
    expect(built.exitCode).toBe(0);
    expect(built.all).not.toContain("Cannot find command 'git'");
    expect(verdict("vcspkg")).toMatchObject({ ok: true });
  });

  it("imports a module that loads libGL.so.1 and libgthread as cv2 does, in the audit's sealed probe", () => {
    expect(probe.ran).toBe(true);
    expect(verdict("loadsgl")).toEqual({ module: "loadsgl", ok: true, files: ["train.py"] });
  });
});
