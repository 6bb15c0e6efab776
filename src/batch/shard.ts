// `--shard i/n`: which of a batch's teams one machine audits. Pure.
import { badInput } from "../model/errors.js";

export interface Shard {
  /** 1-based, as a GitHub Actions matrix or JOB_COMPLETION_INDEX + 1 gives it. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count || count > 10_000) {
    throw badInput(
      `--shard takes i/n with 1 <= i <= n, not '${text}'`,
      "Pass e.g. --shard 1/4 (Kubernetes: --shard $((JOB_COMPLETION_INDEX + 1))/4)",
    );
  }
  return { index, count };
}

/** Round-robin over the ranked teams, so every shard gets top and bottom teams alike. */
export function shardOf<T>(items: readonly T[], shard: Shard | null): T[] {
  if (!shard) return [...items];
  return items.filter((_, i) => i % shard.count === shard.index - 1);
}
