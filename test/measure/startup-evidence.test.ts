// Start-up set apart from the first epoch: by the duration a line states, the hook's marks or a second epoch, each
// named; the prediction pays it once per run.
import { describe, expect, it } from "vitest";
import { runBoundaries, type RunRecord } from "../../src/measure/run-boundaries.js";
import { buildSection } from "../../src/measure/section.js";
import { epochRunRecord } from "../../src/measure/outcome.js";
import { parseProgressLine } from "../../src/measure/stdout-lines.js";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { sourced } from "../../src/model/sourced.js";
import { reportProblems } from "../../src/report/validate.js";
import { renderText } from "../../src/report/text.js";
import { sampleReport } from "../report/fixtures.js";
import { planFor } from "./support.js";

const LAUNCH = 1_700_000_000;
/** Six seconds of start-up (imports, data generation), then eight epochs of 4.1 s: the whole run takes 38.8 s. */
const SETUP = 6;
const EPOCH = 4.1;
const WHOLE = SETUP + 8 * EPOCH;

const lines = (texts: Array<[number, string]>) => texts.map(([t, text]) => ({ t, p: parseProgressLine(text) }));

function record(stdout: Array<[number, string]>, stopT: number, fields: Partial<RunRecord> = {}): RunRecord {
  return {
    hookLines: [],
    stdout: lines(stdout),
    clock: { launchUnix: LAUNCH, exitUnix: LAUNCH + stopT + 0.1, cpus: 2 },
    measure: { epochs: 1 },
    stdoutStopT: stopT,
    stoppedByUs: true,
    exitCode: null,
    ...fields,
  };
}

/** The section a run's boundaries give, metered by a CPU counter drawing 10 W throughout. */
function sectionOf(r: RunRecord) {
  const b = runBoundaries(r);
  const end = b.runEndUnix - LAUNCH;
  const section = buildSection({
    plan: planFor("python train.py", 8),
    runtime: "container",
    outcome: { status: "completed", reason: "stopped after the measured part" },
    spans: b.spans,
    boundaries: b.boundaries,
    runStartUnix: LAUNCH,
    runEndUnix: b.runEndUnix,
    notes: b.notes,
    idleSeconds: 0,
    startup: b.startup,
    series: [
      {
        meter: "cpu-share-tdp",
        kind: "estimated",
        component: "cpu",
        scope: "process tree",
        samples: [],
        cumulative: [
          { unix: LAUNCH, joules: 0 },
          { unix: LAUNCH + end, joules: 10 * end },
        ],
      },
    ],
    assumptions: carbonAssumptions({ pue: sourced(1, "default", "default") }),
    cpu: { model: null, tdpWatts: null, wattsPerThread: 10, source: "test", fallback: null },
  });
  return { b, section };
}

describe("start-up apart from the first epoch", () => {
  it("takes the duration epoch 1's line states, and predicts the whole run within 10% from that one epoch", () => {
    const { b, section } = sectionOf(
      record(
        [
          [1, "Generating data..."],
          [SETUP + EPOCH, `Epoch 1/8 done in ${EPOCH.toFixed(2)}s`],
        ],
        SETUP + EPOCH,
      ),
    );
    expect(b.startup.by).toBe("stated-duration");
    const m = section.measurement!;
    expect(m.actual.setupSeconds).toBeCloseTo(SETUP, 6);
    expect(m.actual.setupEvidence).toEqual(b.startup);
    expect(Math.abs(section.prediction!.total.seconds - WHOLE) / WHOLE).toBeLessThan(0.1);
    expect(reportProblems({ ...sampleReport(), carbon: section })).toEqual([]);
    const text = renderText({ ...sampleReport(), carbon: section });
    expect(text).toContain("Start-up, once per run: epoch 1's line states its own duration");
    const fact = epochRunRecord(
      { status: "completed", reason: "stopped" },
      {
        seconds: 10.1,
        epochs: 1,
        batches: 0,
        boundaries: b.boundaries,
        startup: b.startup,
        startupSeconds: m.actual.setupSeconds,
      },
    );
    expect([fact.startupSeconds, fact.startupEvidence]).toEqual([SETUP, "stated-duration"]);
  });

  it("pays start-up once per run, not once per epoch: two runs cost two start-ups", () => {
    const r = record([[SETUP + EPOCH, `Epoch 1/8 done in ${EPOCH}s`]], SETUP + EPOCH);
    const b = runBoundaries(r);
    const one = sectionOf(r).section.prediction!.total.seconds;
    const two = buildSection({
      plan: planFor("python train.py", 8, 2),
      runtime: "container",
      outcome: { status: "completed", reason: "stopped" },
      spans: b.spans,
      boundaries: b.boundaries,
      runStartUnix: LAUNCH,
      runEndUnix: b.runEndUnix,
      idleSeconds: 0,
      startup: b.startup,
      series: [
        {
          meter: "cpu-share-tdp",
          kind: "estimated",
          component: "cpu",
          scope: "process tree",
          samples: [],
          cumulative: [
            { unix: LAUNCH, joules: 0 },
            { unix: b.runEndUnix, joules: 100 },
          ],
        },
      ],
      assumptions: carbonAssumptions({ pue: sourced(1, "default", "default") }),
      cpu: { model: null, tdpWatts: null, wattsPerThread: 10, source: "test", fallback: null },
    }).prediction!.total.seconds;
    expect(two).toBeCloseTo(2 * one, 6);
    expect(one).toBeCloseTo(SETUP + 8 * EPOCH, 6);
  });

  it("measures a second epoch when the end lines say nothing of where the first began, and says so", () => {
    const stdout: Array<[number, string]> = [
      [SETUP + EPOCH, "Epoch 1/8 finished"],
      [SETUP + 2 * EPOCH, "Epoch 2/8 finished"],
    ];
    const { b, section } = sectionOf(record(stdout, SETUP + 2 * EPOCH));
    expect(b.startup.by).toBe("second-epoch");
    expect(section.measurement!.actual.setupEvidence!.words).toMatch(/second epoch/);
    expect(Math.abs(section.prediction!.total.seconds - WHOLE) / WHOLE).toBeLessThan(0.1);
  });

  it("names the hook's mark, and says when nothing told the start-up apart", () => {
    const hook = [
      {
        arrived: LAUNCH + SETUP + 0.01,
        conn: 0,
        record: { t: LAUNCH + SETUP, event: "epoch_start", epoch: 1, batch: 0, pid: 7, cpu: 1 },
      },
      {
        arrived: LAUNCH + SETUP + EPOCH + 0.01,
        conn: 0,
        record: { t: LAUNCH + SETUP + EPOCH, event: "epoch_end", epoch: 1, batch: 40, pid: 7, cpu: 9 },
      },
    ];
    expect(
      runBoundaries(record([], SETUP + EPOCH, { hookLines: hook, stoppedByUs: false, exitCode: 0 })).startup.by,
    ).toBe("hook-mark");
    expect(
      runBoundaries(record([[SETUP + EPOCH, "Epoch 1/8 finished"]], SETUP + EPOCH, { stoppedByUs: false, exitCode: 0 }))
        .startup.by,
    ).toBe("none");
  });
});
