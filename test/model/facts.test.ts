// Fact families: records added to a family keep their order, however many a large repo's extractor returns at once.
import { describe, expect, it } from "vitest";
import { addFacts, emptyFacts, markNotCollected } from "../../src/model/facts.js";

describe("addFacts", () => {
  it("adds a family of more records than a call's arguments can hold (a 50,000-file repo's imports)", () => {
    const facts = emptyFacts();
    const records = Array.from({ length: 300_000 }, (_, i) => ({ kind: "import", file: `m${i}.py`, line: 1 }));
    addFacts(facts, "imports", records);
    expect(facts.families["imports"]).toHaveLength(300_000);
    expect(facts.families["imports"]![299_999]!.file).toBe("m299999.py");
  });

  it("appends to a family already there and clears its not-collected reason", () => {
    const facts = emptyFacts();
    markNotCollected(facts, "imports", "not yet");
    addFacts(facts, "imports", [{ kind: "a" }]);
    addFacts(facts, "imports", [{ kind: "b" }]);
    expect(facts.families["imports"]!.map((r) => r.kind)).toEqual(["a", "b"]);
    expect(facts.notCollected).toEqual({});
  });
});
