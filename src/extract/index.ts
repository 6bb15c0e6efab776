// Run the extractors in order over one RepoView; each sees the families gathered before it.
import { addFacts, emptyFacts, markNotCollected, type Facts } from "../model/facts.js";
import type { BranchView } from "../model/branch-view.js";
import type { RepoView } from "../model/repo-view.js";
import type { Extractor } from "./extractor.js";

export interface ExtractOptions {
  /** Branch names a README may use; null for a plain folder. */
  branches: readonly string[] | null;
  /** The other branches to check; absent: the `branches` family records nothing to check. */
  branchView?: BranchView | null;
  /** Families the caller already holds (e.g. branch checks done through git), added before extraction. */
  preset?: Facts;
}

export async function extractFacts(view: RepoView, extractors: readonly Extractor[], options: ExtractOptions): Promise<Facts> {
  const facts = options.preset ?? emptyFacts();
  if (options.branches === null) markNotCollected(facts, "branches", "a plain folder has no git branches");
  for (const extractor of extractors) {
    if (extractor.id in facts.families || extractor.id in facts.notCollected) continue;
    const records = await extractor.extract({ view, facts, branches: options.branches, branchView: options.branchView ?? null });
    addFacts(facts, extractor.id, records);
  }
  return facts;
}
