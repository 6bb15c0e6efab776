// Container test (real engine, real local index, both local base images): a spec that pins one wheel by URL tagged
// cp39 and states nothing else builds on the local Python 3.9 image the user named beside the 3.11 one, with the
// pinned version, and the image's own `python --version` says 3.9.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { PYTHON_LABEL } from "../../src/provision/local-bases.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { startLocalIndex, type LocalIndex } from "../support/package-index.js";

/** The bullseye image scripts/build-base-image.sh makes (scripts/ensure-engine.sh builds it for CI). */
const PY39_IMAGE = process.env.REPRO_AUDIT_BASE_IMAGE_39 ?? "repro-audit/python-base:bullseye-git-gl";

async function imageReady(): Promise<boolean> {
  if (!(await requireEngine())) return false;
  const label = await execa(
    "docker",
    ["image", "inspect", "--format", `{{index .Config.Labels "${PYTHON_LABEL}"}}`, PY39_IMAGE],
    {
      reject: false,
    },
  );
  if (label.exitCode === 0 && label.stdout.trim() === "3.9") return true;
  const problem = `the local Python 3.9 base ${PY39_IMAGE} is missing or unlabelled: run scripts/ensure-engine.sh`;
  if (process.env.CI === "true") throw new Error(`container tests cannot run under CI: ${problem}`);
  console.warn(`skipping: ${problem}`);
  return false;
}

const run = await imageReady();

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
