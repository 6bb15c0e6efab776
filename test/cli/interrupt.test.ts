// Ctrl-C (and SIGTERM, SIGHUP) during the static stage and the measured epoch: exit 130 with one line saying only
// what was undone, and nothing of the audit left behind (no container, no training process, no temp folder).
import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { BIN } from "../support/cli.js";
import { HEARTBEAT_TRAINING, heartbeatStopped, killGroup, liveMembers, until } from "../support/processes.js";

const run = await requireEngine();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const containerExists = (name: string) =>
  execFileSync("docker", ["ps", "-a", "-q", "--filter", `name=^${name}$`], { encoding: "utf8" }).trim() !== "";

/** The name of the epoch container a given process started: read from its child `docker run --name` (other
 * suites may run containers with the same prefix at the same time, so never look at the prefix alone). */
function epochContainerOf(parentPid: number): string | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== parentPid) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      const at = argv.indexOf("--name");
      if (at >= 0 && argv[at + 1]?.startsWith("repro-audit-epoch-")) return argv[at + 1]!;
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

/** A plain folder of many Python files: its static stage lasts tens of seconds here, mostly the Python index. */
function largeRepo(): string {
  const root = mkdtempSync(join(tmpdir(), "interrupt-static-"));
  const body = Array.from(
    { length: 40 },
    (_, i) =>
      `def f${i}(x, y=3):\n    data = np.load('/home/user/data${i}.npy')\n    for k in range(10):\n        x = x + k * y\n    return os.path.join('a', str(x))\n\n`,
  ).join("");
  for (let i = 0; i < 3000; i++) {
    mkdirSync(join(root, `pkg${i % 30}`), { recursive: true });
    writeFileSync(join(root, `pkg${i % 30}`, `m${i}.py`), `import numpy as np\nimport os\n\n${body}`);
  }
  writeFileSync(join(root, "README.md"), "# large\n\n```bash\npython pkg0/m0.py\n```\n");
  return root;
}

