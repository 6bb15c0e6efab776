// How many helper threads the Python index starts: none for a small repo, one per core beyond the audit's own
// thread for a large one, none when the audit has one core (a batch lane on a machine its lanes fill).
import { describe, expect, it } from "vitest";
import { poolHelpers } from "../../../src/extract/python/index-pool.js";

const LARGE = { files: 400, bytes: 5_000_000 };

describe("poolHelpers", () => {
  it("starts none for a repo too small to gain from them", () => {
    expect(poolHelpers(150, 4_000_000, 8)).toBe(0);
    expect(poolHelpers(400, 1_000_000, 8)).toBe(0);
  });

  it("starts one per core beyond the audit's own thread, at most four threads in all", () => {
    expect(poolHelpers(LARGE.files, LARGE.bytes, 2)).toBe(1);
    expect(poolHelpers(LARGE.files, LARGE.bytes, 3)).toBe(2);
    expect(poolHelpers(LARGE.files, LARGE.bytes, 16)).toBe(3);
  });

  it("starts none when the audit has one core: the other lanes of its batch keep the rest busy", () => {
    expect(poolHelpers(LARGE.files, LARGE.bytes, 1)).toBe(0);
    expect(poolHelpers(LARGE.files, LARGE.bytes, 0)).toBe(0);
  });
});
