// A config value every launch of the config replaces on its command line (`model.path=org/name`) is a default
// no rerun reads: no machine path to hunt. A launch that leaves it, or one of another copy, keeps the finding.
import { describe, expect, it } from "vitest";
import { dottedKeys, launchOverriddenLines } from "../../../../src/extract/families/path-literals/launch-overrides.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const CONFIG =
  "data:\n  fold_file: ../in/folds.csv\nmodel:\n  path: /media/someone/models/base\n  pooling: mean\nlog:\n  dir: /home/someone/logs\n";
const STAGE1 = 'python train.py \\\n  --config ../config/exp.yaml fold=1 \\\n  model.path="org/base"\n';
const STAGE2 = "python train.py --config config/exp.yaml ++model.path=org/base\n";

describe("path-literals: launch overrides", () => {
  it("reads a YAML's dotted keys by indentation", () => {
    expect([...dottedKeys(CONFIG)].slice(2, 5)).toEqual([
      [3, "model"],
      [4, "model.path"],
      [5, "model.pooling"],
    ]);
  });

  it("marks a key every launch naming the config overrides, a run's saved copy aside", () => {
    const saved = "python predict.py /home/someone/out/exp.yaml\n";
    expect([...launchOverriddenLines("config/exp.yaml", CONFIG, [STAGE1, STAGE2, saved])]).toEqual([4]);
    expect([...launchOverriddenLines("config/exp.yaml", CONFIG, [STAGE1, "python t.py -c config/exp.yaml\n"])]).toEqual(
      [],
    );
    expect([...launchOverriddenLines("config/exp.yaml", CONFIG, [])]).toEqual([]);
    expect([
      ...launchOverriddenLines("conf/exp.yaml", CONFIG, ["python t.py --config-name exp model.path=x\n"]),
    ]).toEqual([4]);
  });

  it("drops paths-portable's finding for the overridden key only", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```\ncd bin\nbash stage1.sh\n```\n",
        "config/exp.yaml": CONFIG,
        "bin/stage1.sh": STAGE1,
        "bin/stage2.sh": STAGE2.replace("config/", "../config/"),
        "train.py": "import sys\nprint(sys.argv)\n",
      },
      ["paths-portable"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["paths-portable", "config/exp.yaml", 7],
    ]);
  });
});
