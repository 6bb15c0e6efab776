// Container test (real engine, real uv, real PyPI): the build installs the lock `repro-audit lock` computes
// for a spec committed on 2019-01-01, and a wheel URL that no longer answers becomes its index release.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commitDate } from "../../src/clone/commit-date.js";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage, type BuildStageResult } from "../../src/provision/build-stage.js";
import { lockForBuild } from "../../src/resolve/build-lock-step.js";
import type { BuildLock } from "../../src/model/build-lock.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";

const run = await requireEngine();

const SIX_WHEEL =
  "https://files.pythonhosted.org/packages/73/fb/00a976f728d0d1fecfe898238ce23f502a721c0ac0ecfedb80e0d88c64e9/six-1.12.0-py2.py3-none-any.whl";
/** A wheel URL on the same host that answers 404: a file that is gone. */
const GONE_WHEEL = "https://files.pythonhosted.org/packages/00/00/python_dateutil-2.7.5-py2.py3-none-any.whl";

describe.skipIf(!run)("the build installs the spec's lock", () => {
  let dir: string;
  let lock: BuildLock | null;
  let lockNotes: string[];
  let result: BuildStageResult;
  let reused: BuildStageResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "repro-audit-build-lock-"));
    const repo = join(dir, "repo");
    execFileSync("git", ["init", "-q", "-b", "main", repo]);
    writeFileSync(join(repo, ".python-version"), "3.11\n");
    writeFileSync(join(repo, "requirements.txt"), `six @ ${SIX_WHEEL}\npython-dateutil @ ${GONE_WHEEL}\nattrs\n`);
    writeFileSync(join(repo, "train.py"), "import attr\nimport dateutil\nimport six\n");
    const env = {
      ...process.env,
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_DATE: "2019-01-01T00:00:00Z",
      GIT_COMMITTER_DATE: "2019-01-01T00:00:00Z",
    };
    execFileSync("git", ["-C", repo, "add", "-A"], { env });
    execFileSync("git", ["-C", repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "solution"], {
      env,
    });
    const commit = execFileSync("git", ["-C", repo, "rev-parse", "HEAD"], { env }).toString().trim();
    const view = await walkRepo(repo);
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    const locked = await lockForBuild({
      facts,
      view,
      indexUrl: "https://pypi.org/simple",
      asOf: await commitDate(repo, commit),
    });
    [lock, lockNotes] = [locked.lock, locked.notes];
    const build = (out: string) =>
      runBuildStage({
        root: repo,
        view,
        facts,
        outDir: join(dir, out),
        engine: "auto",
        timeoutSeconds: 600,
        handleInterrupt: false,
        baseImage: BASE_IMAGE,
        lock,
      });
    result = await build("out");
    reused = await build("again");
  }, 900_000);

  afterAll(async () => {
    if (result?.section.image) await execa("docker", ["image", "rm", "-f", result.section.image], { reject: false });
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("locks the spec as of its commit's date, as repro-audit lock does", () => {
    expect(lock).toMatchObject({
      specFile: "requirements.txt",
      python: { version: "3.11", source: ".python-version:1 (3.11)" },
      asOf: "2019-01-01T00:00:00.000Z",
      wheels: [
        { name: "six", url: SIX_WHEEL, version: "1.12.0" },
        { name: "python-dateutil", url: GONE_WHEEL, version: "2.7.5" },
      ],
    });
    // attrs 19.1.0 came out in March 2019: the lock holds the release current on the commit's date.
    expect(lock!.pins).toContainEqual({ name: "attrs", version: "18.2.0" });
    expect(lockNotes).toEqual([
      expect.stringMatching(
        /^Build: installs the lock of requirements\.txt \(3 pins for Python 3\.11, with only the releases uploaded before its commit's date, 2019-01-01T00:00:00\.000Z\)/,
      ),
    ]);
  });

  it("builds from the lock: the URL that answers is used, the one that does not becomes its index release, and the report says so", async () => {
    expect(result.section.build.status).toBe("built");
    const dockerfile = readFileSync(result.section.dockerfile!, "utf8");
    expect(dockerfile).toContain('    "attrs==18.2.0"');
    expect(dockerfile).not.toContain("-r requirements.txt");
    expect(result.notes).toEqual([
      `Build: the wheel URL ${GONE_WHEEL} did not answer; python-dateutil==2.7.5 was installed from the index in its place.`,
    ]);
    const versions = await execa("docker", [
      "run",
      "--rm",
      "--network",
      "none",
      "--entrypoint",
      "python",
      result.section.image!,
      "-c",
      "import attr, dateutil, six; print(attr.__version__, dateutil.__version__, six.__version__)",
    ]);
    expect(versions.stdout.trim()).toBe("18.2.0 2.7.5 1.12.0");
    expect(result.records["import-probe"].filter((r) => r.error !== null)).toEqual([]);
  });

  it("a second audit reuses the image and still says which URL was replaced", () => {
    expect(reused.section.build.status).toBe("cached");
    expect(reused.notes).toEqual(result.notes);
  });
});
