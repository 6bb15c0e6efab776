// A read of a config key (`pd.read_csv(config["fold_path"])`) in one subproject takes the values its own
// subproject's configs give that key, not those of another subproject's config that shares the key's name.
import { describe, expect, it } from "vitest";
import { familyOf } from "../rerun-plan/plan-repo.js";

const FILES: Record<string, string> = {
  "README.md":
    "# S\n\n```\ncd first\npython train.py\n```\n\n```\ncd second/code\npython train.py --config configs/c.json\n```\n",
  "first/conf/run.yaml": 'data:\n  fold_path: "splits_${data.n}_folds.parquet"\n',
  "first/train.py": "import pandas as pd\nfrom omegaconf import OmegaConf\ncfg = OmegaConf.load('conf/run.yaml')\n",
  "second/code/configs/c.json": '{\n  "fold_path": "../inputs/folds_four.csv"\n}\n',
  "second/code/train.py":
    "import json, sys\nimport pandas as pd\nconfig = json.load(open(sys.argv[2]))\ndf = pd.read_csv(config['fold_path'])\n",
};

describe("data-refs: config values by subproject", () => {
  it("reads the key's value from the reading file's own subproject", async () => {
    const reads = (await familyOf(FILES, "data-refs")).filter(
      (r) => r.kind === "read" && r.file === "second/code/train.py" && r.line === 4,
    );
    expect(reads.map((r) => r.path)).toEqual(["../inputs/folds_four.csv"]);
  });

  it("still takes another subproject's value where its own configs set none", async () => {
    const reads = (await familyOf({ ...FILES, "second/code/configs/c.json": '{\n  "lr": 1\n}\n' }, "data-refs")).filter(
      (r) => r.kind === "read" && r.file === "second/code/train.py" && r.line === 4,
    );
    expect(reads.map((r) => r.path)).toEqual(["splits_${data.n}_folds.parquet"]);
  });
});
