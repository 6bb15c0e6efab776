// A README command wrapped onto option lines with no `\`: the step is the command meant, its options joined.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

describe("wrapped README commands", () => {
  it("reads the command with its option lines joined, and records each wrapped line", async () => {
    const view = memoryView({
      "README.md": "# Train\n\n```\npython -m pkg.train data/ --a 1\n--b 2\n--c 3\n```\n",
      "pkg/train.py": "print(1)\n",
    });
    const records = await extractor.extract({ view, facts: emptyFacts(), branches: null });
    expect(records.filter((r) => r.kind === "command").map((r) => [r.line, r.command])).toEqual([
      [4, "python -m pkg.train data/ --a 1 --b 2 --c 3"],
    ]);
    expect(records.filter((r) => r.kind === "wrapped").map((r) => [r.line, r.continues])).toEqual([
      [5, 4],
      [6, 4],
    ]);
  });
});
