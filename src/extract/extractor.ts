// The extractor contract: one per fact family (families/<id>/index.ts), reading only through RepoView and the
// families and file roles it declares.
import type { BranchView } from "../model/branch-view.js";
import type { FactId, FactRecord, Facts } from "../model/facts.js";
import type { FileRole, RepoView } from "../model/repo-view.js";

export interface ExtractContext {
  view: RepoView;
  /** Families collected before this one: those it declares in `reads` (extractors run in the order reads give). */
  facts: Facts;
  /** Branch names of the repo, or null for a plain folder (no git). */
  branches: readonly string[] | null;
  /** The other branches, read-only through git's object store; null for a plain folder or an in-memory view. */
  branchView?: BranchView | null;
  /** What the user named to audit (a URL or a path): tells links to this repo from links to others. */
  source?: string | null;
  /** The audit's day, for facts that age (a Python past its end of life); now when not given. */
  today?: Date;
}

/** One module per fact family; the family's fields and their meaning are its schema,
 * schemas/facts/<id>.json (checked by the contract test, printed by `repro-audit rules facts`). */
export interface Extractor {
  id: FactId;
  /** The fact families this extractor reads from ctx.facts: each runs before it (run/run-order.ts), and a
   * read of any other family fails (run/declared-facts.ts, the contract test). */
  reads: readonly FactId[];
  /** The roles of the files it reads (extract/view/file-roles.ts): what it looks at in the tree. */
  roles: readonly FileRole[];
  extract(ctx: ExtractContext): FactRecord[] | Promise<FactRecord[]>;
}
