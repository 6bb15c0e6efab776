// The resolver stops at its first failure: a spec with a version the index lacks on one line and a project it
// lacks on another says only the first. Each failure that names one line (a project or version the index lacks)
// is set aside and the rest asked again, so each line that cannot install is said, not only the first; a failure
// that names no one line (pins that conflict, no Python in common) ends the search. Bounded: each ask is one more
// run of the resolver.
import type { SettledAnswer } from "./leave-out.js";
import type { AskedLine } from "./resolver-input.js";
import type { ResolverAnswer } from "./resolver-output.js";
import { missingIn, normalizeName } from "./unresolvable-cause.js";

/** At most this many further asks per spec. */
const MAX_BEHIND = 4;

type Unresolvable = Extract<ResolverAnswer, { outcome: "unresolvable" }>;

export interface ProblemBehind {
  /** The line this failure names. */
  line: AskedLine;
  answer: Unresolvable;
  /** The lines asked this time (the spec without the lines earlier failures named, and those left out). */
  asked: AskedLine[];
  /** The requirement whose failure, reported first, hid this one. */
  behind: string;
}

const nameOf = (requirement: string) => normalizeName(/^[A-Za-z0-9][\w.-]*/.exec(requirement)?.[0] ?? "");

/** The one asked line a resolver's reason names as missing from the index, or null. */
export function culpritLine(lines: readonly AskedLine[], reason: string): AskedLine | null {
  const missing = missingIn(reason);
  if (!missing) return null;
  const name = normalizeName(missing.name);
  const named = lines.filter((l) => nameOf(l.requirement) === name);
  return named.length === 1 ? named[0]! : null;
}

/** The failures behind `first`, each naming one line, found by asking again without the lines named before. */
export async function problemsBehind(
  lines: readonly AskedLine[],
  first: Unresolvable,
  ask: (lines: AskedLine[]) => Promise<SettledAnswer>,
): Promise<ProblemBehind[]> {
  const out: ProblemBehind[] = [];
  const firstLine = culpritLine(lines, first.reason);
  if (!firstLine) return out;
  let culprit = firstLine;
  let rest = lines.filter((l) => l !== culprit);
  for (let i = 0; i < MAX_BEHIND && rest.length > 0; i++) {
    const next = await ask(rest);
    if (next.answer.outcome !== "unresolvable") break;
    const named = culpritLine(next.asked, next.answer.reason);
    if (!named) break;
    out.push({ line: named, answer: next.answer, asked: next.asked, behind: firstLine.requirement });
    culprit = named;
    rest = next.asked.filter((l) => l !== culprit);
  }
  return out;
}
