// The `branches` family: every branch other than the audited one, checked through the read-only branch view.
import { checkBranches } from "../branch-check.js";
import type { Extractor } from "../extractor.js";

export const extractor: Extractor = {
  id: "branches",
  description: "Each branch other than the audited one: whether git can produce its whole tree, and its files that do not parse.",
  fields: {
    kind: "branch | parse-error | unchecked",
    name: "branch: the branch name (remote-tracking ones as origin/x for a local repo)",
    commit: "branch: the commit it points at",
    error: "branch: git's words when its tree cannot be produced, else null",
    branch: "parse-error: the branch the file is on",
    file: "parse-error: the file's path on that branch",
    line: "parse-error: 1-based line of the first error, when known",
    message: "parse-error: the parser's words (a notebook's say the cell)",
    count: "unchecked: branches left unchecked past the cap",
    reason: "unchecked: why",
  },
  async extract(ctx) {
    return ctx.branchView ? checkBranches(ctx.branchView) : [];
  },
};
