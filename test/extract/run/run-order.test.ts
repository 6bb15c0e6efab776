import { describe, expect, it } from "vitest";
import type { Extractor } from "../../../src/extract/extractor.js";
import { runOrder } from "../../../src/extract/run/run-order.js";
import { STATIC_EXTRACTORS } from "../../../src/extract/families/index.js";

const ex = (id: string, ...reads: string[]): Extractor => ({ id, reads, roles: [], extract: () => [] });
const ids = (list: readonly Extractor[]) => list.map((e) => e.id);

describe("runOrder", () => {
  it("runs every family before the extractors that read it, whatever order they are listed in", () => {
    expect(ids(runOrder([ex("imports", "env-spec", "readme"), ex("env-spec", "readme"), ex("readme")]))).toEqual([
      "readme",
      "env-spec",
      "imports",
    ]);
  });

  it("keeps the listed order where reads do not decide it", () => {
    expect(ids(runOrder([ex("c"), ex("a"), ex("d", "b"), ex("b")]))).toEqual(["c", "a", "b", "d"]);
  });

  it("orders nothing by a family no listed extractor gathers (a preset one, a later stage's), nor by its own", () => {
    expect(ids(runOrder([ex("b", "branches", "b"), ex("a")]))).toEqual(["b", "a"]);
  });

  it("names the cycle when extractors read each other", () => {
    expect(() => runOrder([ex("x"), ex("a", "c"), ex("b", "a"), ex("c", "b")])).toThrow(
      "the extractors read each other in a cycle (a -> c -> b -> a): one of them must stop reading the other's family",
    );
  });

  it("the static extractors: each after every family it reads", () => {
    const seen = new Set<string>();
    for (const extractor of STATIC_EXTRACTORS) {
      for (const family of extractor.reads) expect(seen.has(family), `${extractor.id} reads ${family}`).toBe(true);
      seen.add(extractor.id);
    }
  });
});
