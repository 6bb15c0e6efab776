// The import probe's containers are sealed (no network, no capabilities, read-only root, limits) and a kill
// at any moment, before or after the container starts, leaves no container behind, not even one "Created".
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { runContainer, type Engine } from "../../src/provision/engine.js";
import { PROBE_RUN_ARGS, probeImage } from "../../src/provision/probe.js";
import { containerName } from "../../src/provision/containers.js";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";

const run = await requireEngine();
const engine: Engine = { name: "docker", bin: "docker" };
const exists = async (name: string) =>
  (await execa("docker", ["ps", "-a", "-q", "--filter", `name=^${name}$`])).stdout.trim() !== "";

describe.skipIf(!run)("probe containers", () => {
  it("run with no network, no capabilities, a read-only root, a small tmpfs and every limit", async () => {
    for (const flag of ["--memory", "--memory-swap", "--cpus", "--pids-limit", "--read-only", "--tmpfs"])
      expect(PROBE_RUN_ARGS).toContain(flag);
    const script = [
      "import os, socket",
      "print('caps', open('/proc/self/status').read().split('CapEff:')[1].split()[0])",
      "try:\n    open('/root-write', 'w'); print('root writable')\nexcept OSError: print('root read-only')",
      "open('/tmp/ok', 'w').write('x'); print('tmp writable')",
      "try:\n    socket.create_connection(('1.1.1.1', 80), 2); print('network')\nexcept OSError: print('no network')",
    ].join("\n");
    const result = await probeImage(
      engine,
      { image: BASE_IMAGE, user: "65534:65534", keepEntrypoint: false, python: "python3" },
      [],
      {},
    );
    expect(result.ran).toBe(true);
    const name = containerName();
    const direct = await runContainer(engine, {
      name,
      image: BASE_IMAGE,
      command: ["python3", "-c", script],
      timeoutMs: 60_000,
      runArgs: [...PROBE_RUN_ARGS, "--user", "65534:65534"],
    });
    expect(direct.stdout.split("\n").filter(Boolean)).toEqual([
      "caps 0000000000000000",
      "root read-only",
      "tmp writable",
      "no network",
    ]);
    expect(await exists(name)).toBe(false);
  });

  it("an abort before the start, or at any moment after, leaves no container in any state", async () => {
    const before = new AbortController();
    before.abort();
    const early = containerName();
    const skipped = await runContainer(engine, {
      name: early,
      image: BASE_IMAGE,
      command: ["sleep", "30"],
      runArgs: [],
      timeoutMs: 60_000,
      signal: before.signal,
    });
    expect(skipped.cancelled).toBe(true);
    expect(await exists(early)).toBe(false);
    for (const delay of [0, 50, 150, 400, 1200]) {
      const controller = new AbortController();
      const name = containerName();
      const pending = runContainer(engine, {
        name,
        image: BASE_IMAGE,
        command: ["sleep", "30"],
        runArgs: ["--network", "none"],
        timeoutMs: 60_000,
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), delay);
      await pending;
      expect(await exists(name), `abort after ${delay} ms`).toBe(false);
    }
  });
});
