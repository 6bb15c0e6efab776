// The sandbox corpus of the epoch stage, on the real engine: trainings that reach for the network, host files, the
// engine's socket, every process, all memory, all disk, that ignore SIGTERM, flood the output or go after the events
// channel. Each is contained, ends in a finding, leaves no container, volume or temp folder of its own (checked by
// its own names) and the host unchanged (the repo it was copied from, a file beside it).
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { runEpochStage, type EpochStageResult } from "../../src/measure/epoch-stage.js";
import type { Limits } from "../../src/measure/launch.js";
import { requireEngine } from "../support/engine.js";
import { expectEmpty, FIFO_CHANNEL, findingsOf, forgedEpoch, privateTemp, ZERO_CHANNEL } from "./attacks.js";
import { ensureNumpyImage, NUMPY_IMAGE } from "./images.js";
import { planFor, tempRepo } from "./support.js";

let ready = false;
beforeAll(async () => {
  ready = await requireEngine();
  if (ready) await ensureNumpyImage();
}, 900_000);

const LIMITS: Limits = { memory: "256m", cpus: 1, pids: 64, disk: "64m", tmp: "16m" };

interface Case {
  name: string;
  script: string;
  timeoutSeconds?: number;
  /** The rule the run must be found out by. */
  finding: string;
  check?(r: EpochStageResult): void;
}

const CASES: Case[] = [
  {
    name: "reaches for the network",
    finding: "execution-epoch-completes",
    script: "import urllib.request\nurllib.request.urlopen('http://1.1.1.1', timeout=3).read()\n",
    check: (r) => expect(r.records["epoch-run"]![0]!.reason).toMatch(/^exit 1: .*(URLError|OSError|unreachable)/),
  },
  {
    name: "reads /etc/shadow",
    finding: "execution-epoch-completes",
    script: "print(open('/etc/shadow').read())\n",
    check: (r) =>
      expect(r.records["epoch-run"]![0]!.reason).toBe(
        "exit 1: PermissionError: [Errno 13] Permission denied: '/etc/shadow'",
      ),
  },
  {
    name: "talks to the engine's socket",
    finding: "execution-epoch-completes",
    script:
      "import socket\ns = socket.socket(socket.AF_UNIX)\ns.connect('/var/run/docker.sock')\ns.sendall(b'GET /containers/json HTTP/1.0\\r\\n\\r\\n')\nprint(s.recv(9999))\n",
    check: (r) => expect(r.records["epoch-run"]![0]!.reason).toMatch(/^exit 1: FileNotFoundError/),
  },
  {
    name: "forks without end",
    finding: "execution-epoch-completes",
    timeoutSeconds: 4,
    script: "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
    check: (r) => expect(r.records["epoch-run"]![0]!.status).toBe("timeout"),
  },
  {
    name: "takes all memory",
    finding: "execution-epoch-completes",
    script: "hog = []\nwhile True:\n    hog.append(bytearray(8 << 20))\n",
    check: (r) =>
      expect(r.records["epoch-run"]![0]!.reason).toBe("out of memory: the run was killed at its 256m memory limit"),
  },
  {
    name: "fills the disk",
    finding: "execution-epoch-completes",
    script: "with open('fill.bin', 'wb') as f:\n    while True:\n        f.write(b'x' * (1 << 20))\n",
    check: (r) => expect(r.records["epoch-run"]![0]!.reason).toMatch(/No space left on device/),
  },
  {
    name: "writes outside its copy",
    finding: "execution-epoch-completes",
    script: "open('/usr/lib/evil.py', 'w').write('x')\n",
    check: (r) =>
      expect(r.records["epoch-run"]![0]!.reason).toBe(
        "exit 1: OSError: [Errno 30] Read-only file system: '/usr/lib/evil.py'",
      ),
  },
  {
    name: "ignores SIGTERM and sleeps",
    finding: "execution-epoch-completes",
    timeoutSeconds: 3,
    script:
      "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\nprint('Epoch 1/3', flush=True)\ntime.sleep(600)\n",
    check: (r) =>
      expect(r.records["epoch-run"]![0]).toMatchObject({
        status: "timeout",
        reason: "no measured epoch within 3 s (0 batches seen)",
      }),
  },
  {
    name: "floods the output at tens of MB/s",
    finding: "execution-epoch-completes",
    timeoutSeconds: 4,
    script: "import sys\nline = 'x' * 1023 + '\\n'\nwhile True:\n    sys.stdout.write(line * 64)\n",
    check: (r) => expect(r.records["epoch-run"]![0]!.status).toBe("timeout"),
  },
  {
    name: "forges its epoch events",
    finding: "execution-boundaries-trusted",
    script: forgedEpoch(3),
    check: (r) => {
      expect(r.section.measurement!.actual.boundaries).toBe("host-timing");
      expect(r.section.prediction!.perEpoch!.seconds).toBeGreaterThanOrEqual(3);
    },
  },
  {
    name: "puts a FIFO in place of the events channel",
    finding: "execution-epoch-completes",
    script: FIFO_CHANNEL,
    check: (r) => expect(r.records["epoch-run"]![0]!.reason).toMatch(/Read-only file system|File exists/),
  },
  {
    name: "links /dev/zero in place of the events channel",
    finding: "execution-epoch-completes",
    script: ZERO_CHANNEL,
    check: (r) => expect(r.records["epoch-run"]![0]!.reason).toMatch(/Read-only file system|File exists/),
  },
];

