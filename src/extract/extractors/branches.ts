// The `branches` family: every branch other than the audited one, checked through git (src/clone/branch-check.ts).
//
// The records need git, which extractors never touch: the pipeline calls Checkout.checkBranches() and
// presets the family before extraction, so this extractor only runs when nothing was preset for a git
// repo (an in-memory view, say) and then records nothing; for a plain folder the family is marked not
// collected and rules that need it are "not assessed".
import type { Extractor } from "../extractor.js";

export const extractor: Extractor = {
  id: "branches",
  description: "Each branch other than the audited one: whether git can produce its whole tree, and its files that do not parse.",
  fields: {
    kind: "branch | parse-error | unchecked",
    name: "branch: the branch name (remote-tracking ones as origin/x for a local repo)",
    commit: "branch: the commit it points at",
    checkout: "branch: ok | failed (its tree or a file's object cannot be read)",
    error: "branch: git's words when the checkout failed, else null",
    branch: "parse-error: the branch the file is on",
    file: "parse-error: the file's path on that branch",
    line: "parse-error: 1-based line of the first error, when known",
    message: "parse-error: the parser's words (a notebook's say the cell)",
    count: "unchecked: branches left unchecked past the cap",
    reason: "unchecked: why",
  },
  extract() {
    return [];
  },
};
