// Hang guards for line readers: one long pathological line built from pieces a reader's patterns care about,
// and a check that a call on it finishes. A bound on a hang, whatever the machine's load, not a speed target.
import fc from "fast-check";
import { expect } from "vitest";

const LINE = 50_000;
/** A call that takes longer than this on one 50 KB line is a hang, whatever the machine's load. */
export const HANG_GUARD_MS = 10_000;

/** Short runs of the given pieces, to be repeated into one long line. */
export const unitOf = (pieces: readonly string[]) =>
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));

/** A 50 KB line of one unit repeated. */
export const lineOf = (u: string) => u.repeat(Math.ceil(LINE / u.length)).slice(0, LINE);

/** The call returns within the hang guard. */
export function finishes(what: string, call: () => unknown): void {
  const started = performance.now();
  call();
  const ms = performance.now() - started;
  expect(ms, `${what} took ${Math.round(ms)} ms`).toBeLessThan(HANG_GUARD_MS);
}
