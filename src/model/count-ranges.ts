// The ranges of every number that counts or sizes things in a training (epochs, folds, models, seeds,
// images, batch size, image side), stated once: values from any source outside them are not believed (a finding for the repo's,
// bad input for the user's), so no product of them overflows or vanishes.
export const COUNT_RANGES = {
  epochs: { min: 1, max: 10_000 },
  folds: { min: 1, max: 1_000 },
  models: { min: 1, max: 1_000 },
  seeds: { min: 1, max: 1_000 },
  /** Times a rerun runs one step (the loops around it). */
  repeats: { min: 1, max: 100_000 },
  images: { min: 1, max: 1_000_000_000 },
  "batch-size": { min: 1, max: 1_000_000 },
  /** Pixels of an input image's side. */
  "image-size": { min: 8, max: 8192 },
} as const;

export type CountName = keyof typeof COUNT_RANGES;

/** Pure: whether a value is a whole number within the count's range. */
export function countInRange(name: CountName, value: number): boolean {
  const { min, max } = COUNT_RANGES[name];
  return Number.isInteger(value) && value >= min && value <= max;
}

/** "a whole number from 1 to 10000": how a range reads in a message. */
export function rangeWords(name: CountName): string {
  const { min, max } = COUNT_RANGES[name];
  return `a whole number from ${min} to ${max}`;
}

/** The numbers of a leaderboard (the user's file, trusted, but a typo of 1e308 must not sink a batch):
 * outside these, the file is bad input naming the row and field. */
export const LEADERBOARD_RANGES = {
  rank: { min: 1, max: 10_000_000, whole: true },
  teamId: { min: 0, max: Number.MAX_SAFE_INTEGER, whole: true },
  entries: { min: 0, max: 1_000_000, whole: true },
  publicScore: { min: -1e12, max: 1e12, whole: false },
  privateScore: { min: -1e12, max: 1e12, whole: false },
  co2g: { min: 0, max: 1e12, whole: false },
  kwh: { min: 0, max: 1e9, whole: false },
} as const;

export type LeaderboardNumber = keyof typeof LEADERBOARD_RANGES;

/** Pure: null when a leaderboard number is within its range, else what it must be. */
export function leaderboardNumberProblem(field: LeaderboardNumber, value: number): string | null {
  const { min, max, whole } = LEADERBOARD_RANGES[field];
  if (Number.isFinite(value) && (!whole || Number.isInteger(value)) && value >= min && value <= max) return null;
  return `must be ${whole ? "a whole number" : "a number"} from ${min} to ${max}`;
}
