// One library's removed APIs in one sentence (pure): the code that needs several names a release removed has one
// defect, the library's missing pin, so one finding names them all, each with its first place and release, and its
// fix pins below the earliest removal.
import { compareReleases } from "../../../model/version-clauses.js";

/** One (file, API) use, as the summary reads it. */
export interface SummaryUse {
  api: string;
  file: string;
  /** Where, in words (train.py:12, nb.ipynb cell 3 line 2). */
  place: string;
  package: string;
  removedIn: string;
  source: string;
  instead: string;
  /** Uses with the same package and verdict are summed up together. */
  breaks: boolean;
}

export interface Summary {
  /** Each API with its release and place, the use's own first ("numpy.int in 1.24 (train.py:2 and 1 more file)",
   * "Trainer(gpus=) in 2.0 (train.py:12)"), as many as a finding quotes whole, then how many more. */
  apis: string;
  apiCount: number;
  /** That count in words ("an API this code uses", "3 APIs this code uses"). */
  apiWords: string;
  /** The earliest removal: a pin below it keeps every one of the names. */
  pinBelow: string;
  /** Each API's source, once each, in the order of `apis` (as many as a finding quotes whole); every record keeps
   * its own in `source`. */
  sources: string;
  /** What later releases offer instead: the one replacement, or each with the API it replaces. */
  replace: string;
}

/** A finding quotes 200 characters of a value: the list stops short of that and counts what it leaves out. */
const LIST_CHARS = 190;

/** The table's name without its module where a class follows it and the rest is no bare name (Trainer(gpus=),
 * Image.ANTIALIAS, DataFrame.append), as a reader knows it; numpy.NaN and sklearn.externals.joblib stay whole. */
export function shortName(api: string): string {
  const call = api.indexOf("(");
  const head = call < 0 ? api : api.slice(0, call);
  const [, second, ...rest] = head.split(".");
  const bare = rest.length === 0 && call < 0;
  return second && /^[A-Z]/.test(second) && !bare ? api.slice(head.indexOf(".") + 1) : api;
}

/** Entries joined while they fit, then how many more there are. */
function listed(entries: readonly string[], joiner = ", "): string {
  let out = entries[0] ?? "";
  for (let i = 1; i < entries.length; i++) {
    const left = entries.length - i;
    const next = `${out}${joiner}${entries[i]}`;
    if (next.length + (left > 1 ? ` and ${left - 1} more`.length : 0) > LIST_CHARS) return `${out} and ${left} more`;
    out = next;
  }
  return out;
}

interface Api {
  first: SummaryUse;
  /** Each file's first use of it, by file. */
  places: Map<string, string>;
}

function entry(api: string, a: Api, place: string): string {
  const more = a.places.size - 1;
  const rest = more === 0 ? "" : ` and ${more} more file${more === 1 ? "" : "s"}`;
  return `${shortName(api)} in ${a.first.removedIn} (${place}${rest})`;
}

/** The summary for each use, in the order given: the uses of one package with one verdict share it, save that
 * each use's own API (at its own place) leads, then the others its file uses, so the use that speaks for a finding
 * (the first on the plan) names what it shows first. */
export function summaries(uses: readonly SummaryUse[]): Summary[] {
  const keyOf = (u: SummaryUse) => `${u.package}\0${u.breaks}`;
  const buckets = new Map<string, Map<string, Api>>();
  for (const u of uses) {
    const apis = buckets.get(keyOf(u)) ?? new Map<string, Api>();
    buckets.set(keyOf(u), apis);
    const a = apis.get(u.api) ?? { first: u, places: new Map<string, string>() };
    apis.set(u.api, a);
    if (!a.places.has(u.file)) a.places.set(u.file, u.place);
  }
  const shared = new Map([...buckets].map(([key, apis]) => [key, sharedOf(apis)]));
  return uses.map((u) => {
    const apis = buckets.get(keyOf(u))!;
    // The names this use's file also uses follow its own, at their places there: the file that speaks is the one
    // shown first. Then the others, at their first places.
    const others = [...apis].filter(([api]) => api !== u.api);
    const ordered: Array<[string, Api, string]> = [
      [u.api, apis.get(u.api)!, u.place],
      ...others
        .filter(([, a]) => a.places.has(u.file))
        .map(([api, a]): [string, Api, string] => [api, a, a.places.get(u.file)!]),
      ...others
        .filter(([, a]) => !a.places.has(u.file))
        .map(([api, a]): [string, Api, string] => [api, a, a.first.place]),
    ];
    return {
      ...shared.get(keyOf(u))!,
      apis: listed(ordered.map(([api, a, place]) => entry(api, a, place))),
      sources: listed([...new Set(ordered.map(([, a]) => a.first.source))]),
    };
  });
}

function sharedOf(apis: Map<string, Api>): Omit<Summary, "apis" | "sources"> {
  const rows = [...apis.values()].map((a) => a.first);
  const pinBelow = rows.map((r) => r.removedIn).sort(compareReleases)[0]!;
  return {
    apiCount: rows.length,
    apiWords: rows.length === 1 ? "an API this code uses" : `${rows.length} APIs this code uses`,
    pinBelow,
    replace:
      rows.length === 1
        ? rows[0]!.instead
        : listed(
            rows.map((r) => `${r.instead} for ${shortName(r.api)}`),
            "; ",
          ),
  };
}
