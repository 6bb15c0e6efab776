// Training code rewritten long after the repo was published: a solution repo is pushed when its competition
// ends, so commits that change the training after a long silence (a fork's refactor a year later, a rebuild months
// on) make the code differ from the code behind the submitted result. Read from git's own dates only: the first
// silence of GAP_DAYS or more between two commits splits the history into what was published and what came
// after, once training code was pushed before it; a repo developed steadily, with no such silence, is never
// judged. Pure.
import type { HistoryCommit } from "../../../model/branch-view.js";

/** A silence this long between two commits ends the publication (competitions run two or three months). */
const GAP_DAYS = 90;
/** Files named in the record; the rest are counted. */
const MAX_FILES = 5;

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (iso: string) => new Date(Date.parse(iso)).toISOString().slice(0, 10);

export interface LateRewrite {
  /** The last commit before the silence (YYYY-MM-DD). */
  published: string;
  /** The first and last later commits that change training code (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Whole days of silence between the publication and the first later commit. */
  days: number;
  /** The training files the later commits change, comma-joined (at most MAX_FILES, then "and N more"). */
  files: string;
  /** How many later commits change training code. */
  commits: number;
  /** The later commits' authors, comma-joined; `newAuthors` when none of them wrote a commit before the silence. */
  authors: string;
  newAuthors: boolean;
}

/** The rewrite of training code after the history's first long silence, or null when there is none.
 * `commits` newest first, as git lists them; `isTraining` says whether a path (in the audited tree) is training code. */
export function lateRewrite(
  commits: readonly HistoryCommit[],
  isTraining: (path: string) => boolean,
): LateRewrite | null {
  const oldestFirst = [...commits].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  for (let i = 1; i < oldestFirst.length; i++) {
    const gap = Date.parse(oldestFirst[i]!.date) - Date.parse(oldestFirst[i - 1]!.date);
    if (gap < GAP_DAYS * DAY_MS) continue;
    const before = oldestFirst.slice(0, i);
    // A silence before any training code was pushed (a README made at the competition's start) ends no publication.
    if (!before.some((c) => c.files.some(isTraining))) continue;
    const later = oldestFirst.slice(i).filter((c) => c.files.some(isTraining));
    if (later.length === 0) return null;
    const files = [...new Set(later.flatMap((c) => c.files.filter(isTraining)))].sort();
    const authors = [...new Set(later.map((c) => c.author))];
    const earlier = new Set(before.map((c) => c.author));
    return {
      published: day(before[before.length - 1]!.date),
      first: day(later[0]!.date),
      last: day(later[later.length - 1]!.date),
      days: Math.floor(gap / DAY_MS),
      files:
        files.slice(0, MAX_FILES).join(", ") +
        (files.length > MAX_FILES ? ` and ${files.length - MAX_FILES} more` : ""),
      commits: later.length,
      authors: authors.join(", "),
      newAuthors: authors.every((a) => !earlier.has(a)),
    };
  }
  return null;
}
