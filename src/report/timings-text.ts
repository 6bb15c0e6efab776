// `audit --timings`: the steps' times as a table on stderr, each phase with its total and share, its steps
// slowest first. Pure.
import type { Timing, TimingPhase } from "../model/timings.js";

const ORDER: readonly TimingPhase[] = ["source", "walk", "rules", "index", "extract", "estimate", "judge"];

const seconds = (s: number) => `${s.toFixed(3)} s`;
const share = (part: number, whole: number) => (whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : "-");

/** The table; `wholeSeconds` is the audit's wall time, of which the steps' sum is a part. */
export function renderTimings(timings: readonly Timing[], wholeSeconds: number): string {
  const total = timings.reduce((sum, t) => sum + t.seconds, 0);
  const lines = [`timings: ${seconds(total)} in the steps below, ${seconds(wholeSeconds)} for the whole audit`];
  const width = Math.max(10, ...timings.map((t) => t.name.length));
  for (const phase of ORDER) {
    const steps = timings.filter((t) => t.phase === phase);
    if (steps.length === 0) continue;
    const sum = steps.reduce((s, t) => s + t.seconds, 0);
    lines.push(`  ${phase.padEnd(width + 2)} ${seconds(sum).padStart(10)}  ${share(sum, total).padStart(6)}`);
    if (steps.length === 1 && steps[0]!.name === phase) continue;
    for (const step of [...steps].sort((a, b) => b.seconds - a.seconds || a.name.localeCompare(b.name))) {
      lines.push(
        `    ${step.name.padEnd(width)} ${seconds(step.seconds).padStart(10)}  ${share(step.seconds, total).padStart(6)}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
