// Entry points: the README's scripts, __main__ guards, notebooks, and the code file a Kaggle kernel runs.
import { describe, expect, it } from "vitest";
import { entryPoints } from "../../../src/extract/python/entry-points.js";
import { preparePythonIndex } from "../../../src/extract/python/repo-index.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../src/model/facts.js";

describe("entryPoints", () => {
  it("counts the code file of a kernel-metadata.json as a run entry, though it has no __main__ guard", async () => {
    const view = memoryView({
      "kernel.py": "import helpers\nhelpers.go()\n",
      "helpers.py": "def go():\n    pass\n",
      "cli.py": "if __name__ == '__main__':\n    pass\n",
    });
    const facts = emptyFacts();
    facts.families["kaggle-kernel"] = [
      { file: "kernel-metadata.json", line: 1, kind: "code-file", value: "kernel.py", exists: true },
    ];
    expect([...entryPoints(await preparePythonIndex(view), facts)].sort()).toEqual(["cli.py", "kernel.py"]);
  });
});
