// Fact family `vendored`: third-party trees copied into the repo, one record per copy (see view/vendored.ts).
import type { Extractor } from "../../extractor.js";
import { vendoredCopies } from "../../view/vendored.js";

export const extractor: Extractor = {
  id: "vendored",
  reads: [],
  roles: ["setup", "pyproject", "text"],
  extract({ view }) {
    return vendoredCopies(view).map((c) => ({ kind: "copy", file: c.root, name: c.name, why: c.why, files: c.files }));
  },
};
