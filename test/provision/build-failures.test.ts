// Container tests (real engine, real PyPI): a pin that does not exist, an import the spec forgot, an own Dockerfile, a timeout.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { runBuildStage } from "../../src/provision/build-stage.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { auditBuild, type SampleAudit } from "./support.js";

const run = await requireEngine();
const audits: SampleAudit[] = [];
afterAll(async () => {
  for (const audit of audits) await audit.cleanup();
});

async function audit(
  name: string,
  options: { baseImage?: string | null; allowImages?: string[] } = {},
): Promise<SampleAudit> {
  const result = await auditBuild(name, options);
  audits.push(result);
  return result;
}

describe.skipIf(!run)("build failures and probe findings in a real container", () => {
  it("fails a pin that does not exist: class package-not-found, the package and its line named, log kept", async () => {
    const { result } = await audit("env-missing-version");
    expect(result.section.build).toMatchObject({
      status: "failed",
      cacheHit: false,
      failureClass: "package-not-found",
      package: "six",
    });
    expect(result.section.build.logTail).toMatch(/No matching distribution found for six==99\.0\.0/);
    expect(result.section.build.logTail!.split("\n").length).toBeLessThanOrEqual(40);
    expect(result.records["environment-build"]).toEqual([
      {
        kind: "build",
        status: "failed",
        failureClass: "package-not-found",
        package: "six",
        detail: "No matching distribution found for six==99.0.0",
        seconds: result.section.build.seconds,
        image: result.section.image,
        file: "requirements.txt",
        line: 1,
      },
    ]);
    expect(result.notCollected).toEqual({ "import-probe": "the image did not build" });
  });

  it("names the module the requirements forget and every file that imports it", async () => {
    const { result } = await audit("env-forgotten-import");
    expect(result.section.build.status).not.toBe("failed");
    const failing = result.records["import-probe"].filter((r) => r.error !== null);
    expect(failing).toEqual([
      {
        kind: "import",
        module: "yaml",
        files: "src/features.py,train.py",
        file: "src/features.py",
        line: 2,
        error: "ModuleNotFoundError: No module named 'yaml'",
      },
    ]);
    expect(result.section.probe.modules.map((m) => `${m.module}:${m.ok}`)).toEqual([
      "yaml:false",
      "six:true",
      "src:true",
    ]);
  });

  it("builds the repo's own Dockerfile as it is and probes as a non-root user", async () => {
    const { result, root } = await audit("env-own-dockerfile", { baseImage: null, allowImages: [BASE_IMAGE] });
    expect(result.section.specKind).toBe("dockerfile");
    expect(result.section.baseImage).toBe(BASE_IMAGE);
    expect(result.section.baseImageReason).toBe("the repo's own Dockerfile, used as it is");
    expect(["built", "cached"]).toContain(result.section.build.status);
    const { readFile } = await import("node:fs/promises");
    expect(await readFile(result.section.dockerfile!, "utf8")).toBe(await readFile(join(root, "Dockerfile"), "utf8"));
    expect(result.records["import-probe"]).toEqual([
      { kind: "import", module: "six", files: "main.py", file: "main.py", line: 1, error: null },
      { kind: "pip-check", module: "(pip check)", error: null },
    ]);
  });

  it("stops a build at its time limit, classes it timeout, and leaves no container running", async () => {
    const dir = await mkdtemp(join(tmpdir(), "repro-audit-timeout-"));
    const root = join(dir, "repo");
    try {
      const { mkdir } = await import("node:fs/promises");
      await mkdir(root);
      const marker = `sleep 77.${process.pid}`;
      await writeFile(join(root, "Dockerfile"), `FROM ${BASE_IMAGE}\nRUN ${marker}\n`);
      const view = await walkRepo(root);
      const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
      const result = await runBuildStage({
        root,
        view,
        facts,
        outDir: join(dir, "out"),
        engine: "auto",
        timeoutSeconds: 4,
        handleInterrupt: false,
        allowImages: [BASE_IMAGE],
      });
      expect(result.section.build).toMatchObject({ status: "failed", failureClass: "timeout" });
      let left = "";
      for (let i = 0; i < 30; i++) {
        left = (await execa("docker", ["ps", "-a", "--no-trunc", "--format", "{{.Command}}"])).stdout;
        if (!left.includes(marker)) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      expect(left).not.toContain(marker);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
