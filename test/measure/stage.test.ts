// The epoch step as the pipeline runs it, host runtime on real Python: what the report and stderr say when --batches
// finds no batch to count, how "done" lines are read, and a training measured whole shown as measured, not predicted.
import { describe, expect, it } from "vitest";
import { epochStep } from "../../src/measure/stage.js";
import { carbonAssumptions } from "../../src/carbon/assumptions.js";
import { emptyFacts } from "../../src/model/facts.js";
import type { Progress } from "../../src/model/progress.js";
import { sourced } from "../../src/model/sourced.js";
import { renderCarbonText } from "../../src/report/carbon-text.js";
import { planFor, tempRepo } from "./support.js";

/** A plain loop that prints after each epoch, as many scripts do. */
const DONE_LOOP = (epochs: number, seconds: number) =>
  [
    "import time",
    `for epoch in range(1, ${epochs + 1}):`,
    "    t = time.time()",
    `    while time.time() - t < ${seconds}:`,
    "        sum(i * i for i in range(1000))",
    `    print(f"Epoch {epoch}/${epochs} done in {time.time() - t:.1f}s", flush=True)`,
  ].join("\n");

/** What a step tells the person watching: every line, by kind. */
function recording(): Progress & { lines: string[] } {
  const lines: string[] = [];
  const put = (kind: string) => (text: string) => void lines.push(`${kind}: ${text}`);
  return {
    lines,
    start: (_s: string, text: string) => put("start")(text),
    succeed: put("succeed"),
    skip: put("skip"),
    fail: put("fail"),
    note: put("note"),
  };
}

function step(
  script: string,
  epochs: number,
  extra: { measureEpochs?: number; batches?: number; epochMarker?: ReturnType<typeof sourced<"start" | "end">> } = {},
) {
  const progress = recording();
  const facts = emptyFacts();
  return epochStep({
    root: tempRepo({ "train.py": script }),
    plan: planFor("python3 train.py", epochs),
    runtime: "host",
    engine: null,
    image: null,
    data: [],
    measureEpochs: extra.measureEpochs ?? 1,
    ...(extra.batches ? { batches: extra.batches } : {}),
    ...(extra.epochMarker ? { epochMarker: extra.epochMarker } : {}),
    timeoutSeconds: 120,
    assumptions: carbonAssumptions({ pue: sourced(1.58, "default", "default") }),
    ledger: false,
    repo: { kind: "folder", url: "test", commit: null, branches: [] } as never,
    facts,
    progress,
  }).then((r) => ({ ...r, progress, facts }));
}

describe("epoch step", () => {
  it("reads 'done' lines as the ends of epochs, measures one, and says why", async () => {
    const { section, facts } = await step(DONE_LOOP(8, 0.4), 8);
    expect(section.measurement!.epochMarker).toMatchObject({
      value: "end",
      origin: "measured",
      evidence: [expect.stringContaining("carry 'done', an elapsed time")],
    });
    expect(facts.families["epoch-run"]).toEqual([
      expect.objectContaining({ status: "completed", epochs: 1, boundaries: "stdout" }),
    ]);
    // The epoch's own span, not start-up plus the epoch: predicted 8 x ~0.4 s.
    expect(section.prediction!.perEpoch!.seconds).toBeGreaterThan(0.3);
    expect(section.prediction!.perEpoch!.seconds).toBeLessThan(0.8);
    expect(renderCarbonText(section)).toMatch(
      /Boundaries: stdout, epoch lines read as ends \(\d of \d epoch line\(s\) carry 'done', an elapsed time/,
    );
  });

  it("says in the report and on stderr that --batches found no batch boundary, and measures whole epochs", async () => {
    const { section, progress } = await step(DONE_LOOP(4, 0.3), 4, { batches: 4 });
    const note =
      "--batches 4 asked, but no batch boundary was seen (no framework hook, progress bar or batch print): measured 1 whole epoch(s), stdout";
    expect(section.measurement!.notes).toEqual([note]);
    expect(progress.lines).toContain(`note: ${note}`);
    expect(section.prediction).toMatchObject({ from: "epochs" });
    expect(renderCarbonText(section)).toContain(`Note: ${note}`);
  });

  it("shows a training measured whole as measured: the actual block and no prediction", async () => {
    const { section } = await step(DONE_LOOP(3, 0.3), 3, { measureEpochs: 3 });
    expect(section.measurement).toMatchObject({ status: "measured", complete: true, actual: { epochs: 3 } });
    expect(section.prediction).toBeNull();
    const text = renderCarbonText(section);
    expect(text).toContain(
      "Actual consumption for 3 epoch(s) (the whole training: every epoch of the plan was measured):",
    );
    expect(text).not.toContain("Predicted");
  });

  it("lets the user's --epoch-marker settle how lines are read", async () => {
    const { section } = await step(DONE_LOOP(3, 0.3).replace(" done in {time.time() - t:.1f}s", ""), 3, {
      epochMarker: sourced("end", "flag", "--epoch-marker"),
    });
    expect(section.measurement!.epochMarker).toEqual({
      value: "end",
      origin: "flag",
      source: "--epoch-marker",
      evidence: ["set by --epoch-marker"],
    });
    expect(renderCarbonText(section)).toContain("epoch lines read as ends (--epoch-marker)");
  });
});
