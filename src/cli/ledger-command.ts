// `repro-audit ledger`: the footprint of the audits' own instrumented runs on this machine.
import { ledgerPath, ledgerSummary, readLedger, renderLedgerText } from "../measure/ledger.js";

export async function ledgerCommand(format: "text" | "json"): Promise<string> {
  const path = ledgerPath();
  const entries = await readLedger(path);
  const summary = ledgerSummary(entries);
  if (format === "json") return `${JSON.stringify({ path, summary, entries }, null, 2)}\n`;
  return renderLedgerText(summary, path);
}
