// The resolve stage's time, bounded: one budget of seconds per audit and a cap of resolver calls per spec, so an
// audit of a stranger's repo (or a batch over a leaderboard) answers in bounded time. What the budget leaves
// unasked is said, never judged.
import type { ResolverAnswer } from "./resolver-output.js";
/** Resolver calls one spec may make (each Python, each line left out, each failure behind the first): 8 Pythons with
 * a few lines left out each, and the failures behind the first, fit; an old freeze with a dozen source-only lines
 * on every Python does not. */
const MAX_CALLS_PER_SPEC = 48;
/** One resolver call's own limit, when the budget leaves more. */
export const CALL_TIMEOUT_MS = 180_000;
/** Below this much time left, a call is not started: it could not finish. */
const MIN_CALL_MS = 1_000;

/** The answer of a call the budget did not allow: not judged, and not the index's fault (`offline` false). */
export type LimitedAnswer = Extract<ResolverAnswer, { outcome: "not-assessed" }> & { limited: true };

export const isLimited = (answer: ResolverAnswer): answer is LimitedAnswer =>
  answer.outcome === "not-assessed" && (answer as Partial<LimitedAnswer>).limited === true;

export interface ResolveBudget {
  /** The next call of this spec: its timeout, or the answer that stands for it when the budget does not allow it. */
  grant(spec: string): { timeoutMs: number } | { answer: LimitedAnswer };
  /** The answer for a call the budget cut short (its timeout was the time left; uv was stopped, its folder removed). */
  cut(): LimitedAnswer;
  /** Whether the time is spent (a spec's cap says nothing about the next spec). */
  spent(): boolean;
  /** "the resolve budget (120 s)", for the words. */
  readonly words: string;
}

export function resolveBudget(
  seconds: number,
  options: { callsPerSpec?: number; now?: () => number } = {},
): ResolveBudget {
  const now = options.now ?? (() => performance.now());
  const cap = options.callsPerSpec ?? MAX_CALLS_PER_SPEC;
  const deadline = now() + seconds * 1000;
  const calls = new Map<string, number>();
  const words = `the resolve budget (${seconds} s)`;
  const limited = (reason: string): LimitedAnswer => ({
    outcome: "not-assessed",
    offline: false,
    reason,
    limited: true,
  });
  const left = () => deadline - now();
  return {
    words,
    spent: () => left() < MIN_CALL_MS,
    cut: () => limited(`${words} ran out`),
    grant(spec) {
      const made = calls.get(spec) ?? 0;
      if (made >= cap) return { answer: limited(`the cap of ${cap} resolver calls for ${spec} was reached`) };
      if (left() < MIN_CALL_MS) return { answer: limited(`${words} ran out`) };
      calls.set(spec, made + 1);
      return { timeoutMs: Math.min(CALL_TIMEOUT_MS, Math.floor(left())) };
    },
  };
}

/** Pythons as short ranges where they run in order: ["3.10", "3.11", "3.12", "3.13"] as "3.10-3.13". */
export function pythonRanges(pythons: readonly string[], order: readonly string[]): string {
  const sorted = [...pythons].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const runs: string[][] = [];
  for (const p of sorted) {
    const last = runs.at(-1);
    if (last && order.indexOf(p) === order.indexOf(last.at(-1)!) + 1) last.push(p);
    else runs.push([p]);
  }
  return runs.map((r) => (r.length > 2 ? `${r[0]}-${r.at(-1)}` : r.join(", "))).join(", ");
}
