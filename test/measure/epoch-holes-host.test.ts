// The measurement cannot be forged from inside, host runtime: each hole a training could use on the events channel,
// written to fail on the events file of old (forged lines accepted, a FIFO hanging the host, /dev/zero read into
// memory, a host file read, odd timestamps breaking the report) and to pass on the host-owned socket.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runEpochStage } from "../../src/measure/epoch-stage.js";
import { reportProblems } from "../../src/report/validate.js";
import { sampleReport } from "../report/fixtures.js";
import {
  expectEmpty,
  FIFO_CHANNEL,
  findingsOf,
  forgedEpoch,
  linkedChannel,
  ODD_TIMESTAMPS,
  privateTemp,
  ZERO_CHANNEL,
} from "./attacks.js";
import { planFor, tempRepo } from "./support.js";

const run = (script: string, tempRoot: string, extra: { timeoutSeconds?: number } = {}) =>
  runEpochStage({
    root: tempRepo({ "train.py": script }),
    plan: planFor("python3 train.py", 3),
    runtime: "host",
    idleSeconds: 0.1,
    gpus: false,
    tempRoot,
    ...extra,
  });

describe("the hook's events cannot be forged or turned against the host (host runtime)", () => {
  it("sets aside events that shorten a 3 s epoch to 10 ms, and times the run on the host", async () => {
    const temp = privateTemp();
    const { section, records } = await run(forgedEpoch(3), temp);
    expect(records["epoch-run"]).toEqual([
      expect.objectContaining({
        boundaries: "host-timing",
        untrustedEvents: expect.stringMatching(/stamped \d+\.\d+ s before it reached the host/),
      }),
    ]);
    expect(findingsOf(records["epoch-run"])).toContain("execution-boundaries-trusted");
    expect(section.measurement!.actual.boundaries).toBe("host-timing");
    expect(section.measurement!.actual.seconds).toBeGreaterThanOrEqual(3);
    expect(section.prediction!.perEpoch!.seconds).toBeGreaterThanOrEqual(3);
    expect(section.measurement!.notes![0]).toMatch(/^The hook's events were not trusted/);
    expectEmpty(temp);
  });

  it("is not hung by a FIFO in place of the channel, and leaves no temp folder", async () => {
    const temp = privateTemp();
    const started = Date.now();
    const { section } = await run(FIFO_CHANNEL, temp, { timeoutSeconds: 60 });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(section.measurement!.status).toBe("measured");
    expectEmpty(temp);
  }, 90_000);

  it("does not read /dev/zero linked in place of the channel", async () => {
    const temp = privateTemp();
    let peak = process.memoryUsage().rss;
    const base = peak;
    const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const { section } = await run(ZERO_CHANNEL, temp, { timeoutSeconds: 60 });
      expect(section.measurement!.status).toBe("measured");
    } finally {
      clearInterval(watch);
    }
    expect(peak - base).toBeLessThan(200 * 1024 * 1024);
    expectEmpty(temp);
  }, 90_000);

  it("does not read a root-only host file linked in place of the channel", async () => {
    const temp = privateTemp();
    const secretDir = mkdtempSync(join(tmpdir(), "epoch-secret-"));
    const secret = join(secretDir, "shadow");
    const now = Date.now() / 1000;
    writeFileSync(
      secret,
      [
        JSON.stringify({ t: now + 1, event: "epoch_start", epoch: 1, batch: 0, note: "SECRET-7f3a" }),
        JSON.stringify({ t: now + 1.01, event: "epoch_end", epoch: 1, batch: 0 }),
        JSON.stringify({ t: now + 1.02, event: "stop", reason: "SECRET-7f3a" }),
      ].join("\n") + "\n",
    );
    chmodSync(secret, 0o600);
    const { section, records } = await run(linkedChannel(secret), temp, { timeoutSeconds: 60 });
    expect(JSON.stringify({ section, records })).not.toContain("SECRET-7f3a");
    expect(section.measurement!.actual.boundaries).toBe("stdout");
    expect(section.measurement!.actual.seconds).toBeGreaterThan(0.25);
    expectEmpty(temp);
  }, 90_000);

  it("keeps the report valid whatever timestamps the lines carry", async () => {
    const temp = privateTemp();
    const { section, records } = await run(ODD_TIMESTAMPS, temp);
    expect(reportProblems({ ...sampleReport(), carbon: section })).toEqual([]);
    expect(section.measurement!.actual.boundaries).toBe("host-timing");
    expect(records["epoch-run"]![0]!.untrustedEvents).toMatch(/stamped|without a time|not a count/);
    expectEmpty(temp);
  });
});
