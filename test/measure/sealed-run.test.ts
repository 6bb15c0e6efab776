// Runs are sealed, container runtime: no capabilities, a read-only root, the repo's copy and /tmp on sized tmpfs, the
// output quoted only scrubbed; and every ending (success, failure, timeout, abort, an abort before the container
// starts) leaves neither the run's container (by its own name, in any state) nor its temp folder.
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { requireEngine } from "../support/engine.js";
import { expectEmpty, privateTemp } from "./attacks.js";
import { ensureNumpyImage, NUMPY_IMAGE } from "./images.js";
import { planFor, tempRepo } from "./support.js";

let ready = false;
beforeAll(async () => {
  ready = await requireEngine();
  if (ready) await ensureNumpyImage();
}, 900_000);

let serial = 0;
const uniqueName = () => `repro-audit-epoch-sealed-${process.pid}-${Date.now().toString(36)}-${serial++}`;
const containersNamed = async (name: string) =>
  (
    await execa("docker", ["ps", "-a", "--format", "{{.Names}} {{.State}}", "--filter", `name=^${name}$`], {
      reject: false,
    })
  ).stdout.trim();

/** Runs `script` under a name and temp folder of the test's own, then checks that neither is left. */
async function sealedRun(
  script: string,
  options: { timeoutSeconds?: number; signal?: AbortSignal; idleSeconds?: number } = {},
) {
  const name = uniqueName();
  const temp = privateTemp();
  const run = runEpochStage({
    root: tempRepo({ "train.py": script }),
    plan: planFor("python3 train.py", 3),
    runtime: "container",
    image: NUMPY_IMAGE,
    idleSeconds: options.idleSeconds ?? 0.1,
    gpus: false,
    name,
    tempRoot: temp,
    limits: { memory: "256m", cpus: 1, pids: 64, disk: "32m", tmp: "8m" },
    timeoutSeconds: options.timeoutSeconds ?? 60,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const outcome = await run.then(
    (r) => ({ r, error: null }),
    (error: unknown) => ({ r: null, error }),
  );
  expect(await containersNamed(name), `container ${name}`).toBe("");
  expectEmpty(temp);
  return outcome;
}

const SEAL_CHECK = `
import os
status = open('/proc/self/status').read()
cap = [l for l in status.splitlines() if l.startswith('CapEff:')][0].split()[1]
assert int(cap, 16) == 0, 'capabilities: ' + cap
assert os.getuid() == 1000 and os.getcwd() == '/repo', (os.getuid(), os.getcwd())
assert os.environ['HOME'] == '/tmp'
for path in ('/usr/x', '/etc/x', '/opt/repro-audit/hook/x', '/opt/repro-audit/source/x', '/opt/repro-audit/channel/x'):
    try:
        open(path, 'w')
        raise SystemExit('writable: ' + path)
    except OSError as e:
        assert e.errno in (13, 30), (path, e)
open('/repo/ok.txt', 'w').write('the copy is writable')
open('/tmp/ok.txt', 'w').write('and so is /tmp')
sizes = {m.split()[1]: m for m in open('/proc/mounts') if m.split()[1] in ('/repo', '/tmp')}
assert 'size=32768k' in sizes['/repo'] and 'size=8192k' in sizes['/tmp'], sizes
import time
for epoch in (1, 2):
    print(f'Epoch {epoch}/3', flush=True)
    time.sleep(0.3)
`;

describe("sealed runs, container runtime", () => {
  it("runs with no capabilities, a read-only root and sized tmpfs for its copy and /tmp; nothing left after success", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const { r } = await sealedRun(SEAL_CHECK);
    expect(r!.records["epoch-run"]).toEqual([
      expect.objectContaining({ status: "completed", epochs: 1, boundaries: "stdout" }),
    ]);
  }, 120_000);

  it("leaves nothing after a failure, and quotes the output only scrubbed and capped", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const { r } = await sealedRun(
      "import sys\nsys.stderr.write('\\x1b[31mboom\\x1b[0m \\x07\\x00 ' + 'y' * 5000 + '\\n')\nraise SystemExit(7)\n",
    );
    const reason = r!.records["epoch-run"]![0]!.reason as string;
    expect(reason.startsWith("exit 7: boom  yyy")).toBe(true);
    expect(reason).not.toMatch(/[\x00-\x1f\x7f]/);
    expect(reason.length).toBeLessThanOrEqual(308);
  }, 120_000);

  it("leaves nothing after a timeout", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const { r } = await sealedRun("import time\ntime.sleep(600)\n", { timeoutSeconds: 2 });
    expect(r!.records["epoch-run"]![0]!.status).toBe("timeout");
  }, 120_000);

  it("leaves nothing when aborted while the training runs", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 3000);
    const { r } = await sealedRun("import time\nprint('Epoch 1/3', flush=True)\ntime.sleep(600)\n", {
      signal: controller.signal,
    });
    expect(r!.records["epoch-run"]![0]).toMatchObject({ status: "failed", reason: "interrupted" });
  }, 120_000);

  it("leaves nothing, not even a container in state Created, when aborted before the container starts", async (ctx) => {
    if (!ready) return ctx.skip("no container engine");
    for (const afterMs of [0, 150, 350, 600]) {
      const controller = new AbortController();
      // idleSeconds 0.1: the launch comes ~100 ms in, so these land before, during and just after the engine's create.
      setTimeout(() => controller.abort(), afterMs);
      const { r, error } = await sealedRun("import time\ntime.sleep(600)\n", { signal: controller.signal });
      if (r) expect(r.records["epoch-run"]![0]).toMatchObject({ status: "failed", reason: "interrupted" });
      else expect(String(error)).toMatch(/interrupted/);
    }
  }, 240_000);
});