/** Every file's path and content under `dir`, hashed: the host side of the run must not change. */
function treeHash(dir: string): string {
  const hash = createHash("sha256");
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      hash.update(`${p}\0${st.mode}\0`);
      if (st.isDirectory()) walk(p);
      else hash.update(readFileSync(p));
    }
  };
  walk(dir);
  return hash.digest("hex");
}

const docker = async (...args: string[]) => (await execa("docker", args, { reject: false })).stdout.trim();

describe("sandbox corpus, epoch stage, container runtime", () => {
  for (const c of CASES) {
    it(`a training that ${c.name}: contained, found out, nothing of its own left`, async (ctx) => {
      if (!ready) return ctx.skip("no container engine");
      const outside = mkdtempSync(join(tmpdir(), "epoch-host-"));
      writeFileSync(join(outside, "canary.txt"), "the host's own file\n");
      const root = tempRepo({ "train.py": c.script });
      const before = [treeHash(root), treeHash(outside)];
      const temp = privateTemp();
      const name = `repro-audit-epoch-corpus-${createHash("sha256")
        .update(c.name + Date.now())
        .digest("hex")
        .slice(0, 10)}`;
      const volumes = new Set<string>();
      const watch = setInterval(
        () =>
          void docker("inspect", name, "--format", "{{range .Mounts}}{{.Name}} {{end}}").then((v) =>
            v
              .split(" ")
              .filter(Boolean)
              .forEach((n) => volumes.add(n)),
          ),
        200,
      );
      let peak = process.memoryUsage().rss;
      const base = peak;
      const memory = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      let r: EpochStageResult;
      try {
        r = await runEpochStage({
          root,
          plan: planFor("python3 train.py", 3),
          runtime: "container",
          image: NUMPY_IMAGE,
          idleSeconds: 0.1,
          gpus: false,
          limits: LIMITS,
          timeoutSeconds: c.timeoutSeconds ?? 30,
          name,
          tempRoot: temp,
        });
      } finally {
        clearInterval(watch);
        clearInterval(memory);
      }
      expect(findingsOf(r.records["epoch-run"])).toContain(c.finding);
      c.check?.(r);
      expect(JSON.stringify(r.section)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(await docker("ps", "-a", "-q", "--filter", `name=^${name}$`)).toBe("");
      for (const v of volumes)
        expect(await docker("volume", "ls", "-q", "--filter", `name=^${v}$`), `volume ${v}`).toBe("");
      expectEmpty(temp);
      expect([treeHash(root), treeHash(outside)]).toEqual(before);
      expect(peak - base).toBeLessThan(300 * 1024 * 1024);
    }, 120_000);
  }
});