describe("interrupting the static stage", () => {
  it("answers within a second or so, exits 130, says nothing was started and leaves no temp folder", async () => {
    const repo = largeRepo();
    const temp = mkdtempSync(join(tmpdir(), "interrupt-temp-"));
    try {
      const child = spawn(process.execPath, [BIN, "audit", repo, "--stages", "static"], {
        env: { ...process.env, NO_COLOR: "1", TMPDIR: temp },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      while (!stderr.includes("[static] reading") && child.exitCode === null) await sleep(50);
      await sleep(1500);
      expect(stderr, "the static stage should still be running").not.toContain("[static] done");
      const sent = Date.now();
      child.kill("SIGINT");
      const code = await exited;
      // A second on a quiet machine; the slack is for a shared one. The stage itself lasts far longer.
      expect(Date.now() - sent).toBeLessThan(4000);
      expect(code).toBe(130);
      expect(stderr).toContain(
        "repro-audit: interrupted during the static stage; it had started nothing, so nothing was left behind. Rerun the audit when you are ready\n",
      );
      expect(stderr).not.toContain("containers");
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(repo, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.skipIf(!run)("interrupting the build", () => {
  it("exits 130, says the build's containers and layers were removed, and leaves none of them nor a temp folder", async () => {
    const root = mkdtempSync(join(tmpdir(), "interrupt-build-"));
    const temp = mkdtempSync(join(tmpdir(), "interrupt-temp-"));
    const marker = `sleep 998.${process.pid}`;
    writeFileSync(
      join(root, "Dockerfile"),
      `FROM ${BASE_IMAGE}\nRUN echo layer > /layer.${process.pid}\nRUN ${marker}\n`,
    );
    writeFileSync(join(root, "train.py"), "print('train')\n");
    const running = () =>
      execFileSync("docker", ["ps", "-a", "--no-trunc", "--format", "{{.Command}}"], { encoding: "utf8" }).includes(
        marker,
      );
    try {
      const child = spawn(
        process.execPath,
        [BIN, "audit", root, "--stages", "static,build", "--allow-image", BASE_IMAGE, "--format", "json"],
        {
          env: { ...process.env, NO_COLOR: "1", TMPDIR: temp },
          stdio: ["ignore", "ignore", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      const deadline = Date.now() + 240_000;
      while (!running() && child.exitCode === null && Date.now() < deadline) await sleep(500);
      if (!running()) child.kill("SIGINT"); // no audit left running when the test fails here
      expect(running(), `the build step should have started; the audit said: ${stderr}`).toBe(true);
      child.kill("SIGINT");
      expect(await exited).toBe(130);
      expect(stderr).toContain(
        "repro-audit: interrupted during the build; the containers and layers it made were removed. Rerun the audit when you are ready\n",
      );
      expect(running()).toBe(false);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(temp, { recursive: true, force: true });
    }
  }, 300_000);
});

describe.skipIf(!run)("interrupting an audit", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "%s removes the epoch's container and its temp folder, and exits 130",
    async (signal) => {
      const repo = makeSampleRepo("train-cpu");
      const dir = mkdtempSync(join(tmpdir(), "interrupt-"));
      const temp = mkdtempSync(join(tmpdir(), "interrupt-temp-")); // the audit's TMPDIR: only its own folders land here
      // A long training (many samples) so the interrupt lands while the container runs.
      const child = spawn(
        process.execPath,
        [
          BIN,
          "audit",
          repo,
          "--base-image",
          BASE_IMAGE,
          "--train",
          "python train.py --epochs 50 --samples 2000000",
          "--format",
          "json",
        ],
        {
          env: {
            ...process.env,
            NO_COLOR: "1",
            REPRO_AUDIT_LEDGER: join(dir, "ledger.jsonl"),
            XDG_CACHE_HOME: join(dir, "cache"),
            TMPDIR: temp,
          },
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

      const deadline = Date.now() + 240_000;
      let name: string | null = null;
      while (!(name && containerExists(name)) && Date.now() < deadline) {
        name ??= epochContainerOf(child.pid!);
        await sleep(250);
      }
      if (!(name && containerExists(name))) child.kill("SIGINT"); // no audit left running when the test fails here
      expect(name && containerExists(name), `the epoch container should have started; the audit said: ${stderr}`).toBe(
        true,
      );
      child.kill(signal);
      const code = await exited;

      expect(code).toBe(130);
      expect(stderr).toContain("repro-audit: interrupted during the epoch; its container and temp folder were removed");
      expect(containerExists(name!)).toBe(false);
      expect(readdirSync(temp).filter((f) => f.startsWith("repro-audit-epoch-"))).toEqual([]);
    },
    300_000,
  );
});

describe("interrupting a host-runtime audit", () => {
  it.each(["SIGINT", "SIGTERM", "SIGHUP"] as const)(
    "%s ends the training's whole process group, exits 130 and leaves no temp folder",
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), "interrupt-host-"));
      const repo = join(dir, "repo");
      const temp = join(dir, "temp"); // the audit's TMPDIR: only its own folders land here
      mkdirSync(repo);
      mkdirSync(temp);
      writeFileSync(join(repo, "train.py"), HEARTBEAT_TRAINING);
      const beat = join(dir, "beat");
      let pgid: number | null = null;
      try {
        const child = spawn(
          process.execPath,
          [BIN, "audit", repo, "--runtime", "host", "--stages", "static,epoch", "--train", `python3 train.py ${beat}`],
          {
            env: { ...process.env, NO_COLOR: "1", REPRO_AUDIT_LEDGER: join(dir, "ledger.jsonl"), TMPDIR: temp },
            stdio: ["ignore", "ignore", "pipe"],
          },
        );
        let stderr = "";
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        await until(
          () => existsSync(`${beat}.pgid`) && existsSync(`${beat}.child`) && child.exitCode === null,
          "the training and its child to beat",
        ).catch((e: Error) => {
          child.kill("SIGKILL");
          throw new Error(`${e.message}; the audit said: ${stderr}`);
        });
        pgid = Number(readFileSync(`${beat}.pgid`, "utf8"));
        expect(liveMembers(pgid).length).toBeGreaterThanOrEqual(3); // sh, the training, its child

        child.kill(signal);
        expect(await exited).toBe(130);
        expect(stderr).toContain(
          "repro-audit: interrupted during the epoch; the training it started was ended and its temp folder removed",
        );
        const group = pgid;
        await until(() => liveMembers(group).length === 0, `the process group ${group} to end`);
        expect(await heartbeatStopped(beat)).toBe(true);
        expect(await heartbeatStopped(`${beat}.child`)).toBe(true);
        expect(readdirSync(temp)).toEqual([]);
      } finally {
        pgid ??= existsSync(`${beat}.pgid`) ? Number(readFileSync(`${beat}.pgid`, "utf8")) : null;
        if (pgid) killGroup(pgid); // none left even when it fails
        rmSync(dir, { recursive: true, force: true });
      }
    },
    300_000,
  );
});
