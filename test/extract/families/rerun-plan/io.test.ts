// Files the plan's own steps write, however the code spells the path, are produced: a read of them is no finding.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf } from "./plan-repo.js";

const RULES = [
  "datasets-inputs-produced",
  "datasets-weights-shipped",
  "datasets-data-available",
  "datasets-copied-inputs-sourced",
];
const SPEC = "torch==2.1.0\npandas==2.1.0\nnumpy==1.26.0\n";
const ARGS = "import argparse\np = argparse.ArgumentParser()\n";

describe("rerun-plan io: outputs the plan's training writes", () => {
  it("a checkpoint path joined with `+` from an argument is written by the training step", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npython train.py --save_dir weights\npython predict.py\n```\n",
        "requirements.txt": SPEC,
        "train.py":
          ARGS +
          "p.add_argument('--save_dir', default='weights')\na = p.parse_args()\nimport torch\n" +
          "for k in range(5):\n    torch.save({}, a.save_dir + '/fold' + str(k) + '.pth')\n",
        "predict.py": "import torch\nfor k in range(5):\n    m = torch.load(f'weights/fold{k}.pth')\n",
        "notebooks/old.ipynb": notebook([
          "import os\nimport torch\nfor k in range(5):\n    torch.save({}, os.path.join(d, f'fold{k}.pth'))\n",
        ]),
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("a Lightning ModelCheckpoint's dirpath and a Trainer's default_root_dir are filled by the training", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npython train.py\npython infer.py\n```\n",
        "requirements.txt": SPEC + "pytorch-lightning==2.1.0\n",
        "train.py":
          "import pytorch_lightning as pl\nfrom pytorch_lightning.callbacks import ModelCheckpoint\n" +
          "ckpt = ModelCheckpoint(dirpath='checkpoints', filename='{epoch}-{val_loss:.4f}-loss', monitor='val_loss')\n" +
          "trainer = pl.Trainer(callbacks=[ckpt], default_root_dir='lightning_logs')\n",
        "infer.py":
          "import glob\nimport torch\nfor p in glob.glob('checkpoints/*loss.ckpt'):\n    m = torch.load(p)\n" +
          "for p in glob.glob('lightning_logs/*/version_0/*.ckpt'):\n    n = torch.load(p)\n",
        "notebooks/old.ipynb": notebook([
          "import os\nimport torch\ntorch.save({}, os.path.join(out, f'{k}_loss.ckpt'))\n",
        ]),
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("a training script's helper, imported from its own module, writes into the log folder the step passes", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\ncd scripts\nbash train.sh\n```\n\nThen run notebooks/infer.ipynb.\n",
        "requirements.txt": SPEC,
        "scripts/train.sh": "cd ../src\nfor k in 0 1 2\ndo\n  python main.py --fold $k --log_folder ../logs/0/\ndone\n",
        "src/main.py":
          ARGS +
          "p.add_argument('--fold', type=int)\np.add_argument('--log_folder')\na = p.parse_args()\n" +
          "from utils import save_config, save_model_weights\nsave_config({'k': a.fold}, a.log_folder)\n" +
          "save_model_weights({}, f'model_{a.fold}.pt', cp_folder=a.log_folder)\n",
        "src/utils.py":
          "import json\nimport torch\n\ndef save_config(config, folder):\n    json.dump(config, open(folder + 'config.json', 'w'))\n\n" +
          "def save_model_weights(model, filename, cp_folder=''):\n    torch.save(model, cp_folder + filename)\n",
        "notebooks/infer.ipynb": notebook([
          "import glob, json\nimport torch\nexp_folder = '../logs/0/'\ncfg = json.load(open(exp_folder + 'config.json'))\n" +
            "ws = [torch.load(w) for w in glob.glob(exp_folder + '*.pt')]\n",
        ]),
        "notebooks/eda.ipynb": notebook([
          "import json\nimport torch\njson.dump({}, open(out + 'config.json', 'w'))\ntorch.save({}, out + 'x.pt')\n",
        ]),
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });

  it("a submission written under a settings JSON's folder is the source a later copy takes", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\nbash run.sh\n```\n",
        "requirements.txt": SPEC,
        "run.sh":
          "cd sub\npython predict.py\ncp data/submissions/submission.csv ../out/sub.csv\ncd ..\npython merge.py\n",
        "sub/SETTINGS.json": '{\n  "DATA_DIR": "./data/",\n  "SUBMISSION_DIR": "./data/submissions/"\n}\n',
        "sub/predict.py":
          "import json, os\nimport pandas as pd\nsettings = json.load(open('SETTINGS.json'))\n" +
          "pd.DataFrame().to_csv(os.path.join(settings['SUBMISSION_DIR'], 'submission.csv'))\n",
        "out/.gitkeep": "",
        "merge.py": "import pandas as pd\na = pd.read_csv('out/sub.csv')\n",
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });
});

describe("rerun-plan io: a glob matched to the writer the plan runs", () => {
  it("per-step outputs globbed later are produced by the step that runs, not by an unrun script of the same extension", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\nbash run.sh\n```\n",
        "requirements.txt": SPEC,
        "run.sh": "python predict_a.py\npython group.py\n",
        "predict_a.py":
          ARGS +
          "p.add_argument('--out', default='preds')\np.add_argument('--split', default='Test')\na = p.parse_args()\nimport os\nimport pandas as pd\n" +
          "for name in ['a', 'b']:\n    df = pd.DataFrame()\n    df.to_csv(os.path.join(a.out, f'{name}_{a.split}.csv'))\n",
        "group.py":
          ARGS +
          "p.add_argument('--out_dir', default='preds')\np.add_argument('--split', default='Test')\na = p.parse_args()\n" +
          "import glob, os\nimport pandas as pd\nsuffix = a.split\nfs = glob.glob(os.path.join(a.out_dir, '*' + suffix + '.csv'))\n" +
          "d = [pd.read_csv(f) for f in fs]\n",
        "analyze.py":
          "import os\nimport pandas as pd\nfor name in 'xy':\n    df = pd.DataFrame()\n    df.to_csv(os.path.join(d, 'emb_' + name + '.csv'))\n",
      },
      RULES,
    );
    expect(findings).toEqual([]);
  });
});

describe("rerun-plan io: a module the steps only import", () => {
  it("makes nothing with the writes of its __main__ block", async () => {
    const records = await planOf({
      "README.md": "# S\n\n```bash\npython train.py\n```\n",
      "train.py": "import pandas as pd\nfrom folds import split\ndf = pd.read_csv('data/folds.csv')\n",
      "folds.py":
        "import pandas as pd\n\ndef split(df):\n    return df\n\nif __name__ == '__main__':\n    df = pd.read_csv('data/train.csv')\n    split(df).to_csv('data/folds.csv')\n",
    });
    const read = records.find((r) => r.kind === "io" && r.file === "train.py" && r.mode === "read");
    expect(read).toMatchObject({ path: "data/folds.csv", writtenOnlyBy: "folds.py:8" });
  });
});

/** A notebook of the given code cells. */
function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((c) => ({
      cell_type: "code",
      metadata: {},
      execution_count: null,
      outputs: [],
      source: c.split(/(?<=\n)/),
    })),
    metadata: { kernelspec: { name: "python3", language: "python" } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}
