// Run the extractors over one RepoView in the order their reads give; each sees the families gathered before it.
import { preparePythonIndex } from "./python/repo-index.js";
import { addFacts, emptyFacts, markNotCollected, type FactRecord, type Facts } from "../model/facts.js";
import type { BranchView } from "../model/branch-view.js";
import type { RepoView } from "../model/repo-view.js";
import type { Extractor } from "./extractor.js";
import { ownCodeView } from "./view/vendored.js";
import { extractAroundFailures, firstLine } from "./run/file-isolation.js";
import { runOrder } from "./run/run-order.js";
import { timed, type TimingSink } from "../model/timings.js";

export interface ExtractOptions {
  /** Branch names a README may use; null for a plain folder. */
  branches: readonly string[] | null;
  /** The other branches to check; absent: the `branches` family records nothing to check. */
  branchView?: BranchView | null;
  /** Families the caller already holds (e.g. branch checks done through git), added before extraction. */
  preset?: Facts;
  /** The URL or path the user named (links to this repo are told from links to others by it). */
  source?: string;
  /** The audit's day (facts that age: a Python past its end of life); now when not given. */
  today?: Date;
  /** An interrupt: extraction stops before the next extractor, and the caller throws. */
  signal?: AbortSignal;
  /** Told how long the Python index and each extractor took (`audit --timings`). */
  onTiming?: TimingSink;
}

export async function extractFacts(
  whole: RepoView,
  extractors: readonly Extractor[],
  options: ExtractOptions,
): Promise<Facts> {
  const facts = options.preset ?? emptyFacts();
  // Third-party copies are reported once (the vendored family) and judged no further.
  const view = ownCodeView(whole);
  if (options.branches === null) markNotCollected(facts, "branches", "a plain folder has no git branches");
  const context = {
    view,
    facts,
    branches: options.branches,
    branchView: options.branchView ?? null,
    source: options.source ?? null,
    ...(options.today ? { today: options.today } : {}),
  };
  // An extractor that reads neither the tree nor another family (the branch check: git's work more than this
  // thread's) starts now, beside the Python index and the extractors before it; its records are taken at its place.
  const started = new Map<string, Promise<FactRecord[]>>();
  for (const extractor of extractors) {
    if (extractor.reads.length > 0 || extractor.roles.length > 0) continue;
    if (extractor.id in facts.families || extractor.id in facts.notCollected) continue;
    const records = Promise.resolve().then(() => extractor.extract(context));
    records.catch(() => undefined); // settled at its place, where a failure is handled as any extractor's
    started.set(extractor.id, records);
  }
  if (options.signal || options.onTiming) {
    // The Python index is most of a large repo's static stage: built first, interruptibly, then shared.
    try {
      await timed(options.onTiming, "index", "python", () =>
        preparePythonIndex(view, options.signal ? { signal: options.signal } : {}),
      );
    } catch {
      // Interrupted: the caller stops. Otherwise each Python extractor meets the same failure and says so.
      if (options.signal?.aborted) return facts;
    }
  }
  for (const extractor of runOrder(extractors)) {
    // Let a pending Ctrl-C handler run between extractors, so a long static stage answers it.
    if (options.signal) {
      await new Promise((resolve) => setImmediate(resolve));
      if (options.signal.aborted) break;
    }
    if (extractor.id in facts.families || extractor.id in facts.notCollected) continue;
    try {
      // A started extractor's time is the wait for it here: what the work beside it did not hide.
      const early = started.get(extractor.id);
      const records = await timed(options.onTiming, "extract", extractor.id, () => early ?? extractor.extract(context));
      addFacts(facts, extractor.id, records);
    } catch (error) {
      const why = firstLine(error);
      // A crash on one file is a finding about that file; the family is gathered from the others.
      // Reruns on halves of the files: timed on their own, as they can cost more than the failed run.
      const isolated = await timed(options.onTiming, "extract", `${extractor.id}: finding the file it fails on`, () =>
        extractAroundFailures(extractor, context, why),
      );
      if (isolated) {
        addFacts(facts, extractor.id, isolated.records);
        addFacts(
          facts,
          "inventory",
          isolated.failed.map((f) => ({
            kind: "skipped",
            file: f.file,
            reason: `the ${extractor.id} extractor failed on it (${f.error}); its ${extractor.id} facts are missing`,
          })),
        );
        continue;
      }
      // One extractor's failure never sinks the audit: its family is "could not assess", said in a finding.
      markNotCollected(facts, extractor.id, `the ${extractor.id} extractor failed: ${why}`);
      addFacts(facts, "extraction", [{ kind: "failed", family: extractor.id, error: why }]);
    }
  }
  if (!("extraction" in facts.families)) addFacts(facts, "extraction", []);
  return facts;
}
