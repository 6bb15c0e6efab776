// The order extractors run in, from what each declares it reads: every family before its readers (a
// topological sort), ties in the order given. Pure.
import type { Extractor } from "../extractor.js";

/** Extractors ordered so that each runs after the extractors of the families it reads; a family no listed
 * extractor gathers (one the caller presets, or a later stage's) orders nothing. Throws on a cycle. */
export function runOrder(extractors: readonly Extractor[]): Extractor[] {
  const byId = new Map(extractors.map((e) => [e.id, e]));
  const waitingOn = new Map(extractors.map((e) => [e, new Set(e.reads.filter((id) => id !== e.id && byId.has(id)))]));
  const ordered: Extractor[] = [];
  const done = new Set<string>();
  while (ordered.length < extractors.length) {
    // The first extractor, in the order given, whose reads have all run: ties keep that order.
    const next = extractors.find((e) => !done.has(e.id) && [...waitingOn.get(e)!].every((id) => done.has(id)));
    if (!next)
      throw new Error(
        `the extractors read each other in a cycle (${cycleOf(
          extractors.filter((e) => !done.has(e.id)),
          byId,
        ).join(" -> ")}): one of them must stop reading the other's family`,
      );
    ordered.push(next);
    done.add(next.id);
  }
  return ordered;
}

/** One cycle among extractors that cannot run, as ids with the first repeated at the end. */
function cycleOf(stuck: readonly Extractor[], byId: ReadonlyMap<string, Extractor>): string[] {
  const left = new Set(stuck.map((e) => e.id));
  const path: string[] = [];
  let id = stuck[0]!.id;
  // Every stuck extractor reads another stuck one: walking reads from any of them must come back round.
  while (!path.includes(id)) {
    path.push(id);
    id = byId.get(id)!.reads.find((r) => r !== id && left.has(r))!;
  }
  return [...path.slice(path.indexOf(id)), id];
}
