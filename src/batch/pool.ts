// Bounded concurrency: at most `limit` jobs at once, taken in order by `limit` lanes (a job learns its
// lane, to reuse what the lane holds); no new job starts once `signal` aborts.

export async function runPool<T>(
  items: readonly T[],
  limit: number,
  job: (item: T, index: number, lane: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lane = async (laneIndex: number): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await job(items[index]!, index, laneIndex);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, (_, i) => lane(i)));
}
