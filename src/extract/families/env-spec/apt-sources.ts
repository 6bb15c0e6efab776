// The apt sources each Dockerfile adds that break its build or its base (a revoked CUDA key, an Ubuntu repository
// on a Debian base), as env-spec records with whether that Dockerfile is the repo's environment. Pure.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { aptSourceProblems } from "../../parse/dockerfile-apt.js";

export function aptSourceRecords(
  view: RepoView,
  records: readonly FactRecord[],
  contextsOf: (file: string) => { environment: boolean },
): FactRecord[] {
  const out: FactRecord[] = [];
  for (const spec of records) {
    if (spec.kind !== "spec-file" || spec.format !== "dockerfile" || typeof spec.file !== "string") continue;
    const text = view.read(spec.file);
    if (text === null) continue;
    const { environment } = contextsOf(spec.file);
    for (const p of aptSourceProblems(text)) out.push({ ...p, file: spec.file, environment });
  }
  return out;
}
