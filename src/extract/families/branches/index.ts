// The `branches` family: every branch other than the audited one, checked through the read-only branch view, and
// training code rewritten long after the audited history was published.
import { checkBranches } from "./branch-check.js";
import { lateRewrite } from "./late-rewrites.js";
import type { Extractor } from "../../extractor.js";
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";

/** A file that trains: named for it, holding a training loop's calls, or a config the training reads. */
const TRAIN_NAME = /(?:^|[/_-])train[^/]*\.(?:py|ipynb|sh)$/i;
const TRAIN_LOOP = /\.backward\s*\(|\boptimizer\.step\s*\(|\.fit\s*\(|\bTrainer\s*\(/;
const CODE = /\.(?:py|ipynb|sh)$/i;
const CONFIG = /(?:^|\/)(?:(?:configs?|cfgs?)\/[^/]+|(?:cfg|config)[\w-]*)\.(?:py|ya?ml|json)$/i;

function trainingFiles(view: RepoView): (path: string) => boolean {
  const known = new Map<string, boolean>();
  const present = new Map(view.files().map((f) => [f.path, f]));
  return (path) => {
    let is = known.get(path);
    if (is === undefined) {
      const entry = present.get(path);
      is =
        entry !== undefined &&
        !entry.skipped &&
        (CONFIG.test(path) || (CODE.test(path) && (TRAIN_NAME.test(path) || TRAIN_LOOP.test(view.read(path) ?? ""))));
      known.set(path, is);
    }
    return is;
  };
}

export const extractor: Extractor = {
  id: "branches",
  reads: [],
  roles: ["python", "notebook", "shell"],
  async extract(ctx) {
    const view = ctx.branchView;
    if (!view) return [];
    const audited = view.audited();
    const [records, history] = await Promise.all([
      checkBranches(view),
      audited && view.history ? view.history(audited) : Promise.resolve(null),
    ]);
    if (!history) return records;
    const late = lateRewrite(history, trainingFiles(ctx.view));
    const read: FactRecord = { kind: "history", commits: history.length };
    return late ? [...records, read, { kind: "late-rewrite", ...late }] : [...records, read];
  },
};
