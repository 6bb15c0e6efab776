// A labelling aid: pick error and warning findings spread across rules, and show each at its line, as
// YAML stubs to judge. The pick is pure; reading the line is the only I/O.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchFinding } from "./match.js";

/** Up to `n` error/warning findings, round-robin over rules (rarest rule first), evenly spaced within a rule. */
export function pickForReading(findings: readonly BenchFinding[], n: number): BenchFinding[] {
  const byRule = new Map<string, BenchFinding[]>();
  for (const f of findings) if (f.severity !== "info") byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  const rules = [...byRule.entries()].sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]));
  const quota = new Map(rules.map(([r]) => [r, 0]));
  let left = Math.min(n, findings.filter((f) => f.severity !== "info").length);
  while (left > 0) {
    for (const [rule, list] of rules) {
      if (left === 0) break;
      if (quota.get(rule)! < list.length) {
        quota.set(rule, quota.get(rule)! + 1);
        left--;
      }
    }
  }
  const picked: BenchFinding[] = [];
  for (const [rule, list] of rules) {
    const k = quota.get(rule)!;
    for (let i = 0; i < k; i++) picked.push(list[Math.floor((i * list.length) / k)]!);
  }
  return picked;
}

/** The source line a finding points at (a notebook's cell line), trimmed; "" when it cannot be read. */
export function sourceLine(repo: string, f: BenchFinding): string {
  if (!f.file) return "";
  try {
    const text = readFileSync(join(repo, f.file), "utf8");
    if (f.cell !== undefined && f.cellLine !== undefined) {
      const cell = (JSON.parse(text) as { cells: Array<{ source: string | string[] }> }).cells[f.cell];
      const src = Array.isArray(cell?.source) ? cell!.source.join("") : (cell?.source ?? "");
      return (src.split("\n")[f.cellLine - 1] ?? "").trim().slice(0, 200);
    }
    return f.line ? (text.split("\n")[f.line - 1] ?? "").trim().slice(0, 200) : "";
  } catch {
    return "";
  }
}

export function renderStubs(repo: string, picked: readonly BenchFinding[]): string {
  const out: string[] = [];
  for (const f of picked) {
    const at =
      f.cell !== undefined ? `    cell: ${f.cell}\n    cellLine: ${f.cellLine}` : `    line: ${f.line ?? "null"}`;
    out.push(
      `  - rule: ${f.rule}\n    file: ${f.file === null ? "null" : JSON.stringify(f.file)}\n${at}\n    verdict: TODO\n    why: ""`,
    );
    out.push(`    # ${f.severity}: ${f.message.slice(0, 200)}`);
    const src = sourceLine(repo, f);
    if (src) out.push(`    # > ${src}`);
  }
  return out.join("\n");
}
