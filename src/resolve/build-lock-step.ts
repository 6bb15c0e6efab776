// The lock the build installs, computed as `repro-audit lock` computes it; a note says whether it is used.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BuildLock } from "../model/build-lock.js";
import type { Facts } from "../model/facts.js";
import type { RepoView } from "../model/repo-view.js";
import { buildLockOf } from "./build-lock.js";
import { readAnnotatedPins } from "./lock.js";
import { lockSpec, specToLock } from "./lock-spec.js";
import type { SpecToResolve } from "./resolver-input.js";
import { findUv } from "./uv.js";

export interface BuildLockInput {
  facts: Facts;
  view: RepoView;
  indexUrl: string;
  /** The audited commit's date, or null for today's releases. */
  asOf: string | null;
  /** A resolver other than the one found (tests). */
  uv?: string | null;
  signal?: AbortSignal;
}

export async function lockForBuild(input: BuildLockInput): Promise<{ lock: BuildLock | null; notes: string[] }> {
  const spec = specToLock(input.facts, input.view);
  if (!spec) return { lock: null, notes: [] };
  const uv = input.uv === undefined ? await findUv() : input.uv;
  if (!uv) return { lock: null, notes: [`Build: ${spec.file} installed as written: no resolver to lock it.`] };
  const cacheDir = await mkdtemp(join(tmpdir(), "repro-audit-uv-cache-"));
  try {
    const request = {
      uv,
      indexUrl: input.indexUrl,
      asOf: input.asOf,
      cacheDir,
      ...(input.signal ? { signal: input.signal } : {}),
    };
    let python = spec.python.version;
    let answer = await lockSpec(request, spec);
    // A spec that states no Python and does not lock on the default is locked for the Python the resolve stage
    // found it installs on, so the build does not blame the repo for the audit's own pick.
    const found = answer.outcome !== "resolved" ? installingPython(input.facts, spec) : null;
    const retried = found ? await lockSpec(request, { ...spec, python: { ...spec.python, version: found } }) : null;
    if (found && retried?.outcome === "resolved") [python, answer] = [found, retried];
    if (answer.outcome !== "resolved")
      return {
        lock: null,
        notes: [
          `Build: ${spec.file} installed as written: it does not lock for Python ${spec.python.version} (${answer.reason}).`,
        ],
      };
    const lock = buildLockOf(spec, python, readAnnotatedPins(answer.stdout ?? ""), input.asOf);
    if ("unused" in lock) return { lock: null, notes: [`Build: ${lock.unused}.`] };
    const when = lock.asOf
      ? `with only the releases uploaded before its commit's date, ${lock.asOf}`
      : "with today's releases (no commit date)";
    return {
      lock,
      notes: [
        `Build: installs the lock of ${spec.file} (${lock.pins.length} pins for Python ${lock.python.version}, ${when}), as repro-audit lock writes it.`,
      ],
    };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** The Python the resolve stage found an unstated spec installs on, when it is not the default it tried first. */
function installingPython(facts: Facts, spec: SpecToResolve): string | null {
  if (spec.python.stated) return null;
  const record = (facts.families["spec-resolution"] ?? []).find(
    (r) => r.file === spec.file && r.status === "resolved" && typeof r.python === "string",
  );
  const python = record?.python;
  return typeof python === "string" && python !== spec.python.version ? python : null;
}
