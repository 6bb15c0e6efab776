// One command whose script trains and then writes the submission documents both the training and the prediction,
// run directly or through the shell scripts it runs.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["instructions-train-documented", "instructions-predict-documented"];
const MAIN =
  "import pandas as pd\nfrom sklearn.linear_model import Ridge\nm = Ridge()\nm.fit([[0]], [0])\npd.DataFrame({'y': m.predict([[1]])}).to_csv('submission.csv')\n";

describe("readme: one command that trains and predicts", () => {
  it("counts a script the README says trains and makes predictions, which writes the submission", async () => {
    const files = {
      "main.py": MAIN,
      "README.md":
        "# Solution\n\n## Run\n\nThe following command trains all models and makes predictions:\n\n```\npython main.py --config_name exp1\n```\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
  });

  it("counts the training and submission of a Python script that a sourced shell script runs", async () => {
    const files = {
      "src/main.py": MAIN,
      "bin/run.sh": "python src/main.py --config_name exp1\n",
      "README.md": "# Solution\n\n## Reproduce\n\n```\n. ./bin/run.sh\n```\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
  });

  it("still asks for a prediction command where the script only trains", async () => {
    const files = {
      "main.py": "from sklearn.linear_model import Ridge\nRidge().fit([[0]], [0])\n",
      "README.md":
        "# Solution\n\n## Run\n\nThis trains all models and makes predictions:\n\n```\npython main.py\n```\n",
    };
    expect((await findingsOf(files, RULES)).map((f) => f[0])).toEqual(["instructions-predict-documented"]);
  });

  it("counts the step that exports the model a code competition's platform runs as the prediction", async () => {
    const files = {
      "train.py": "from sklearn.linear_model import Ridge\nRidge().fit([[0]], [0])\n",
      "convert.py": "import tensorflow as tf\nopen('model.tflite', 'wb').write(b'')\n",
      "run.sh": "python train.py\n",
      "convert.sh": "python convert.py\n",
      "README.md":
        "# Solution\n\n## 3. Main\n```\nbash ./run.sh\n```\n## 4. Convert to TFLite\n```\nbash ./convert.sh\n```\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
    // The same step under a title that says nothing of an export is no prediction.
    const plain = { ...files, "README.md": files["README.md"].replace("Convert to TFLite", "Last step") };
    expect((await findingsOf(plain, RULES)).map((f) => f[0])).toEqual(["instructions-predict-documented"]);
  });
});
