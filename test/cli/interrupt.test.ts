// Ctrl-C during the measured epoch: exit 130 with one line, and no container of the audit left behind.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BASE_IMAGE, requireEngine } from "../support/engine.js";
import { makeSampleRepo } from "../support/sample-repo.js";
import { BIN } from "../support/cli.js";

const run = await requireEngine();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const containerExists = (name: string) => execFileSync("docker", ["ps", "-a", "-q", "--filter", `name=^${name}$`], { encoding: "utf8" }).trim() !== "";

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

describe.skipIf(!run)("interrupting an audit", () => {
  it("removes the epoch's container and its temp folder, and exits 130", async () => {
    const repo = makeSampleRepo("train-cpu");
    const dir = mkdtempSync(join(tmpdir(), "interrupt-"));
    const temp = mkdtempSync(join(tmpdir(), "interrupt-temp-")); // the audit's TMPDIR: only its own folders land here
    // A long training (many samples) so the interrupt lands while the container runs.
    const child = spawn(process.execPath, [BIN, "audit", repo, "--base-image", BASE_IMAGE, "--train", "python train.py --epochs 50 --samples 2000000", "--format", "json"], {
      env: { ...process.env, NO_COLOR: "1", REPRO_AUDIT_LEDGER: join(dir, "ledger.jsonl"), XDG_CACHE_HOME: join(dir, "cache"), TMPDIR: temp },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    const deadline = Date.now() + 240_000;
    let name: string | null = null;
    while (!(name && containerExists(name)) && Date.now() < deadline) {
      name ??= epochContainerOf(child.pid!);
      await sleep(250);
    }
    expect(name && containerExists(name), "the epoch container should have started").toBe(true);
    child.kill("SIGINT");
    const code = await exited;

    expect(code).toBe(130);
    expect(stderr).toContain("repro-audit: interrupted; the containers this audit started were removed");
    expect(containerExists(name!)).toBe(false);
    expect(readdirSync(temp).filter((f) => f.startsWith("repro-audit-epoch-"))).toEqual([]);
  }, 300_000);
});
