// Container test (real engine, real PyPI): pinned requirements build, every import resolves, a rerun reuses the image.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireEngine, BASE_IMAGE } from "../support/engine.js";
import { auditBuild, type SampleAudit } from "./support.js";

const run = await requireEngine();

describe.skipIf(!run)("env-pinned-ok in a real container", () => {
  let first: SampleAudit;
  let second: SampleAudit;
  beforeAll(async () => {
    first = await auditBuild("env-pinned-ok");
    second = await auditBuild("env-pinned-ok");
  });
  afterAll(async () => {
    await first?.cleanup();
    await second?.cleanup();
  });

  it("builds the image from requirements.txt on the given base", () => {
    const { section } = first.result;
    expect(section.specKind).toBe("requirements");
    expect(section.specFiles).toEqual(["requirements.txt"]);
    expect(section.python).toEqual({ version: "3.11", source: ".python-version:1 (3.11)" });
    expect(section.baseImage).toBe(BASE_IMAGE);
    expect(section.engine).toBe("docker");
    expect(["built", "cached"]).toContain(section.build.status);
    expect(section.image).toMatch(/^repro-audit\/env:[0-9a-f]{16}$/);
    expect(first.result.records["environment-build"]).toEqual([
      expect.objectContaining({ kind: "build", status: section.build.status, failureClass: null, package: null }),
    ]);
  });

  it("writes a readable Dockerfile next to the report: non-root user, pip without cache", () => {
    const text = readFileSync(first.result.section.dockerfile!, "utf8");
    expect(text).toContain(`FROM ${BASE_IMAGE}\n`);
    expect(text).toContain("USER app\n");
    expect(text).toContain('COPY --chown=app:app ["requirements.txt", "requirements.txt"]\n');
    expect(text).toContain("RUN pip install --no-cache-dir -r requirements.txt\n");
  });

  it("imports every third-party and local module with no network, and pip check passes", () => {
    expect(first.result.section.probe.ran).toBe(true);
    expect(first.result.records["import-probe"]).toEqual([
      { kind: "import", module: "six", files: "train.py", file: "train.py", line: 2, error: null },
      { kind: "import", module: "dateutil", files: "train.py", file: "train.py", line: 3, error: null },
      { kind: "import", module: "utils", files: "train.py", file: "train.py", line: 5, error: null },
      { kind: "pip-check", module: "(pip check)", error: null },
    ]);
    expect(first.result.notCollected).toEqual({});
  });

  it("reuses the image on a second audit of the same spec", () => {
    expect(second.result.section.image).toBe(first.result.section.image);
    expect(second.result.section.build.status).toBe("cached");
    expect(second.result.section.build.cacheHit).toBe(true);
  });
});
