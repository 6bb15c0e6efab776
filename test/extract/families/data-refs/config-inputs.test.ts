// A training config a command loads names its input files as values: they are reads, judged as code reads are
// (shipped, fetched, written by a step, sourced by the README). Output keys, checkpoints, model ids and configs
// no command loads are not.
import { describe, expect, it } from "vitest";
import { configInputs, loadedConfigs } from "../../../../src/extract/families/data-refs/config-inputs.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const CONFIG = [
  "exp_name: base",
  "output_dir: out/run1",
  "data:",
  "  train_csv:",
  "    # - /kaggle/input/old/train.csv",
  "    - /kaggle/input/foo/train.csv",
  "  train_list: 'data/train_clean.csv'",
  "  valid_files: [data/a.csv, data/b.csv]",
  "  save_path: preds/oof.csv",
  "  labels: [a, b]",
  "model:",
  "  name_or_path: microsoft/deberta-v3-base",
  "  checkpoint_path: weights/best.pth",
  "log_file: logs/train.txt",
].join("\n");

describe("configInputs", () => {
  it("takes input-file keys' path values, list items included; not outputs, checkpoints or model ids", () => {
    expect(configInputs(CONFIG)).toEqual([
      { line: 6, key: "data.train_csv", value: "/kaggle/input/foo/train.csv" },
      { line: 7, key: "data.train_list", value: "data/train_clean.csv" },
      { line: 8, key: "data.valid_files", value: "data/a.csv" },
      { line: 8, key: "data.valid_files", value: "data/b.csv" },
    ]);
  });

  it("counts only the configs a command names, from its folder or the root", () => {
    const configs = ["configs/a.yaml", "src/configs/b.yml", "configs/unused.yaml"];
    expect(
      loadedConfigs(
        [
          { text: "python train.py --config configs/a.yaml", cwd: "" },
          { text: "python main.py --cfg ./configs/b.yml", cwd: "src" },
        ],
        configs,
      ),
    ).toEqual(["configs/a.yaml", "src/configs/b.yml"]);
  });
});

describe("data-refs: inputs a loaded config names", () => {
  it("a config's train_list that no step writes is missing; one a step writes or the repo ships is not", async () => {
    const findings = await findingsOf(
      {
        "README.md":
          "# S\n\n```bash\npip install -r requirements.txt\npython clean.py\npython train.py --config configs/train.yaml\n```\n",
        "requirements.txt": "pandas==2.1.0\npyyaml==6.0.1\n",
        "clean.py": "import pandas as pd\npd.DataFrame().to_csv('data/train_cleaned.csv')\n",
        "train.py":
          "import argparse\nimport yaml\nimport pandas as pd\np = argparse.ArgumentParser()\n" +
          "p.add_argument('--config')\na = p.parse_args()\ncfg = yaml.safe_load(open(a.config))\n" +
          "def frame_of(table):\n    return pd.read_csv(table)\n\ndf = frame_of(cfg['data']['train_list'])\n",
        "configs/train.yaml":
          "data:\n  train_list: data/train_clean.csv\n  folds_csv: data/folds.csv\n  extra_csv: data/train_cleaned.csv\n" +
          "output_dir: out\nmodel:\n  name: microsoft/deberta-v3-base\n",
        "configs/old.yaml": "data:\n  train_list: data/never_written.csv\n",
        "data/folds.csv": "id,fold\n1,0\n",
      },
      ["datasets-data-available"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "configs/train.yaml", 2],
    ]);
  });
});

describe("data-refs: a config input the code reads by its key", () => {
  it("is one finding, at the code's read, not a second at the config", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npython train.py --config configs/train.yaml\n```\n",
        "requirements.txt": "pandas==2.1.0\npyyaml==6.0.1\n",
        "train.py":
          "import yaml\nimport pandas as pd\ncfg = yaml.safe_load(open('configs/train.yaml'))\n" +
          "df = pd.read_csv(cfg['data']['train_list'])\n",
        "configs/train.yaml": "data:\n  train_list: data/train_clean.csv\n",
      },
      ["datasets-data-available"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "train.py", 4],
    ]);
  });
});
