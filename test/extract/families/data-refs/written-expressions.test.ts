// A file the same code writes in one mode and reads in another through one expression (`open(cfg.scaler_path,
// "wb")` when training, `open(cfg.scaler_path, "rb")` otherwise) is made by the training run, not a missing input.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";
import { writtenChains } from "../../../../src/extract/families/data-refs/written-expressions.js";
import { indexPythonText } from "../../../../src/extract/python/file-index.js";

const RULES = ["datasets-data-available", "datasets-inputs-produced"];
const DATASET = (write: string) =>
  "import pickle\n\nclass Frames:\n    def __init__(self, cfg, mode):\n" +
  '        if mode == "train":\n' +
  `            with open(${write}, "wb") as f:\n                pickle.dump(1, f)\n` +
  '        else:\n            with open(cfg.scaler_path, "rb") as f:\n                self.s = pickle.load(f)\n';

describe("writtenChains", () => {
  it("keeps the attribute and key chains opened for writing, not bare names or reads", () => {
    const text = 'open(cfg.a_path, "wb")\nopen(config["b_path"], mode="w")\nopen(local, "w")\nopen(cfg.c_path, "rb")\n';
    const chains = writtenChains([indexPythonText("io.py", text, false)]);
    expect([...chains]).toEqual([
      ["cfg.a_path", "io.py:1"],
      ['config["b_path"]', "io.py:2"],
    ]);
  });
});

describe("datasets-data-available: written by the same expression", () => {
  const repo = (write: string) => ({
    "README.md": "# Solution\n\n```\npython train.py\npython predict.py\n```\n",
    "conf.yaml": "scaler_path: out/scaler.pkl\n",
    "frames.py": DATASET(write),
    "train.py":
      "import yaml\nfrom frames import Frames\ncfg = yaml.safe_load(open('conf.yaml'))\nFrames(cfg, 'train')\n",
    "predict.py": "from frames import Frames\nFrames(None, 'test')\n",
  });

  it("takes the path the training mode writes as made by the run", async () => {
    expect(await findingsOf(repo("cfg.scaler_path"), RULES)).toEqual([]);
  });

  it("still reports a read no code writes", async () => {
    const findings = await findingsOf(repo("cfg.other_path"), RULES);
    expect(findings.map((f) => [f[0], f[1], f[2]])).toEqual([["datasets-data-available", "frames.py", 9]]);
  });
});
