// The report's account of what quieted the audit (pure): inline comments with what each matched, exclude
// globs with what they left out, disabled rules. Baseline and --quiet are added where they are applied.
import type { Sourced } from "../model/sourced.js";
import type { Suppressions } from "../model/report.js";
import type { Judged } from "./judge.js";

/** Paths listed by name before the rest is only counted. */
const MAX_LISTED = 20;

export interface SuppressionInput {
  judged: Pick<Judged, "inline" | "suppressed">;
  trusted: boolean;
  exclude: Sourced<string[]> | null;
  excluded: readonly string[];
  disabled: readonly string[];
}

export function suppressionsSection(input: SuppressionInput): Suppressions {
  const globs = input.exclude?.value ?? [];
  return {
    inline: input.judged.inline,
    repoTrusted: input.trusted,
    suppressed: input.judged.suppressed,
    ...(globs.length
      ? { excluded: { globs: [...globs], source: input.exclude!.source, files: input.excluded.length, paths: input.excluded.slice(0, MAX_LISTED) } }
      : {}),
    ...(input.disabled.length ? { disabled: input.disabled.map((rule) => ({ rule, source: "config disable:" })) } : {}),
  };
}
