// The `branches` family: every branch other than the audited one, checked through the read-only branch view.
import { checkBranches } from "./branch-check.js";
import type { Extractor } from "../../extractor.js";

export const extractor: Extractor = {
  id: "branches",
  reads: [],
  roles: [],
  async extract(ctx) {
    return ctx.branchView ? checkBranches(ctx.branchView) : [];
  },
};
