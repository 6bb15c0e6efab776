// Every common form of progress output, recorded in fixtures/stdout: how its epoch lines are read, and its epochs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { epochSpans } from "../../src/measure/boundaries.js";
import { decideMarker, type StampedLine } from "../../src/measure/epoch-marker.js";
import { StdoutLog, stdoutEvents } from "../../src/measure/stdout-boundaries.js";
import { parseProgressLine } from "../../src/measure/stdout-lines.js";
import { mayStop, readStdout } from "../../src/measure/stop-rule.js";
import { sourced } from "../../src/model/sourced.js";

/** Feeds a fixture to the log as the host would receive it: each line's text at its time. */
function record(name: string): { lines: StampedLine[]; chunks: Array<{ t: number; text: string }> } {
  const text = readFileSync(new URL(`./fixtures/stdout/${name}`, import.meta.url), "utf8");
  const chunks = text
    .split("\n")
    .filter(Boolean)
    .map((row) => {
      const at = row.indexOf(" ");
      return {
        t: Number(row.slice(0, at)),
        text:
          row
            .slice(at + 1)
            .replace(/\\r/g, "\r")
            .replace(/\\e/g, "\x1b") + "\n",
      };
    });
  const log = new StdoutLog();
  for (const c of chunks) log.push(c.text, c.t);
  return { lines: log.lines, chunks };
}

type Span = [start: number, end: number | null, lastBatch: number, perEpoch: number | null];
const spansOf = (lines: StampedLine[], marker: "start" | "end"): Span[] =>
  epochSpans(stdoutEvents(lines, marker)).map((s) => [
    Math.round(s.start * 100) / 100,
    s.end === null ? null : Math.round(s.end * 100) / 100,
    s.batches.at(-1)?.count ?? 0,
    s.batchesPerEpoch,
  ]);

const FORMS: Array<{ file: string; marker: "start" | "end" | null; why?: string; spans: Span[] }> = [
  {
    file: "keras2-bars.txt",
    marker: "start",
    why: "training progress bars follow each epoch line",
    spans: [
      [2.1, 3.2, 4, 4],
      [3.2, 4.1, 4, 4],
      [4.1, null, 0, null],
    ],
  },
  {
    file: "keras3-bars.txt",
    marker: "start",
    why: "training progress bars follow each epoch line",
    spans: [
      [3, 4.05, 3, 3],
      [4.05, null, 1, 3],
    ],
  },
  {
    file: "tqdm-epoch.txt",
    marker: null,
    spans: [
      [1, 1.85, 5, 5],
      [1.85, null, 4, 5],
    ],
  },
  {
    file: "lightning-bars.txt",
    marker: null,
    spans: [
      [4.3, 5.3, 4, 4],
      [5.3, null, 4, 4],
    ],
  },
  {
    file: "hf-trainer.txt",
    marker: "end",
    why: "a fraction of epochs done (Hugging Face)",
    spans: [
      [5, 5.85, 3, 6],
      [5.85, 6.65, 3, null],
    ],
  },
  {
    file: "epoch-bracket-steps.txt",
    marker: null,
    spans: [
      [0, 2.5, 300, 300],
      [2.5, null, 200, 300],
    ],
  },
  {
    file: "epoch-loss-lines.txt",
    marker: "end",
    why: "3 of 3 epoch line(s) carry a metric (loss)",
    spans: [
      [0, 6.1, 0, null],
      [6.1, 11.1, 0, null],
      [11.1, 16.1, 0, null],
    ],
  },
  {
    file: "done-lines.txt",
    marker: "end",
    why: "3 of 3 epoch line(s) carry 'done', an elapsed time",
    spans: [
      [0.15, 8.05, 0, null],
      [8.05, 15.95, 0, null],
      [15.95, 23.85, 0, null],
    ],
  },
  {
    file: "bare-start-lines.txt",
    marker: "start",
    why: "the first epoch line came 0.3 s after launch, well inside one epoch",
    spans: [
      [0.3, 5.3, 0, null],
      [5.3, 10.3, 0, null],
      [10.3, null, 0, null],
    ],
  },
  {
    file: "start-and-done-pairs.txt",
    marker: "start",
    why: "well inside one epoch",
    spans: [
      [0.4, 4.4, 0, null],
      [4.6, 8.6, 0, null],
    ],
  },
];

