// The facts the spec commands (`requirements`, `lock`) read: the repo's environment and its imports, and the
// families those read; nothing else of the static audit runs.
import { extractFacts } from "../extract/index.js";
import { STATIC_EXTRACTORS } from "../extract/families/index.js";
import type { Facts } from "../model/facts.js";
import type { RepoView } from "../model/repo-view.js";

const SPEC_FAMILIES = new Set(["inventory", "vendored", "readme", "env-spec", "imports"]);

export function specFacts(view: RepoView, source: string): Promise<Facts> {
  return extractFacts(
    view,
    STATIC_EXTRACTORS.filter((e) => SPEC_FAMILIES.has(e.id)),
    { branches: null, source },
  );
}
