// --shard i/n: parsing, and a round-robin split whose shards together are the whole batch once.
import { describe, expect, it } from "vitest";
import { parseShard, shardOf } from "../../src/batch/shard.js";

describe("shards", () => {
  it("parses i/n and refuses anything else with one line", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "1/0", "a/b", "1-4", "1/4/2", ""])
      expect(() => parseShard(bad)).toThrow(`--shard takes i/n with 1 <= i <= n, not '${bad}'`);
  });

  it("splits round-robin: every item in exactly one shard, top ranks spread over all", () => {
    const items = Array.from({ length: 10 }, (_, i) => i + 1);
    const shards = [1, 2, 3].map((index) => shardOf(items, { index, count: 3 }));
    expect(shards).toEqual([
      [1, 4, 7, 10],
      [2, 5, 8],
      [3, 6, 9],
    ]);
    expect(shardOf(items, null)).toEqual(items);
  });
});
