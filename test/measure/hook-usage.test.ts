// The hook's CPU clock: per-process readings summed over the top-level processes, zero before they began.
import { describe, expect, it } from "vitest";
import { parseHookUsage } from "../../src/measure/hook-usage.js";

const line = (r: Record<string, unknown>) => JSON.stringify(r);

describe("hook usage", () => {
  it("sums top-level processes, leaves reaped children to their parent, and starts at zero", () => {
    const text = [
      line({ t: 1000.5, event: "start", pid: 10, ppid: 1, cpu: 0.1, rss_kb: 1000 }),
      line({ t: 1000.6, event: "start", pid: 11, ppid: 10, cpu: 0.05 }), // a spawned worker: its parent counts it
      line({ t: 1001.5, event: "mark", pid: 10, cpu: 0.9, rss_kb: 3000 }),
      '{"t": 1001.9, "event": "ba', // cut short by the stop
      line({ t: 1002.0, event: "start", pid: 20, ppid: 1, cpu: 0.2 }), // a second command after the first
      line({ t: 1002.5, event: "stop", pid: 10, cpu: 1.4, rss_kb: 3000 }),
      line({ t: 1002.5, event: "epoch_end" }), // an older hook's line without a clock
    ].join("\n");
    const usage = parseHookUsage(text, 1000);
    // pid 10 began at 0.4 s (0.5 s less 0.1 CPU-s), pid 20 at 1.8 s.
    expect(usage.cpuSeconds.map((r) => r.t)).toEqual([0, 0.4, 0.5, 1.5, 1.8, 2.0, 2.5]);
    const at = (t: number) => usage.cpuSeconds.find((r) => r.t === t)!.seconds;
    expect(at(0)).toBe(0);
    expect(at(0.4)).toBe(0);
    expect(at(1.5)).toBeCloseTo(0.9, 9);
    expect(at(2.5)).toBeCloseTo(1.4 + 0.2, 9);
    expect(usage.maxRssBytes).toEqual([
      { t: 0.5, bytes: 1000 * 1024 },
      { t: 1.5, bytes: 3000 * 1024 },
      { t: 2.5, bytes: 3000 * 1024 },
    ]);
  });

  it("is empty when the hook recorded no clock", () => {
    expect(parseHookUsage("", 0)).toEqual({ cpuSeconds: [], maxRssBytes: [] });
  });
});