describe("stdout forms", () => {
  for (const form of FORMS) {
    it(`${form.file}: epoch lines read as ${form.marker ?? "nothing to decide"}, epochs where they ran`, () => {
      const { lines } = record(form.file);
      const decision = decideMarker(lines);
      expect(decision?.value ?? null).toBe(form.marker);
      if (form.why) expect(decision!.evidence[0]).toContain(form.why);
      if (decision) expect(decision).toMatchObject({ origin: "measured", source: "the run's output" });
      expect(spansOf(lines, decision?.value ?? "start")).toEqual(form.spans);
    });
  }

  it("reads bare lines about one epoch after launch as starts unless the exit tells", () => {
    const lines = [5, 10, 15].map((t, i) => ({ t, p: parseProgressLine(`Epoch ${i + 1}/3`) }));
    expect(decideMarker(lines)).toMatchObject({
      value: "start",
      evidence: [
        expect.stringContaining("no words, bars or timing told"),
        expect.stringContaining("timing alone does not tell"),
      ],
    });
    expect(decideMarker(lines, null, 15.2)).toMatchObject({
      value: "end",
      evidence: ["the program exited 0.2 s after its last epoch line (lines 5.0 s apart)"],
    });
    expect(decideMarker(lines, null, 20)).toMatchObject({ value: "start" });
  });

  it("opens an epoch when an unlabelled bar starts over", () => {
    const log = new StdoutLog();
    log.push("0/3 [\r1/3 [\r3/3 [\n", 1);
    log.push("0/3 [\r2/3 [\n", 2);
    expect(spansOf(log.lines, "start")).toEqual([
      [1, 2, 3, 3],
      [2, null, 2, 3],
    ]);
  });

  it("the user's marker wins over the output and says where it came from", () => {
    const { lines } = record("bare-start-lines.txt");
    expect(decideMarker(lines, sourced("end" as const, "flag", "--epoch-marker"))).toEqual({
      value: "end",
      origin: "flag",
      source: "--epoch-marker",
      evidence: ["set by --epoch-marker"],
    });
    expect(spansOf(lines, "end")).toEqual([
      [0, 0.3, 0, null],
      [0.3, 5.3, 0, null],
      [5.3, 10.3, 0, null],
    ]);
  });
});

describe("where a run is stopped, line by line as it arrives", () => {
  /** The time of the line at which the stop rule first fires, or null. */
  function stopsAt(file: string, epochs: number, batches?: number): { t: number | null; epochs: number } {
    const { chunks } = record(file);
    const log = new StdoutLog();
    for (const c of chunks) {
      const before = log.lines.at(-1);
      for (const line of log.push(c.text, c.t)) {
        if (!mayStop(line, before, batches)) continue;
        const reading = readStdout(log.lines, { epochs, ...(batches ? { batches } : {}) });
        if (reading.stop) return { t: c.t, epochs: reading.target.epochs };
      }
    }
    return { t: null, epochs };
  }

  it("stops at the end line of the measured epoch when the line says how long it took", () => {
    expect(stopsAt("done-lines.txt", 1)).toEqual({ t: 8.05, epochs: 1 });
    expect(stopsAt("done-lines.txt", 2)).toEqual({ t: 15.95, epochs: 2 });
  });

  it("runs one more epoch when end lines leave the first epoch's start unknown", () => {
    expect(stopsAt("epoch-loss-lines.txt", 1)).toEqual({ t: 11.1, epochs: 2 });
  });

  it("stops when the next epoch starts for start lines and bars", () => {
    expect(stopsAt("bare-start-lines.txt", 1)).toEqual({ t: 5.3, epochs: 1 });
    expect(stopsAt("keras2-bars.txt", 1)).toEqual({ t: 3.2, epochs: 1 });
    expect(stopsAt("lightning-bars.txt", 1)).toEqual({ t: 5.3, epochs: 1 });
    expect(stopsAt("hf-trainer.txt", 1)).toEqual({ t: 5.85, epochs: 1 });
  });

  it("stops after K batches counted by bars or step prints", () => {
    expect(stopsAt("keras2-bars.txt", 1, 3)).toEqual({ t: 3.1, epochs: 1 });
    expect(stopsAt("epoch-bracket-steps.txt", 1, 150)).toEqual({ t: 1.5, epochs: 1 });
    expect(stopsAt("done-lines.txt", 1, 3)).toEqual({ t: 8.05, epochs: 1 });
  });
});

