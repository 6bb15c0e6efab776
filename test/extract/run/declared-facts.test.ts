import { describe, expect, it } from "vitest";
import { declaredFacts } from "../../../src/extract/run/declared-facts.js";
import type { Facts } from "../../../src/model/facts.js";

const facts: Facts = {
  families: { readme: [{ kind: "command" }], "env-spec": [] },
  notCollected: { branches: "a plain folder" },
};

describe("declaredFacts", () => {
  const view = declaredFacts(facts, { id: "imports", reads: ["readme", "branches", "kaggle-kernel"] });

  it("reads a declared family, present or not", () => {
    expect(view.families.readme).toEqual([{ kind: "command" }]);
    expect(view.families["kaggle-kernel"] ?? []).toEqual([]);
    expect("branches" in view.notCollected).toBe(true);
    expect(Object.keys(view.families)).toEqual(["readme"]);
  });

  it("throws on a read of a family not declared, naming the extractor and the fix", () => {
    expect(() => view.families["env-spec"]).toThrow(
      'the imports extractor read the env-spec family without declaring it: add "env-spec" to its reads',
    );
    expect(() => "env-spec" in view.families).toThrow(
      "the imports extractor asked for the env-spec family without declaring it",
    );
    expect(() => view.notCollected.syntax).toThrow("the imports extractor read the syntax family");
  });
});
