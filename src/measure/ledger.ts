// The local ledger of instrumented runs (JSON lines): what each audit's own epoch cost, and a summary.
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import type { CarbonSection } from "../model/carbon.js";
import { kmByCar } from "../carbon/equivalents.js";

export interface LedgerEntry {
  date: string;
  repo: string;
  commit: string | null;
  runtime: "container" | "host";
  status: NonNullable<CarbonSection["measurement"]>["status"];
  seconds: number;
  kWh: number;
  co2g: number;
  epochs: number;
  batches: number;
  region: string;
  gPerKWh: number;
  predictedKWh: number | null;
  predictedCo2g: number | null;
}

export interface LedgerSummary {
  runs: number;
  seconds: number;
  kWh: number;
  co2g: number;
  kmByCar: number;
  first: string | null;
  last: string | null;
  repos: number;
}

/** REPRO_AUDIT_LEDGER, else ~/.local/share/repro-audit/ledger.jsonl (XDG_DATA_HOME honoured). */
export function ledgerPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.REPRO_AUDIT_LEDGER) return env.REPRO_AUDIT_LEDGER;
  const data = env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(data, "repro-audit", "ledger.jsonl");
}

/** The ledger line of a section that holds a measurement. */
export function ledgerEntryFor(
  section: CarbonSection,
  repo: string,
  commit: string | null,
  date = new Date(),
): LedgerEntry {
  const m = section.measurement!;
  // Unknown energy is not 0; a complete measurement is its own prediction.
  const whole = m.energyMeasured
    ? section.prediction?.basis === "measured"
      ? section.prediction.total
      : m.complete
        ? m.actual
        : null
    : null;
  return {
    date: date.toISOString(),
    repo,
    commit,
    runtime: m.runtime,
    status: m.status,
    seconds: m.actual.seconds,
    kWh: m.actual.energyKWh,
    co2g: m.actual.co2g,
    epochs: m.actual.epochs,
    batches: m.actual.batches,
    region: section.assumptions.intensity.region,
    gPerKWh: section.assumptions.intensity.value,
    predictedKWh: whole ? whole.energyKWh : null,
    predictedCo2g: whole ? whole.co2g : null,
  };
}

export async function appendLedger(entry: LedgerEntry, path = ledgerPath()): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, JSON.stringify(entry) + "\n", "utf8");
}

/** Entries in order; lines that are not entries (cut short, edited by hand) are skipped. */
export async function readLedger(path = ledgerPath()): Promise<LedgerEntry[]> {
  const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return "";
    throw e;
  });
  return parseLedger(text);
}

function parseLedger(text: string): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const e = JSON.parse(line) as LedgerEntry;
      if (
        typeof e.date === "string" &&
        typeof e.kWh === "number" &&
        typeof e.co2g === "number" &&
        typeof e.seconds === "number"
      )
        out.push(e);
    } catch {
      continue;
    }
  }
  return out;
}

export function ledgerSummary(entries: readonly LedgerEntry[]): LedgerSummary {
  const sum = (f: (e: LedgerEntry) => number) => entries.reduce((a, e) => a + f(e), 0);
  const dates = entries.map((e) => e.date).sort();
  const co2g = sum((e) => e.co2g);
  return {
    runs: entries.length,
    seconds: sum((e) => e.seconds),
    kWh: sum((e) => e.kWh),
    co2g,
    kmByCar: kmByCar(co2g),
    first: dates[0] ?? null,
    last: dates[dates.length - 1] ?? null,
    repos: new Set(entries.map((e) => e.repo)).size,
  };
}

/** The `repro-audit ledger` text. */
export function renderLedgerText(summary: LedgerSummary, path: string): string {
  if (summary.runs === 0) return `No instrumented runs recorded yet (${path}).\n`;
  return (
    [
      `Instrumented runs: ${summary.runs} over ${summary.repos} repo(s), ${summary.first} to ${summary.last}`,
      `  Time:   ${(summary.seconds / 3600).toFixed(2)} h`,
      `  Energy: ${summary.kWh.toPrecision(3)} kWh`,
      `  CO2eq:  ${summary.co2g.toPrecision(3)} g (${summary.kmByCar.toPrecision(3)} km by car)`,
      `  Ledger: ${path}`,
    ].join("\n") + "\n"
  );
}
