// A README that writes its commands as Markdown blockquote lines, with no code block, documents them as steps,
// whatever language its headings are in; a quoted sentence stays prose.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";
import { parseReadme } from "../../../../src/extract/shell/readme-parse.js";

const RULES = ["instructions-train-documented", "instructions-predict-documented"];
const FILES = {
  "train.py":
    "import argparse\nimport torch\np = argparse.ArgumentParser()\np.add_argument('-C')\na = p.parse_args()\nm = torch.nn.Linear(1, 1)\nopt = torch.optim.Adam(m.parameters())\nopt.step()\ntorch.save(m.state_dict(), 'w.pth')\n",
  "infer.py":
    "import torch\nimport pandas as pd\nm = torch.load('w.pth')\npd.DataFrame({'y': [0]}).to_csv('submission.csv')\n",
};

describe("readme: commands written as blockquote lines", () => {
  it("reads quoted commands under non-English headings as the training and prediction steps", async () => {
    const readme =
      "# 方案\n\n## 训练\n\n> python train.py -C cfg_0\n>> Checkpoint save : w.pth\n\n## 预测\n> python infer.py\n";
    expect(await findingsOf({ ...FILES, "README.md": readme }, RULES)).toEqual([]);
  });

  it("keeps a quoted sentence as prose and makes consecutive quoted commands one block", () => {
    const parts = parseReadme(
      "# T\n\n> Note: make sure the data is there.\n\n> cd data\n> python ../train.py\n>> log line\n",
    );
    expect(parts.code.map((c) => [c.line, c.text, c.block])).toEqual([
      [5, "cd data", 1],
      [6, "python ../train.py", 1],
    ]);
    expect(parts.prose.map((p) => p.line)).toEqual([1, 3, 7]);
  });

  it("still finds no steps in a README that only quotes prose", async () => {
    const readme = "# 方案\n\n## 训练\n\n> The model trains in an hour.\n";
    expect((await findingsOf({ ...FILES, "README.md": readme }, RULES)).map((f) => f[0]).sort()).toEqual(
      [...RULES].sort(),
    );
  });
});
