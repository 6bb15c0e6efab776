// Whether the hook's lines are believed: each checked against when it reached the host, when the run lived, and the
// CPU time a process can have used; odd values of every kind end in a finding, never in a broken report.
import { describe, expect, it } from "vitest";
import type { HookLine } from "../../src/measure/events-channel.js";
import { checkHookLines, MAX_ARRIVAL_LAG } from "../../src/measure/hook-events.js";
import { runBoundaries } from "../../src/measure/run-boundaries.js";
import { buildSection } from "../../src/measure/section.js";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { sourced } from "../../src/model/sourced.js";
import { reportProblems } from "../../src/report/validate.js";
import { sampleReport } from "../report/fixtures.js";
import { planFor } from "./support.js";

const LAUNCH = 1_700_000_000;
const CLOCK = { launchUnix: LAUNCH, exitUnix: LAUNCH + 13, cpus: 2 };
/** A line stamped `t` seconds after launch that reached the host `lag` seconds later. */
const line = (t: number, record: Record<string, unknown>, lag = 0.002, conn = 0): HookLine => ({
  arrived: LAUNCH + t + lag,
  conn,
  record: { t: LAUNCH + t, ...record },
});
const honest = [
  line(0.2, { event: "start", pid: 7, cpu: 0.1 }),
  line(1, { event: "epoch_start", epoch: 1, batch: 0, pid: 7, cpu: 0.9 }),
  line(12.5, { event: "epoch_end", epoch: 1, batch: 40, pid: 7, cpu: 12.3 }),
  line(12.5, { event: "stop", reason: "measured 1 epoch(s)", epoch: 1, batch: 40, pid: 7, cpu: 12.3 }),
];

describe("checking the hook's lines against the host", () => {
  it("believes lines stamped when they arrived, in order, within the CPU a process can use", () => {
    expect(checkHookLines(honest, CLOCK).problems).toEqual([]);
  });

  it("does not believe epoch events written after the fact to shorten a 12 s epoch to 10 ms", () => {
    const forged = [
      honest[0]!,
      line(1, { event: "epoch_start", epoch: 1, batch: 0 }, 11.5),
      line(1.01, { event: "epoch_end", epoch: 1, batch: 0 }, 11.5),
    ];
    expect(checkHookLines(forged, CLOCK).problems).toEqual([
      "a epoch_start stamped 11.50 s before it reached the host",
      "a epoch_end stamped 11.50 s before it reached the host",
    ]);
    expect(checkHookLines([line(5, { event: "epoch_end" }, MAX_ARRIVAL_LAG - 0.1)], CLOCK).problems).toEqual([]);
    // Lines the host read late because its own event loop was held up are late by the host's doing.
    expect(
      checkHookLines([line(5, { event: "epoch_end" }, MAX_ARRIVAL_LAG + 2)], { ...CLOCK, stallSeconds: 2.5 }).problems,
    ).toEqual([]);
    expect(checkHookLines([line(5, { event: "epoch_end" }, MAX_ARRIVAL_LAG + 2)], CLOCK).problems).toHaveLength(1);
  });

  it("does not believe lines from the future, before the launch, after the end, or going back in time", () => {
    expect(checkHookLines([line(3, { event: "batch_end" }, -2)], CLOCK).problems).toEqual([
      "a batch_end stamped 2.00 s after it reached the host",
    ]);
    expect(checkHookLines([line(-5, { event: "epoch_start" })], CLOCK).problems).toEqual([
      "a epoch_start stamped 5.00 s before the run was launched",
    ]);
    expect(checkHookLines([line(20, { event: "epoch_end" })], CLOCK).problems).toEqual([
      "a epoch_end stamped 7.00 s after the run ended",
    ]);
    expect(
      checkHookLines([line(5, { event: "batch_end" }), line(4, { event: "batch_end" }, 1)], CLOCK).problems,
    ).toEqual(["timestamps going back 1.00 s on one connection"]);
  });

  it("does not believe a process that used more CPU than every CPU could give since the launch", () => {
    const lines = [
      line(1, { event: "epoch_start", pid: 9, cpu: 1 }),
      line(1.01, { event: "epoch_end", pid: 9, cpu: 12 }),
    ];
    expect(checkHookLines(lines, CLOCK).problems).toEqual(["12.00 s of CPU time 1.01 s after the launch on 2 CPU(s)"]);
    // Reaped workers' time lands at once: a jump between two close lines is fine within the bound since launch.
    expect(
      checkHookLines(
        [line(10, { event: "batch_end", pid: 9, cpu: 2 }), line(10.1, { event: "batch_end", pid: 9, cpu: 19 })],
        CLOCK,
      ).problems,
    ).toEqual([]);
    expect(
      checkHookLines([line(4, { event: "mark", pid: 9, cpu: 5 }), line(5, { event: "mark", pid: 9, cpu: 3 })], CLOCK)
        .problems,
    ).toEqual(["a process's CPU time going back 2.00 s"]);
  });

  it("does not believe odd values: times that are not numbers, counts that are not counts", () => {
    const odd: HookLine[] = [
      { arrived: LAUNCH + 1, conn: 0, record: { t: "soon", event: "epoch_start" } },
      { arrived: LAUNCH + 1, conn: 0, record: { t: 1e308, event: "epoch_end" } },
      line(2, { event: "batch_end", batch: -3 }),
      line(2, { event: "batch_end", batch: 1e300 }),
      line(2, { event: "epoch_start", epoch: 1.5 }),
    ];
    const { problems } = checkHookLines(odd, CLOCK);
    expect(problems[0]).toBe("a epoch_start line without a time");
    expect(problems.at(-1)).toBe("2 more line(s) like these");
  });
});

