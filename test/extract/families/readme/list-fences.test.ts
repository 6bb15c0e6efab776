// Fenced code blocks indented under list items are README code: their commands are steps.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/readme/index.js";
import { planOf, stepsOf } from "../rerun-plan/plan-repo.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const commandsOf = async (files: Record<string, string>) =>
  (await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: ["main"] }))
    .filter((r) => r.kind === "command")
    .map((r) => [r.command, r.purpose]);

const README = [
  "# Solution",
  "",
  "```",
  "conda create -n sol python=3.8",
  "pip install -r requirements.txt",
  "```",
  "",
  "1. Train the models:",
  "    ```",
  "    $ python train.py --config a",
  "    ```",
  "2. Predict:",
  "",
  "        ```bash",
  "        $ python infer.py",
  "        ```",
  "- Or the second model:",
  "  ```",
  "  python train.py --config b",
  "  ```",
  "",
].join("\n");

describe("readme extractor: fences under list items", () => {
  it("reads the commands of fenced blocks indented under numbered and bulleted items", async () => {
    const found = await commandsOf({ "README.md": README, "train.py": "", "infer.py": "", "requirements.txt": "" });
    expect(found).toEqual(
      expect.arrayContaining([
        ["python train.py --config a", "train"],
        ["python infer.py", "predict"],
        ["python train.py --config b", "train"],
      ]),
    );
    expect(found.some(([c]) => String(c).includes("```"))).toBe(false);
  });

  it("carries the plan past the installation into the training and prediction", async () => {
    const files = { "README.md": README, "train.py": "print(1)\n", "infer.py": "print(2)\n", "requirements.txt": "" };
    const programs = stepsOf(await planOf(files)).map((s) => [s[3], s[4]]);
    expect(programs).toEqual(
      expect.arrayContaining([
        ["train.py", "train"],
        ["infer.py", "predict"],
      ]),
    );
  });
});
