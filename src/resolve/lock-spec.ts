// Lock the spec the build installs: one resolver call shared by `repro-audit lock` and the build, for the
// Python the spec states, with only the releases uploaded before the commit's date.
import type { Facts } from "../model/facts.js";
import type { RepoView } from "../model/repo-view.js";
import { detectSpec } from "../provision/spec-plan.js";
import { specsToResolve, type SpecToResolve } from "./resolver-input.js";
import type { ResolverAnswer } from "./resolver-output.js";
import { uvCompile } from "./uv.js";

export interface LockRequest {
  uv: string;
  indexUrl: string;
  /** The audited commit's date (ISO 8601), or null for today's releases. */
  asOf: string | null;
  cacheDir: string;
  signal?: AbortSignal;
}

/** The spec the build would install (its primary file, else the first pip reads), or null when none. */
export function specToLock(facts: Facts, view: RepoView): SpecToResolve | null {
  const specs = specsToResolve(facts, view);
  const primary = detectSpec(facts, view).primary;
  const spec = specs.find((s) => s.file === primary) ?? specs[0];
  return spec && spec.lines.length > 0 ? spec : null;
}

export async function lockSpec(
  request: LockRequest,
  spec: SpecToResolve,
): Promise<ResolverAnswer & { stdout?: string }> {
  return uvCompile({
    uv: request.uv,
    requirements: spec.lines.map((l) => l.requirement),
    python: spec.python.version,
    indexUrl: request.indexUrl,
    cacheDir: request.cacheDir,
    annotate: true,
    ...(request.asOf ? { excludeNewer: request.asOf } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
}