describe("a run whose hook lines are odd", () => {
  /** Seeded generator of hostile lines: odd types, huge and negative numbers, NaN-like strings, deep objects. */
  function* hostile(seed: number): Generator<HookLine> {
    let x = seed;
    const rand = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const values = [
      0,
      -1,
      1e308,
      -1e308,
      5e-324,
      2 ** 53,
      "1",
      null,
      true,
      [],
      {},
      1.5,
      LAUNCH,
      LAUNCH + 3,
      LAUNCH - 1e9,
    ];
    const pick = () => values[Math.floor(rand() * values.length)];
    const kinds = ["epoch_start", "epoch_end", "batch_end", "stop", "reset", "start", "mark"];
    for (let i = 0; i < 40; i++) {
      const record: Record<string, unknown> = {
        t: pick(),
        event: kinds[Math.floor(rand() * kinds.length)],
        epoch: pick(),
        batch: pick(),
        batches_per_epoch: pick(),
        cpu: pick(),
        pid: pick(),
      };
      yield { arrived: LAUNCH + rand() * 13, conn: Math.floor(rand() * 3), record };
    }
  }

  it("falls back to the host's timing and keeps the report valid, whatever the lines hold", () => {
    for (let seed = 1; seed <= 25; seed++) {
      const b = runBoundaries({
        hookLines: [...hostile(seed)],
        stdout: [],
        clock: CLOCK,
        measure: { epochs: 1 },
        stdoutStopT: null,
        stoppedByUs: false,
        exitCode: 0,
      });
      expect(b.boundaries, `seed ${seed}`).toBe("host-timing");
      const section = buildSection({
        plan: planFor("python train.py", 30),
        runtime: "host",
        outcome: { status: "completed", reason: "stopped after the measured part" },
        spans: b.spans,
        boundaries: b.boundaries,
        runStartUnix: LAUNCH,
        runEndUnix: b.runEndUnix,
        notes: b.notes,
        idleSeconds: 0,
        series: [
          {
            meter: "cpu-share-tdp",
            kind: "estimated",
            component: "cpu",
            scope: "process tree",
            samples: [],
            cumulative: [
              { unix: LAUNCH, joules: 0 },
              { unix: LAUNCH + 13, joules: 130 },
            ],
          },
        ],
        assumptions: carbonAssumptions({ pue: sourced(1.58, "default", "default") }),
        cpu: { model: null, tdpWatts: null, wattsPerThread: 10, source: "test", fallback: null },
      });
      expect(reportProblems({ ...sampleReport(), carbon: section }), `seed ${seed}`).toEqual([]);
      expect(section.measurement!.actual.seconds).toBeCloseTo(13, 6);
      expect(section.prediction!.total.seconds).toBeCloseTo(30 * 13, 6);
    }
  });
});
