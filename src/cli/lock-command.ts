// `repro-audit lock <repo> [--out FILE [--force]] [--ref REF] [--index-url URL]`: a fully pinned requirements file for
// the spec the build installs, resolved for the Python it states with only the releases uploaded before
// the audited commit's date, each pin with the spec line (or the pins) that asked for it.
import { existsSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSource } from "../clone/index.js";
import { commitDate } from "../clone/commit-date.js";
import { walkRepo } from "../extract/view/walk.js";
import { specFacts } from "./spec-facts.js";
import { findUv } from "../resolve/uv.js";
import { lockSpec, specToLock } from "../resolve/lock-spec.js";
import { readAnnotatedPins, renderLock } from "../resolve/lock.js";
import { badInput, engineError, EXIT } from "../model/errors.js";
import type { LockArgs } from "./args.js";
import type { Io } from "./report-output.js";

export async function lockCommand(args: LockArgs, io: Io): Promise<number> {
  // Refused before any clone or resolve, so a typo costs nothing and no file is lost.
  if (args.out && existsSync(args.out) && !args.force)
    throw badInput(`${args.out} already exists`, "Pass --force to overwrite it, or another --out");
  const uv = await findUv();
  if (!uv)
    throw engineError(
      "no resolver: uv was not found",
      "Run scripts/ensure-uv.sh, or set REPRO_AUDIT_UV to a uv binary",
    );
  const checkout = await openSource(args.source, {
    ...(args.ref ? { ref: args.ref } : {}),
    ...(args.cacheDir ? { cacheDir: args.cacheDir } : {}),
  });
  const cacheDir = await mkdtemp(join(tmpdir(), "repro-audit-uv-cache-"));
  try {
    const view = await walkRepo(
      checkout.root,
      {},
      checkout.untracked ? { untracked: new Set(checkout.untracked) } : {},
    );
    const facts = await specFacts(view, checkout.info.url);
    const spec = specToLock(facts, view);
    if (!spec)
      throw badInput(
        `${args.source} has no spec pip installs to lock`,
        "Write one first: repro-audit requirements <repo> --out requirements.txt",
      );
    const asOf = checkout.info.commit ? await commitDate(checkout.root, checkout.info.commit) : null;
    const indexUrl = args.indexUrl ?? "https://pypi.org/simple";
    const answer = await lockSpec({ uv, indexUrl, asOf, cacheDir }, spec);
    if (answer.outcome !== "resolved") {
      io.stderr.write(
        `${spec.file} does not resolve for Python ${spec.python.version}${asOf ? ` as of ${asOf}` : ""}: ${answer.reason}\n`,
      );
      return answer.outcome === "unresolvable" ? EXIT.belowThreshold : EXIT.engine;
    }
    const text = renderLock(spec, readAnnotatedPins(answer.stdout ?? ""), {
      repo: args.source,
      commit: checkout.info.commit,
      asOf,
      python: spec.python.version,
      pythonSource: spec.python.source,
      indexUrl,
    });
    if (args.out) {
      writeFileSync(args.out, text);
      io.stderr.write(`lock written to ${args.out}\n`);
    } else io.stdout.write(text);
    return EXIT.ok;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
    await checkout.dispose();
  }
}
