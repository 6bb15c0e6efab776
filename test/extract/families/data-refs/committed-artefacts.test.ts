// Intermediate artefacts the repo commits (folds, features, out-of-fold arrays) are inputs it ships, even where
// no step makes them; one neither committed, made nor named stays missing.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const PICKLE = "\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00}\x94\x8c\x01a\x94K\x01s.";

describe("data-refs: committed intermediate artefacts", () => {
  it("takes committed folds, a pickle and an .npy a step reads as shipped; a missing one stays a finding", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# Solution\n\n```bash\npip install -r requirements.txt\ncd src\npython train.py\n```\n",
        "requirements.txt": "pandas==2.1.0\nnumpy==1.26.0\n",
        "src/train.py":
          "import pickle\nimport numpy as np\nimport pandas as pd\n" +
          "folds = pd.read_csv('../input/folds/train_folds.csv')\n" +
          "feats = pickle.load(open('../features/feats.pkl', 'rb'))\n" +
          "oof = np.load('../oof/oof_lgb.npy')\n" +
          "cache = pd.read_pickle('../cache/missing.pkl')\n",
        "src/make_folds.py": "import pandas as pd\npd.DataFrame().to_csv('../input/folds/train_folds.csv')\n",
        "input/folds/train_folds.csv": "id,fold\n1,0\n",
        "features/feats.pkl": PICKLE,
        "oof/oof_lgb.npy": "\x93NUMPY\x01\x00v\x00{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }\n",
      },
      ["datasets-data-available", "datasets-inputs-produced", "datasets-weights-shipped", "paths-kaggle-input-mounted"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "src/train.py", 7],
    ]);
  });
});

describe("data-refs: intermediate artefacts under the README's data folder", () => {
  it("a pickle, folds or .npy no step makes is not documented by the folder the competition data goes in, unless named", async () => {
    const findings = await findingsOf(
      {
        "README.md":
          "# Solution\n\nDownload the data from https://www.kaggle.com/c/some-comp/data and put it in `data/`.\n" +
          "The authors' `oof_lgb.npy` is in the same package.\n\n```bash\npython train.py\n```\n",
        "train.py":
          "import pickle\nimport numpy as np\nimport pandas as pd\n" +
          "folds = pd.read_csv('data/train_folds.csv')\n" +
          "p = pickle.load(open('data/pseudo_data_fold1.pickle', 'rb'))\n" +
          "oof = np.load('data/oof_lgb.npy')\n" +
          "tr = pd.read_csv('data/train.csv')\n" +
          "img = np.load('data/committed_feats.npy')\n",
        "data/committed_feats.npy": "\x93NUMPY\x01\x00",
        "gen.py": "import numpy as np\nnp.save('data/outputs.npy', x)\n",
      },
      ["datasets-data-available"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "train.py", 4],
      ["datasets-data-available", "train.py", 5],
    ]);
  });
});
