// The Python of a commit's era (pure): the newest minor released a year before the commit, the lag in which
// wheels for a new Python arrive and images adopt it. Asked early, it answers an old spec in one call.

/** Each minor the resolver runs for, with its first release. */
const RELEASED: ReadonlyArray<[string, string]> = [
  ["3.6", "2016-12-23"],
  ["3.7", "2018-06-27"],
  ["3.8", "2019-10-14"],
  ["3.9", "2020-10-05"],
  ["3.10", "2021-10-04"],
  ["3.11", "2022-10-24"],
  ["3.12", "2023-10-02"],
  ["3.13", "2024-10-07"],
];

/** The era's Python of a commit date (ISO 8601), or null when the date is unknown or unreadable. */
export function eraPython(committedAt: string | null | undefined): string | null {
  const date = /^(\d{4})(-\d\d-\d\d)/.exec(committedAt ?? "");
  if (!date) return null;
  const yearBefore = `${Number(date[1]) - 1}${date[2]}`;
  let era = RELEASED[0]![0];
  for (const [python, released] of RELEASED) if (released <= yearBefore) era = python;
  return era;
}
