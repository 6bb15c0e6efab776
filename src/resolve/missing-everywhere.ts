// The resolver stops at the first failure it meets, and which one it meets first can depend on the Python: on 3.11 an
// old framework pin has no wheel, on 3.7 a vendor's pinned release the index never had is missing. A line the index
// lacks fails on every Python, so where no Python installs the spec, that line is the cause to name, never the conflict
// the first Python happened to print. Pure.
import { culpritLine } from "./behind-first.js";
import type { SettledAnswer } from "./leave-out.js";
import type { AskedLine } from "./resolver-input.js";

export interface MissingEverywhere {
  python: string;
  settled: SettledAnswer;
  /** The one line the index lacks (a project, or the pinned version of one). */
  line: AskedLine;
}

/** Of the failures on each Python tried, in order, the first whose reason names one asked line the index lacks. */
export function lineMissingEverywhere(
  failures: ReadonlyArray<{ python: string; settled: SettledAnswer }>,
): MissingEverywhere | null {
  for (const f of failures) {
    if (f.settled.answer.outcome !== "unresolvable") continue;
    const line = culpritLine(f.settled.asked, f.settled.answer.reason);
    if (line) return { ...f, line };
  }
  return null;
}

/** The cause with what asking without the line showed: where the rest installs on the record's Python without it, the
 * line is the one to fix. */
export function withoutLineWords(
  cause: string | null,
  m: MissingEverywhere,
  restInstallsOn: string | null,
): string | null {
  if (restInstallsOn === null) return cause;
  const fix = `${m.line.file}:${m.line.line} (${m.line.requirement}) is the line that keeps the spec from installing: without it, the rest installs on Python ${restInstallsOn}`;
  return cause ? `${cause}; ${fix}` : fix;
}
