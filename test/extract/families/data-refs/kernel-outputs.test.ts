// A step that reads what a hosted notebook wrote (a Kaggle kernel the kernel file mounts, `kaggle kernels output`,
// a kernel the README links) depends on that kernel: a warning on the plan, in a real repo.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

describe("data-refs: outputs of hosted notebooks", () => {
  it("warns where the README's step reads a kernel's output the repo does not ship, not the data it ships", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# Solution\n\n```\nkaggle kernels output carol/oof-preds -p oof\npython train.py\n```\n",
        "train.py":
          "import numpy as np\nimport pandas as pd\noof = np.load('oof/oof.npy')\nd = pd.read_csv('data/train.csv')\n",
        "data/train.csv": "a\n1\n",
      },
      ["datasets-kernel-outputs-shipped"],
    );
    expect(findings).toEqual([["datasets-kernel-outputs-shipped", "train.py", 3, "warning"]]);
  });
});
