// Fact family `imports`: every import, where it comes from and whether an environment spec declares it.
import type { FactRecord } from "../../model/facts.js";
import type { Extractor } from "../extractor.js";
import { recordAt } from "../python/locate.js";
import { distributionOf, isStdlib, normalizeDistribution, satisfyingNames } from "../python/packages.js";
import { preparePythonIndex } from "../python/repo-index.js";

export const extractor: Extractor = {
  id: "imports",
  async extract(ctx) {
    const index = await preparePythonIndex(ctx.view);
    const spec = ctx.facts.families["env-spec"] ?? [];
    const hasSpec = spec.some((r) => r.kind === "package" || r.kind === "spec-file");
    const declaredNames = new Set(spec.filter((r) => r.kind === "package" && typeof r.name === "string").map((r) => normalizeDistribution(r.name as string)));
    const records: FactRecord[] = [];
    // The same module is imported by many files: judge each (module, level) once.
    const judged = new Map<string, { top: string; origin: string; distribution: string; declared: boolean | null }>();
    for (const file of index.files) {
      for (const imp of file.imports) {
        const module = ".".repeat(imp.level) + imp.module;
        const key = imp.module ? module : `${module} ${imp.names[0] ?? ""}`;
        let verdict = judged.get(key);
        if (!verdict) {
          const top = imp.module.split(".")[0] || (imp.names[0] ?? "");
          const origin = imp.level > 0 || index.localTops.has(top) ? "local" : isStdlib(top) ? "stdlib" : "third-party";
          const distribution = origin === "third-party" ? distributionOf(imp.module) : top;
          const declared = origin === "third-party" && hasSpec ? satisfyingNames(distribution).some((n) => declaredNames.has(n)) : null;
          judged.set(key, (verdict = { top, origin, distribution, declared }));
        }
        records.push(recordAt(file, imp.line, { module, top: verdict.top, origin: verdict.origin, distribution: verdict.distribution, declared: verdict.declared }));
      }
    }
    return records;
  },
};
