// The engine layer against real CLIs: a missing engine is a typed answer; started containers are removed.
import { execa } from "execa";
import { afterEach, describe, expect, it } from "vitest";
import { findEngine } from "../../src/provision/engine.js";
import { runBuildStage } from "../../src/provision/build-stage.js";
import {
  containerName,
  removeStartedContainers,
  startedContainers,
  trackContainer,
} from "../../src/provision/containers.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../src/model/facts.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const run = await requireEngine();
const saved = process.env.REPRO_AUDIT_DOCKER;
afterEach(() => {
  if (saved === undefined) delete process.env.REPRO_AUDIT_DOCKER;
  else process.env.REPRO_AUDIT_DOCKER = saved;
});

describe("no engine", () => {
  it("answers with a typed result and one line on how to start one", async () => {
    process.env.REPRO_AUDIT_DOCKER = "/nonexistent/docker";
    const lookup = await findEngine("docker");
    expect(lookup).toEqual({
      ok: false,
      tried: ["docker"],
      message: "docker did not answer",
      hint: "install docker.io and start dockerd (scripts/ensure-engine.sh does both), or pass --stages static",
    });
  });

  it("makes the build stage skip, write the Dockerfile anyway, and mark its families not collected", async () => {
    process.env.REPRO_AUDIT_DOCKER = "/nonexistent/docker";
    const dir = await mkdtemp(join(tmpdir(), "repro-audit-noengine-"));
    try {
      const facts = emptyFacts();
      facts.families["env-spec"] = [{ kind: "spec-file", file: "requirements.txt", format: "requirements" }];
      const view = memoryView({ "requirements.txt": "six==1.16.0\n" });
      const result = await runBuildStage({ root: dir, view, facts, outDir: join(dir, "out"), engine: "docker" });
      expect(result.unavailable).toEqual({
        message: "docker did not answer",
        hint: "install docker.io and start dockerd (scripts/ensure-engine.sh does both), or pass --stages static",
      });
      expect(result.section.build.status).toBe("skipped");
      expect(result.section.engine).toBeNull();
      expect(Object.keys(result.notCollected).sort()).toEqual(["environment-build", "import-probe"]);
      expect(await readFile(join(dir, "out", "Dockerfile"), "utf8")).toContain(
        "RUN pip install --no-cache-dir -r requirements.txt\n",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!run)("started containers", () => {
  it("are removed by name (what Ctrl-C and timeouts call)", async () => {
    const lookup = await findEngine("auto");
    if (!lookup.ok) throw new Error("engine vanished");
    const name = containerName();
    expect(name).toMatch(/^repro-audit-[0-9a-f]{12}$/);
    await execa(lookup.engine.bin, [
      "run",
      "-d",
      "--rm",
      "--network",
      "none",
      "--name",
      name,
      BASE_IMAGE,
      "sleep",
      "300",
    ]);
    trackContainer(name, lookup.engine);
    expect(startedContainers()).toContain(name);
    expect(await removeStartedContainers()).toEqual([name]);
    const left = await execa(lookup.engine.bin, ["ps", "-a", "--filter", `name=${name}`, "--format", "{{.Names}}"]);
    expect(left.stdout.trim()).toBe("");
    expect(startedContainers()).toEqual([]);
  });
});
