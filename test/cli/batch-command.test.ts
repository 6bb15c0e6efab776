// `merge` and `batch` with `--format html`: the page is rendered once, charts included; stdout shows the page written.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { batchCommand, mergeCommand } from "../../src/cli/batch-command.js";
import { parseBatchArgs } from "../../src/cli/batch-args.js";
import * as batchHtml from "../../src/report/batch-html.js";
import { batchReportFixture } from "../report/batch-fixtures.js";
import { captureIo } from "../support/capture-io.js";
import { writeLeaderboard } from "../support/leaderboard.js";

// The real renderer, watched: each call counted.
vi.mock("../../src/report/batch-html.js", async (original) => {
  const real = await original<typeof import("../../src/report/batch-html.js")>();
  return {
    ...real,
    renderBatchHtml: vi.fn(real.renderBatchHtml),
    renderBatchChartSvgs: vi.fn(real.renderBatchChartSvgs),
  };
});

let dir = "";
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  vi.clearAllMocks();
});

describe("publishing a batch's reports as HTML", () => {
  it("renders the page and its charts once: the page printed is the page written", async () => {
    dir = mkdtempSync(join(tmpdir(), "batch-command-"));
    const shard = join(dir, "shard");
    mkdirSync(shard);
    writeFileSync(join(shard, "batch.json"), JSON.stringify(batchReportFixture()));
    const out = join(dir, "merged");
    const { io, text } = captureIo();

    await mergeCommand(
      { command: "merge", files: [join(shard, "batch.json")], out, format: "html", debug: false, png: false },
      io,
    );

    expect(vi.mocked(batchHtml.renderBatchHtml)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(batchHtml.renderBatchChartSvgs)).toHaveBeenCalledTimes(1);
    expect(text.out).toBe(readFileSync(join(out, "batch.html"), "utf8"));
    expect(text.out).toContain("<svg ");
  });

  it("does the same for a batch run", async () => {
    dir = mkdtempSync(join(tmpdir(), "batch-command-"));
    // Teams with published figures only: the batch audits nothing, and still writes and prints its page.
    const file = writeLeaderboard(dir, [
      { name: "published one", co2g: 1.58 },
      { name: "published two", co2g: 5752 },
    ]);
    const out = join(dir, "out");
    const args = parseBatchArgs([file, "--out", out, "--format", "html"]);
    if (args.command !== "batch") throw new Error(`not a batch command: ${args.command}`);
    const { io, text } = captureIo();

    await batchCommand(args, io);

    expect(vi.mocked(batchHtml.renderBatchHtml)).toHaveBeenCalledTimes(1);
    expect(vi.mocked(batchHtml.renderBatchChartSvgs)).toHaveBeenCalledTimes(1);
    expect(text.out).toBe(readFileSync(join(out, "batch.html"), "utf8"));
    expect(text.out).toContain("published two");
  });
});
