// Which release of a distribution the environment gives a stranger, judged against one removal (pure): the spec's
// pins and ranges, else a version the README or a notebook states, else today's release. pip takes the newest release
// a range allows, so a range that admits a release at or after the removal (and none at or after a restoring release)
// gets code without the API.
import { allowsFrom } from "../../../model/version-clauses.js";

export interface Removal {
  package: string;
  removedIn: string;
  restoredIn?: string;
}

/** One statement of the distribution's version: a spec line (its version spec as written, '' for none) or a stated
 * version (README prose, a notebook's printed `__version__`). */
export interface PinStatement {
  at: string;
  spec: string;
  stated?: boolean;
}

export interface PinVerdict {
  /** The environment gives a release without the API. */
  breaks: boolean;
  /** What the environment says, in words. */
  says: string;
}

/** Null: nothing tells (an unreadable spec, an image or lock that fixes the release unseen). */
function lacks(spec: string, r: Removal): boolean | null {
  const from = allowsFrom(spec, r.removedIn);
  if (from !== true) return from;
  if (!r.restoredIn) return true;
  const back = allowsFrom(spec, r.restoredIn);
  return back === null ? null : !back;
}

/** The verdict for one removal. Where several spec lines name the distribution, one that keeps a release with the
 * API is enough to pass (the build may use that one); `fixedElsewhere` (a base image or lock that installs it)
 * passes too, since nothing here reads which release it holds. */
export function pinVerdict(r: Removal, statements: readonly PinStatement[], fixedElsewhere: string | null): PinVerdict {
  const today = `a fresh install gets today's ${r.package}`;
  const todayBreaks = r.restoredIn === undefined;
  if (fixedElsewhere !== null) return { breaks: false, says: `${fixedElsewhere} installs ${r.package}` };
  // A spec's own line outranks a version stated in words; the first stated one stands where no spec names it.
  const specs = statements.filter((s) => !s.stated);
  const used = specs.length > 0 ? specs : statements.slice(0, 1);
  if (used.length === 0) return { breaks: todayBreaks, says: `no spec names ${r.package}, so ${today}` };
  let breaking: PinStatement | null = null;
  for (const s of used) {
    const verdict = s.spec === "" ? todayBreaks : lacks(s.spec, r);
    if (verdict !== true) return { breaks: false, says: words(s, r.package) };
    breaking ??= s;
  }
  return {
    breaks: true,
    says:
      breaking!.spec === "" ? `${breaking!.at} leaves ${r.package} unpinned, so ${today}` : words(breaking!, r.package),
  };
}

function words(s: PinStatement, name: string): string {
  if (s.spec === "") return `${s.at} leaves ${name} unpinned`;
  if (s.stated) return `${s.at} states ${name} ${s.spec.replace(/^===?\s*/, "")}`;
  return /^\s*={1,3}[^,]*$/.test(s.spec)
    ? `${s.at} pins ${name}${s.spec}`
    : `${s.at} allows ${name}${s.spec}, and pip takes the newest release it allows`;
}
