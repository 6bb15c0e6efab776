// `repro-audit requirements <repo> [--out FILE [--force]] [--ref REF] [--exclude GLOB] [--format text|json]`:
// print a requirements.txt (or JSON) of the distributions the repo's code imports, with the versions it
// states, for a repo that ships no environment spec. Reads only; any file it cannot parse is skipped like
// the audit skips it.
import { existsSync, writeFileSync } from "node:fs";
import { openSource } from "../clone/index.js";
import { walkRepo } from "../extract/view/walk.js";
import { specFacts } from "./spec-facts.js";
import {
  neededDistributions,
  renderRequirements,
  requirementOf,
  type NeededDistribution,
} from "../extract/families/imports/reconstruct.js";
import { compileGlobs } from "../extract/view/glob.js";
import { repoStatedVersions } from "../extract/parse/stated-versions.js";
import { factsOf } from "../model/fact-types.js";
import { badInput, EXIT } from "../model/errors.js";
import type { RequirementsArgs } from "./args.js";
import type { Io } from "./report-output.js";

/** The JSON form: each distribution with the line it would get and where that comes from. */
function requirementsJson(repo: string, specs: readonly string[], needed: readonly NeededDistribution[]): string {
  const requirements = needed.map((n) => ({
    distribution: n.distribution,
    requirement: requirementOf(n),
    specifier: n.version ? `==${n.version}` : n.specifier,
    versionFrom: n.versionFrom,
    importedBy: n.importedBy,
    files: n.files,
    optional: n.optional,
  }));
  return `${JSON.stringify({ repo, specs, requirements }, null, 2)}\n`;
}

export async function requirementsCommand(args: RequirementsArgs, io: Io): Promise<number> {
  // Before the clone: a file the user already has is theirs until they say otherwise.
  if (args.out && existsSync(args.out) && !args.force)
    throw badInput(`${args.out} already exists`, "Pass --force to overwrite it, or another --out");
  const checkout = await openSource(args.source, {
    ...(args.ref ? { ref: args.ref } : {}),
    ...(args.cacheDir ? { cacheDir: args.cacheDir } : {}),
  });
  try {
    const view = await walkRepo(
      checkout.root,
      {},
      {
        exclude: compileGlobs(args.exclude),
        ...(checkout.untracked ? { untracked: new Set(checkout.untracked) } : {}),
      },
    );
    const facts = await specFacts(view, checkout.info.url);
    const specs = factsOf(facts, "env-spec")
      .filter((r) => r.kind === "spec-file")
      .map((r) => String(r.file));
    const needed = neededDistributions(facts, repoStatedVersions(view));
    const text =
      args.format === "json"
        ? requirementsJson(args.source, specs, needed)
        : renderRequirements(needed, { repo: args.source, specs });
    if (args.out) {
      writeFileSync(args.out, text);
      io.stderr.write(`requirements written to ${args.out}\n`);
    } else io.stdout.write(text);
    return EXIT.ok;
  } finally {
    await checkout.dispose();
  }
}
