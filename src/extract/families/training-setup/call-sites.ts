// The lines of a repo's Python files that call a function by name (`add_run(`, `self.add_run(`, `exp.add_run(`),
// its own `def` aside: where a tracker started inside a function is switched on or off. Each file is split once,
// on the first question, and each name's sites are kept.
import type { CallSites } from "./trackers.js";

export function callSitesOf(sources: ReadonlyArray<{ text: string }>): CallSites {
  let split: Array<readonly string[]> | null = null;
  const cache = new Map<string, ReturnType<CallSites>>();
  return (name) => {
    const known = cache.get(name);
    if (known) return known;
    split ??= sources.map((s) => s.text.split("\n"));
    const call = new RegExp(String.raw`(?:^|[^\w])${name}\s*\(`);
    const sites: Array<{ lines: readonly string[]; i: number }> = [];
    for (const lines of split)
      lines.forEach((line, i) => {
        if (line.length > 2000 || /^\s*(?:async\s+)?def\s/.test(line)) return;
        if (call.test(line.replace(/#.*$/, ""))) sites.push({ lines, i });
      });
    cache.set(name, sites);
    return sites;
  };
}
