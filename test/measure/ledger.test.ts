import { mkdtempSync, readFileSync, appendFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  appendLedger,
  ledgerPath,
  ledgerSummary,
  readLedger,
  renderLedgerText,
  type LedgerEntry,
} from "../../src/measure/ledger.js";

const entry = (date: string, repo: string, seconds: number, kWh: number, co2g: number): LedgerEntry => ({
  date,
  repo,
  commit: "abc",
  runtime: "container",
  status: "measured",
  seconds,
  kWh,
  co2g,
  epochs: 1,
  batches: 10,
  region: "WORLD",
  gPerKWh: 481,
  predictedKWh: kWh * 10,
  predictedCo2g: co2g * 10,
});

describe("ledger", () => {
  it("lives under REPRO_AUDIT_LEDGER or the XDG data folder", () => {
    expect(ledgerPath({ REPRO_AUDIT_LEDGER: "/x/l.jsonl" })).toBe("/x/l.jsonl");
    expect(ledgerPath({ XDG_DATA_HOME: "/d" })).toBe("/d/repro-audit/ledger.jsonl");
  });
  it("appends JSON lines, reads them back skipping a broken line, and sums them", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "ledger-")), "sub", "ledger.jsonl");
    expect(await readLedger(path)).toEqual([]);
    await appendLedger(entry("2024-05-02T00:00:00.000Z", "r1", 60, 0.002, 0.962), path);
    appendFileSync(path, '{"date": "cut\n');
    await appendLedger(entry("2024-05-01T00:00:00.000Z", "r2", 30, 0.001, 0.481), path);
    expect(readFileSync(path, "utf8").split("\n").length).toBe(4);
    const entries = await readLedger(path);
    expect(entries.map((e) => e.repo)).toEqual(["r1", "r2"]);
    const summary = ledgerSummary(entries);
    expect(summary).toMatchObject({
      runs: 2,
      seconds: 90,
      repos: 2,
      first: "2024-05-01T00:00:00.000Z",
      last: "2024-05-02T00:00:00.000Z",
    });
    expect(summary.kWh).toBeCloseTo(0.003, 12);
    expect(summary.kmByCar).toBeCloseTo(1.443 / 107.5, 12);
    expect(renderLedgerText(summary, path)).toContain("Instrumented runs: 2 over 2 repo(s)");
  });
});
