// Container tests (real engine, real local index, both local base images). A spec that pins one wheel by URL tagged
// cp39 and states nothing else builds on the local Python 3.9 image the user named beside the 3.11 one, with the
// pinned version, and the image's own `python --version` says 3.9. With no image named, the engine's labelled local
// images stand in for a base the engine lacks; the audit's own images are never among them.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { imageExists } from "../../src/provision/engine.js";
import { listLocalBases, readImageList, type NamedBase } from "../../src/provision/local-bases.js";
import { BASE_IMAGE, PY39_IMAGE, requirePy39Base } from "../support/engine.js";
import { startLocalIndex, type LocalIndex } from "../support/package-index.js";
import { commitAll, git, writeFiles } from "../clone/git-fixture.js";

const run = await requirePy39Base();
const DOCKER = { name: "docker", bin: "docker" } as const;

describe("readImageList", () => {
  it("names each tagged image once, never an untagged one or one the audit built (docker's and podman's spelling)", () => {
    const listed = [
      "repro-audit/python-base:bullseye-git-gl",
      "repro-audit/env:25b3f38612d03ee6",
      "localhost/repro-audit/env:0123456789abcdef",
      "<none>:<none>",
      "mine/base:<none>",
      "localhost/mine/py:3.8",
      "repro-audit/python-base:bullseye-git-gl",
      "",
    ].join("\n");
    expect(readImageList(listed)).toEqual(["repro-audit/python-base:bullseye-git-gl", "localhost/mine/py:3.8"]);
  });
});

describe.skipIf(!run)("listLocalBases on the real engine", () => {
  const suffix = `${process.pid}-${Date.now()}`;
  const mine = `repro-audit-test/labelled:${suffix}`;
  const audits = `repro-audit/env:test${suffix}`;
  let listed: NamedBase[];

  /** A labelled image made from the base image with no new layer, as build-base-image.sh labels an older one. */
  const label = (tag: string, python: string) =>
    execa("docker", ["build", "-q", "-t", tag, "-"], {
      input: `FROM ${BASE_IMAGE}\nLABEL org.repro-audit.python=${python}\n`,
      env: { DOCKER_BUILDKIT: "0" },
    });

  beforeAll(async () => {
    await label(mine, "3.7");
    // What a repo's own Dockerfile may write, on an image the audit built: never a base.
    await label(audits, "3.8");
    listed = await listLocalBases(DOCKER);
  });

  afterAll(async () => {
    await execa("docker", ["image", "rm", "-f", mine, audits], { reject: false });
  });

  it("lists the labelled images with the Python each label states", () => {
    expect(listed).toContainEqual({ image: mine, python: "3.7", micromamba: false });
    expect(listed).toContainEqual({ image: BASE_IMAGE, python: "3.11", micromamba: false });
    expect(listed).toContainEqual({ image: PY39_IMAGE, python: "3.9", micromamba: false });
  });

  it("never lists an image the audit built, whatever label it carries", () => {
    expect(listed.map((b) => b.image)).not.toContain(audits);
    expect(listed.filter((b) => b.image.startsWith("repro-audit/env:"))).toEqual([]);
  });
});

