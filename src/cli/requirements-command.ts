// `repro-audit requirements <repo> [--out FILE] [--ref REF]`: print a requirements.txt of the distributions
// the repo's code imports, with the versions it states, for a repo that ships no environment spec.
// Reads only; any file it cannot parse is skipped like the audit skips it.
import { writeFileSync } from "node:fs";
import { openSource } from "../clone/index.js";
import { walkRepo } from "../extract/walk.js";
import { extractFacts } from "../extract/index.js";
import { STATIC_EXTRACTORS } from "../extract/extractors/index.js";
import { neededDistributions, renderRequirements } from "../extract/env/reconstruct.js";
import { repoStatedVersions } from "../extract/env/stated-versions.js";
import { EXIT } from "../model/errors.js";
import type { RequirementsArgs } from "./args.js";
import type { Io } from "./report-output.js";

export async function requirementsCommand(args: RequirementsArgs, io: Io): Promise<number> {
  const checkout = await openSource(args.source, { ...(args.ref ? { ref: args.ref } : {}), ...(args.cacheDir ? { cacheDir: args.cacheDir } : {}) });
  try {
    const view = await walkRepo(checkout.root);
    const wanted = new Set(["inventory", "vendored", "readme", "env-spec", "imports"]);
    const facts = await extractFacts(view, STATIC_EXTRACTORS.filter((e) => wanted.has(e.id)), { branches: null, source: checkout.info.url });
    const specs = (facts.families["env-spec"] ?? []).filter((r) => r.kind === "spec-file").map((r) => String(r.file));
    const text = renderRequirements(neededDistributions(facts, repoStatedVersions(view)), { repo: args.source, specs });
    if (args.out) {
      writeFileSync(args.out, text);
      io.stderr.write(`requirements written to ${args.out}\n`);
    } else io.stdout.write(text);
    return EXIT.ok;
  } finally {
    await checkout.dispose();
  }
}
