// A training script that writes the file the README says to submit, and a notebook the README says to run that
// writes the ensembled submission, are prediction steps.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["instructions-predict-documented"];
const TRAIN =
  "import torch\nimport pandas as pd\nm = torch.nn.Linear(1, 1)\nm(torch.zeros(1)).sum().backward()\nsub = pd.read_csv('data/sample_submission.csv')\nsub.to_csv(f'outputs/{name}/fold{k}/test_preds.csv', index=False)\n";
const notebook = (source: string) =>
  JSON.stringify({
    cells: [{ cell_type: "code", source: [source], metadata: {}, outputs: [] }],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });

describe("readme: prediction written by the training", () => {
  it("counts a training script that writes the csv the README says to submit", async () => {
    const readme =
      "# Solution\n\n## Training\n```\npython train.py configs/a.yaml\n```\n- Checkpoints and submission files (test_preds.csv) will be saved in 'outputs'. You can directly submit the csv file.\n";
    expect(await findingsOf({ "train.py": TRAIN, "README.md": readme }, RULES)).toEqual([]);
    // Without the README's words, the training's own csv is no submission.
    const plain = readme.replace(/- Checkpoints.*\n/, "");
    expect((await findingsOf({ "train.py": TRAIN, "README.md": plain }, RULES)).map((f) => f[0])).toEqual(RULES);
  });

  it("counts a notebook the README says to run whose code writes the ensembled submission", async () => {
    const files = {
      "train.py": TRAIN.replace(/sub\.to_csv.*\n/, ""),
      "stack.ipynb": notebook(
        "import pandas as pd\nsub = pd.read_csv('data/sample_submission.csv')\nsub.to_csv('outputs/ensembled_submission.csv', index=False)\n",
      ),
      "README.md":
        "# Solution\n\n## Training\n```\npython train.py configs/a.yaml\n```\n## Stacking\nBy running codes in 'stack.ipynb', you can stack the models.\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
  });
});