describe.skipIf(!run)("a spec pinning a cp39 wheel by URL, with Python 3.9 and 3.11 local bases named", () => {
  let dir: string;
  let index: LocalIndex;
  let result: BuildStageResult;
  let wheelUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "repro-audit-local-bases-"));
    index = await startLocalIndex([{ name: "tinypkg", version: "1.3.7", pythonTag: "cp39" }]);
    wheelUrl = `${index.url.replace(/\/simple$/, "")}/files/tinypkg-1.3.7-cp39-none-any.whl`;
    const repo = join(dir, "repo");
    execFileSync("git", ["init", "-q", "-b", "main", repo]);
    writeFileSync(join(repo, "requirements.txt"), `tinypkg @ ${wheelUrl}\n`);
    writeFileSync(join(repo, "train.py"), "import tinypkg\nprint(tinypkg.__version__)\n");
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", ...args], {
        env: { ...process.env, HOME: dir, GIT_CONFIG_NOSYSTEM: "1" },
      });
    git("add", "-A");
    git("commit", "-q", "-m", "solution");
    git("branch", "experiments");
    const view = await walkRepo(repo);
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    result = await runBuildStage({
      root: repo,
      view,
      facts,
      outDir: join(dir, "out"),
      engine: "auto",
      timeoutSeconds: 600,
      handleInterrupt: false,
      // The 3.11 image first: the 3.9 one is chosen for the spec's Python, not for its place.
      baseImage: [BASE_IMAGE, PY39_IMAGE],
      indexUrl: index.url,
    });
  });

  afterAll(async () => {
    if (result?.section.image) await execa("docker", ["image", "rm", "-f", result.section.image], { reject: false });
    await index?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("chooses Python 3.9 from the wheel's tag and the named image labelled 3.9", () => {
    expect(result.section.python).toEqual({ version: "3.9", source: "the cp39 wheels it pins" });
    expect(result.section.baseImage).toBe(PY39_IMAGE);
    expect(result.section.baseImageReason).toBe("--base-image with Python 3.9 (the cp39 wheels it pins)");
    expect(result.notes).toEqual([]);
  });

  it("builds with the pinned wheel, fetched from the local index", () => {
    expect(result.section.build.status).toBe("built");
    expect(index.requests).toContain("/files/tinypkg-1.3.7-cp39-none-any.whl");
    expect(result.records["import-probe"].filter((r) => r.kind === "import")).toEqual([
      { kind: "import", module: "tinypkg", files: "train.py", file: "train.py", line: 1, error: null },
    ]);
  });

  it("the built image's python says 3.9, and the installed version is the pinned one", async () => {
    const version = await execa("docker", [
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "sh",
      result.section.image!,
      "-c",
      "python --version && python -c 'import tinypkg; print(tinypkg.__version__)'",
    ]);
    expect(version.stdout.trim()).toMatch(/^Python 3\.9\.\d+\n1\.3\.7$/);
  });
});

/** The fallback's premise: no registry image of the spec's Python on this engine. */
const absent = run && !(await imageExists(DOCKER, "python:3.8-slim"));
if (run && !absent) console.warn("skipping: python:3.8-slim is on this engine, so nothing stands in for it");

describe.skipIf(!absent)("no --base-image, and the chosen python:3.8-slim is not on the engine", () => {
  let dir: string;
  let result: BuildStageResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "repro-audit-local-fallback-"));
    const repo = join(dir, "repo");
    git(dir, "init", "-q", repo);
    writeFiles(repo, { ".python-version": "3.8\n", "train.py": "import json\nprint(json.dumps(1))\n" });
    commitAll(repo, "solution");
    git(repo, "branch", "experiments");
    const view = await walkRepo(repo);
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    result = await runBuildStage({
      root: repo,
      view,
      facts,
      outDir: join(dir, "out"),
      engine: "auto",
      timeoutSeconds: 600,
      handleInterrupt: false,
    });
  });

  afterAll(async () => {
    if (result?.section.image) await execa("docker", ["image", "rm", "-f", result.section.image], { reject: false });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("builds on the local base nearest the spec's Python, and the report says which and why", () => {
    expect(result.section.baseImage).toBe(PY39_IMAGE);
    expect(result.section.baseImageReason).toBe(
      "local base image: its Python 3.9 in place of 3.8 (.python-version:1 (3.8)); no local base image labelled org.repro-audit.python has 3.8; python:3.8-slim is not on the engine",
    );
    expect(result.notes).toEqual([
      `Build: python:3.8-slim is not on the engine and no --base-image was named: built on the local base image ${PY39_IMAGE} (labelled Python 3.9) in its place.`,
      "Build: installed on the base image's Python 3.9 in place of 3.8 (.python-version:1 (3.8)): no local base image labelled org.repro-audit.python has 3.8.",
    ]);
    expect(result.section.build.status).toBe("built");
  });

  it("the Dockerfile builds FROM the local base, and the code imports in the built image", () => {
    expect(readFileSync(result.section.dockerfile!, "utf8")).toContain(`\nFROM ${PY39_IMAGE}\n`);
    expect(result.section.probe.ran).toBe(true);
    expect(result.records["import-probe"].filter((r) => r.kind === "import" && r.error)).toEqual([]);
  });
});
