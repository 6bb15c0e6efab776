// torchvision and torchaudio pins against the torch the same spec pins, by the official pairs
// (data/torch-companions.json, with its sources). Pure.
import { readDataJson } from "../../../io/package.js";
import type { FactRecord } from "../../../model/facts.js";

interface CompanionTable {
  sources: Record<string, string>;
  rows: Array<{ torch: string; torchvision: string; torchaudio?: string }>;
}

let table: CompanionTable | null = null;
const COMPANIONS = ["torchvision", "torchaudio"] as const;
/** The release series (major.minor) of an exact pin, its local tag dropped (`==1.5.0+cu101` -> 1.5). */
const series = (spec: unknown) =>
  typeof spec === "string" ? (/^===?\s*v?(\d+\.\d+)(?:\.\d+)*(?:\+[\w.]+)?$/.exec(spec.trim())?.[1] ?? null) : null;

/** One `framework-companion` record per torchvision or torchaudio pin beside a torch pin of the same spec file (separate
 * files may serve separate environments), `matches` whether it is the series made for that torch. */
export function companionMismatches(records: readonly FactRecord[]): FactRecord[] {
  table ??= readDataJson<CompanionTable>("torch-companions.json");
  const out: FactRecord[] = [];
  const pins = records.filter((r) => r.kind === "package" && typeof r.file === "string" && series(r.spec) !== null);
  for (const torch of pins.filter((r) => r.name === "torch")) {
    const row = table.rows.find((r) => r.torch === series(torch.spec));
    if (!row) continue;
    for (const name of COMPANIONS) {
      const expected = row[name];
      const pin = pins.find((r) => r.file === torch.file && r.name === name);
      if (!expected || !pin) continue;
      out.push({
        kind: "framework-companion",
        file: pin.file,
        line: pin.line,
        name,
        version: String(pin.spec).replace(/^===?\s*/, ""),
        torch: String(torch.spec).replace(/^===?\s*/, ""),
        expected,
        matches: series(pin.spec) === expected,
        source: table.sources[name]!,
      });
    }
  }
  return out;
}