describe("progress lines", () => {
  it("reads labels, bars, step counters and the words that end an epoch", () => {
    expect(parseProgressLine("Epoch 1/30")).toEqual({ epoch: 1, totalEpochs: 30 });
    expect(parseProgressLine(" 37/120 [=====>....] - ETA: 3s - loss: 0.41")).toEqual({ bar: { done: 37, total: 120 } });
    expect(parseProgressLine("Epoch [2/5], Step [100/600], Loss: 0.21")).toEqual({
      epoch: 2,
      totalEpochs: 5,
      bar: { done: 100, total: 600 },
    });
    expect(parseProgressLine("Epoch 3/8 done in 1:02")).toEqual({
      epoch: 3,
      totalEpochs: 8,
      endWords: ["'done'", "an elapsed time"],
      elapsedSeconds: 62,
    });
    expect(parseProgressLine("Epoch 3/8 - 5 min remaining")).toEqual({ epoch: 3, totalEpochs: 8 });
    expect(parseProgressLine("Validation DataLoader 0: 100%|██| 16/16 [00:00<00:00]")).toEqual({
      bar: { done: 16, total: 16 },
      evaluation: true,
    });
    expect(parseProgressLine("{'loss': 0.69, 'epoch': 0.33}")).toEqual({});
    expect(parseProgressLine("Training for 30 epochs")).toEqual({});
  });
});

/** The numpy sample's output (train-cpu, 2 epochs of 8 batches), chunk by chunk as the host read it: each bar is
 * printed as "\r" + text after its batch, so a bar's line is complete only when the next one begins. */
const NUMPY_CHUNKS: Array<[t: number, text: string]> = [
  [1.107, "Epoch 1/2\n"],
  [1.273, "\r1/8 [===...........................] - loss: 0.8535"],
  [1.519, "\r2/8 [=======.......................] - loss: 2.4722"],
  [1.711, "\r3/8 [===========...................] - loss: 5.3580"],
  [1.912, "\r4/8 [===============...............] - loss: 2.6174"],
  [2.088, "\r5/8 [==================............] - loss: 4.9970"],
  [2.207, "\r6/8 [======================........] - loss: 2.7211"],
  [2.399, "\r7/8 [==========================....] - loss: 5.3317"],
  [2.541, "\r8/8 [==============================] - loss: 2.8714"],
  [2.755, " - 1.6s - val_loss: 4.0319\nEpoch 2/2\n"],
  [2.994, "\r1/8 [===...........................] - loss: 4.4111"],
  [3.201, "\r2/8 [=======.......................] - loss: 4.1787"],
  [3.432, "\r3/8 [===========...................] - loss: 3.4391"],
  [3.611, "\r4/8 [===============...............] - loss: 4.5686"],
  [3.828, "\r5/8 [==================............] - loss: 3.1238"],
  [4.02, "\r6/8 [======================........] - loss: 4.3168"],
  [4.252, "\r7/8 [==========================....] - loss: 2.5784"],
  [4.503, "\r8/8 [==============================] - loss: 4.1768"],
  [4.576, " - 1.9s - val_loss: 2.6376\n"],
];

describe("bars refreshed as a carriage return and text", () => {
  it("marks each batch when its bar is printed, so the validation after the last batch is the epoch's tail", () => {
    const log = new StdoutLog();
    for (const [t, text] of NUMPY_CHUNKS) log.push(text, t);
    const [first, second] = epochSpans(stdoutEvents(log.lines, "start"));
    // Bar k's line is read when bar k+1 is printed: at that time k+1 batches were done.
    expect(first!.batches.slice(0, 2)).toEqual([
      { t: 1.519, count: 2 },
      { t: 1.711, count: 3 },
    ]);
    // The last batch ended when its bar was printed (2.541 s), not when the validation's words closed the line.
    expect(first!.batches.at(-1)).toEqual({ t: 2.541, count: 8 });
    expect(first!.end! - first!.batches.at(-1)!.t).toBeCloseTo(2.755 - 2.541, 9);
    expect(second!.batches.at(-1)).toEqual({ t: 4.503, count: 8 });
  });

  it("keeps a bar's own count when its line ended by itself or the next line was no bar of the same pass", () => {
    const log = new StdoutLog();
    log.push("1/4 [=====\n", 1); // ended by its own newline
    log.push("2/4 [=====\r", 2); // ended by its own carriage return
    log.push("3/4 [=====", 3);
    log.push("\rsaving checkpoint", 4); // the next line is no bar
    log.push("\r4/4 [=====\n", 5);
    const [span] = epochSpans(stdoutEvents(log.lines, "start"));
    expect(span!.batches).toEqual([
      { t: 1, count: 1 },
      { t: 2, count: 2 },
      { t: 4, count: 3 },
      { t: 5, count: 4 },
    ]);
  });
});
