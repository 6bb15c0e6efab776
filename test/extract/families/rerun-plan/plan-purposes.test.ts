// The README's training and prediction, read from the rerun plan: a step whose reached code fits a model, a
// training step however deep the scripts nest it, a step named or introduced as the test or inference.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf, summaryOf } from "./plan-repo.js";

const RULES = ["instructions-train-documented", "instructions-predict-documented"];

/** A script that only imports the training: the optimizer loop is in a module beside it. */
const BEHIND_IMPORT = {
  "README.md": "# Solution\n\n```\ncd src\nbash run.sh\n```\n\nThe result is written to `./submit/submit.json`.\n",
  "src/run.sh": "python main.py\npython merge_all.py\ncp ./save/x/submit.json ../submit/\n",
  "src/main.py": "import data\nimport traintest\n\ntt = traintest.TrainTest(data.KG())\ntt.train()\ntt.predict()\n",
  "src/data.py": "class KG:\n    pass\n",
  "src/traintest.py":
    "class TrainTest:\n    def __init__(self, d):\n        self.d = d\n    def train(self):\n        for b in self.d:\n            loss = self.model(b)\n            loss.backward()\n            self.optimizer.step()\n    def predict(self):\n        return self.model(self.d)\n",
  "src/merge_all.py": "import json\nwith open('./save/x/submit.json', 'w') as f:\n    json.dump({}, f)\n",
};

/** A pipeline of scripts calling scripts, run from the container's mount; the top script moves to its own folder
 * through a variable the README family's walk does not follow. */
const DEEP = {
  "README.md": "# Solution\n\nIn the container:\n\n```\ncd /submission\n./run.sh\n```\n",
  "run.sh":
    "#!/bin/bash\nset -e\nDIR=$(cd $(dirname $0); pwd)\nbash $DIR/install.sh\ncd $DIR/descriptor\nbash descriptor_run.sh\n",
  "install.sh": "pip install -r requirements.txt\n",
  "requirements.txt": "torch\n",
  "descriptor/descriptor_run.sh":
    "bash preprocess.sh\npython train.py --config configs/a.yaml\npython eval.py --config configs/a.yaml\npython train.py --config configs/b.yaml\n",
  "descriptor/preprocess.sh": "python prep.py\n",
  "descriptor/prep.py": "print(1)\n",
  "descriptor/train.py": "import sys\nprint(sys.argv)\n",
  "descriptor/eval.py": "import sys\nprint(sys.argv)\n",
  "descriptor/configs/a.yaml": "lr: 1\n",
  "descriptor/configs/b.yaml": "lr: 2\n",
};

/** Training, then a validation and a test script named for what they do, under comments saying so. */
const NAMED_TEST = {
  "README.md":
    "# Solution\n\n## Train\n\n```\nPYTHONPATH=`pwd`:$PYTHONPATH python3 tools/train.py -f configs/a.py\nPYTHONPATH=`pwd`:$PYTHONPATH python3 tools/train.py -f configs/b.py\n```\n\n## Evaluate\n\n```\n# validate\nPYTHONPATH=`pwd`:$PYTHONPATH python3 tools/test_self_ensemble.py -n 2 -f configs/a.py -d /path/to/dataset/\n# test\nPYTHONPATH=`pwd`:$PYTHONPATH python3 tools/test_final_self_ensemble.py -n 2 -f configs/a.py -d /path/to/dataset/\n```\n",
  "tools/train.py": "import argparse\np = argparse.ArgumentParser()\np.add_argument('-f')\np.parse_args()\n",
  "tools/test_self_ensemble.py":
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('-n')\np.add_argument('-f')\np.add_argument('-d')\np.parse_args()\n",
  "tools/test_final_self_ensemble.py":
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('-n')\np.add_argument('-f')\np.add_argument('-d')\np.parse_args()\n",
  "configs/a.py": "lr = 1\n",
  "configs/b.py": "lr = 2\n",
};

const summary = async (files: Record<string, string>) => summaryOf(await planOf(files));

