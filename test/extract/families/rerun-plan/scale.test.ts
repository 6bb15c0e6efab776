// The plan is linear in the repo's size: the tree is listed a fixed number of times, however many steps.
import { describe, expect, it } from "vitest";
import { emptyFacts } from "../../../../src/model/facts.js";
import type { RepoView } from "../../../../src/model/repo-view.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { extractor } from "../../../../src/extract/families/rerun-plan/index.js";

/** An in-memory view that counts how often the whole tree is listed (a 30,000-file repo on disk would
 * only slow the test; the count is the property). */
function countingView(view: RepoView): RepoView & { listings: number } {
  const counted = { ...view, listings: 0, files: () => (counted.listings++, view.files()) };
  return counted;
}

describe("rerun-plan scale", () => {
  it("lists a 30,000-file tree a fixed number of times for 300 README steps", async () => {
    const files: Record<string, string> = { "README.md": "# Run\n" };
    for (let i = 0; i < 29_000; i++) files[`data/images/${i}.png`] = "";
    for (let i = 0; i < 1_000; i++) files[`src/m${i}.py`] = i % 2 ? `import m${i - 1}\n` : "X = 1\n";
    const view = countingView(memoryView(files));
    const facts = emptyFacts();
    facts.families["readme"] = [
      { kind: "readme", file: "README.md", place: "root" },
      ...Array.from({ length: 300 }, (_, i) => ({
        kind: "command",
        file: "README.md",
        line: i + 2,
        command: `python src/m${i}.py --epochs 2`,
        purpose: "train",
        script: `src/m${i}.py`,
      })),
    ];
    const before = view.listings;
    const records = await extractor.extract({ view, facts, branches: null });
    expect(records.filter((r) => r.kind === "step")).toHaveLength(300);
    expect(records.filter((r) => r.kind === "reach")).toHaveLength(300);
    expect(view.listings - before).toBeLessThanOrEqual(2);
  });
});