describe("the README's training and prediction, from the rerun plan", () => {
  it("a step whose script imports the training loop trains; the script that writes the named result predicts", async () => {
    const s = await summary(BEHIND_IMPORT);
    expect(s?.readmeTrains).toBe(
      "step 2 (`python main.py`, src/run.sh:1) runs src/main.py, whose training src/traintest.py does",
    );
    expect(s?.readmePredicts).toMatch(/^step \d+ \(/);
    expect(await findingsOf(BEHIND_IMPORT, RULES)).toEqual([]);
  });

  it("a script that trains and then calls the model's predict predicts, with no submission named", async () => {
    const files = {
      ...BEHIND_IMPORT,
      "README.md": "# Solution\n\n```\ncd src\npython main.py\n```\n",
      "src/run.sh": "",
    };
    const s = await summary(files);
    expect(s?.readmePredicts).toBe(
      "step 1 (`python main.py`, README.md:5) runs src/main.py, which predicts after it trains",
    );
    expect(await findingsOf(files, RULES)).toEqual([]);
  });

  it("an imported module whose fitting runs only under its __main__ guard is no training", async () => {
    const files = {
      "README.md": "# Solution\n\n```\npython predict.py\n```\n",
      "predict.py": "import model\nm = model.load()\nm.train()\n",
      "model.py":
        "def load():\n    return None\n\n\nif __name__ == '__main__':\n    net = load()\n    loss = net()\n    loss.backward()\n",
    };
    expect((await summary(files))?.readmeTrains).toBeUndefined();
    expect((await findingsOf(files, RULES)).map((f) => f[0])).toEqual(["instructions-train-documented"]);
  });

  it("a prediction script that fits a scaler trains nothing", async () => {
    const files = {
      "README.md": "# Solution\n\n```\npython src/predict.py\n```\n",
      "src/predict.py": "from sklearn.preprocessing import StandardScaler\ns = StandardScaler()\ns.fit(x)\n",
    };
    expect((await summary(files))?.readmeTrains).toBeUndefined();
  });

  it("training three scripts down the README's one step is documented, the step named", async () => {
    const s = await summary(DEEP);
    expect(s?.readmeTrains).toMatch(
      /^step \d+ \(`python train\.py --config configs\/a\.yaml`, descriptor\/descriptor_run\.sh:2\) trains$/,
    );
    expect(await findingsOf(DEEP, ["instructions-train-documented"])).toEqual([]);
  });

  it("a test script run after the training, or a step under a `# test` comment, predicts", async () => {
    const s = await summary(NAMED_TEST);
    expect(s?.readmePredicts).toMatch(
      /^step 3 \(.*test_self_ensemble\.py.*\) runs tools\/test_self_ensemble\.py, named for testing/,
    );
    expect(await findingsOf(NAMED_TEST, RULES)).toEqual([]);
    const commented = {
      ...NAMED_TEST,
      "README.md": NAMED_TEST["README.md"]
        .replaceAll("test_self_ensemble", "ens")
        .replaceAll("test_final_self_ensemble", "final_ens"),
      "tools/ens.py": NAMED_TEST["tools/test_self_ensemble.py"],
      "tools/final_ens.py": NAMED_TEST["tools/test_final_self_ensemble.py"],
    };
    expect((await summary(commented))?.readmePredicts).toMatch(/^step 4 .* is under the comment "test"$/);
  });

  it("a test script before any training, or a unit test, is no prediction", async () => {
    const before = {
      ...NAMED_TEST,
      "README.md":
        "# Solution\n\n```\npython3 tools/test_self_ensemble.py -n 2 -f configs/a.py\npython3 tools/train.py -f configs/a.py\n```\n",
    };
    expect((await summary(before))?.readmePredicts).toBeUndefined();
    const unit = {
      ...NAMED_TEST,
      "tools/test_self_ensemble.py": "import unittest\n",
      "tools/test_final_self_ensemble.py": "import pytest\n",
      "README.md": NAMED_TEST["README.md"].replace("# test\n", "").replace("# validate\n", ""),
    };
    expect((await summary(unit))?.readmePredicts).toBeUndefined();
    expect(await findingsOf(unit, ["instructions-predict-documented"])).toEqual([
      ["instructions-predict-documented", null, null, "warning"],
    ]);
  });

  it("keeps the findings where the README runs nothing that trains: no commands, only installs, a missing script", async () => {
    for (const readme of [
      "# Solution\n\nA model.\n",
      "# Solution\n\n```\npip install -r requirements.txt\n```\n",
      "# Solution\n\n```\nbash go.sh\n```\n",
    ]) {
      const files = {
        "README.md": readme,
        "requirements.txt": "torch\n",
        "net.py": "import torch\nloss = torch.zeros(1)\nloss.backward()\n",
      };
      expect((await summary(files))?.readmeTrains).toBeUndefined();
      expect((await findingsOf(files, RULES)).map((f) => f[0]).sort()).toEqual([...RULES].sort());
    }
  });

  it("a root run.sh that trains is no README step: the finding stays, naming the script", async () => {
    const files = {
      "README.md": "# Solution\n\n```\npip install -r requirements.txt\n```\n",
      "requirements.txt": "torch\n",
      "run.sh": "python train.py --fold 0\n",
      "train.py": "import torch\n",
    };
    expect((await summary(files))?.readmeTrains).toBeUndefined();
    expect((await findingsOf(files, ["instructions-train-documented"])).map((f) => f[0])).toEqual([
      "instructions-train-documented",
    ]);
  });
});
