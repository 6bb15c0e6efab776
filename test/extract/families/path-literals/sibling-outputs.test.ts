// Outputs beside the repo (`../models/`) next to inputs read from Kaggle's `../input` beside it are one layout: a
// note; outputs beside the repo with no inputs there, or further up than the inputs, stay a warning.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";
import { readFromWritten, siblingInputs } from "../../../../src/extract/families/path-literals/outside-outputs.js";

const README = "# S\n\n```bash\npython train.py\n```\n";
const COMMON = "import os\nos.mkdir('../models/')\nos.mkdir('../subm/')\nos.makedirs('../features/', exist_ok=True)\n";

describe("siblingInputs", () => {
  it("finds the inputs read from input/ above the repo, by how far up, from any file", () => {
    const found = siblingInputs([
      { file: "train.py", line: 3, path: "data/train.csv" },
      { file: "src/prep.py", line: 4, path: "../../input/train.csv" },
      { file: "train.py", line: 7, path: "../input/test.csv" },
      { file: "train.py", line: 9, path: "../../../input/x.csv" },
    ]);
    expect([...found]).toEqual([
      ["../", "src/prep.py:4"],
      ["../../../", "train.py:9"],
    ]);
  });
});

describe("paths-outputs-inside-repo: sibling layout", () => {
  it("notes outputs beside the repo when its inputs are read from ../input beside it", async () => {
    const findings = await findingsOf(
      {
        "README.md": README,
        "common.py": COMMON,
        "train.py": "import pandas as pd\nimport common\ndf = pd.read_csv('../input/train.csv')\n",
      },
      ["paths-outputs-inside-repo"],
    );
    expect(findings).toEqual([["paths-outputs-inside-repo", "common.py", 2, "info"]]);
  });

  it("keeps the warning where no input is read from beside the repo, or outputs go further up", async () => {
    const alone = await findingsOf({ "README.md": README, "common.py": COMMON, "train.py": "import common\n" }, [
      "paths-outputs-inside-repo",
    ]);
    expect(alone).toEqual([["paths-outputs-inside-repo", "common.py", 2, "warning"]]);
    const further = await findingsOf(
      {
        "README.md": README,
        "train.py":
          "import os\nimport pandas as pd\nos.makedirs('../../models/', exist_ok=True)\n" +
          "df = pd.read_csv('../input/train.csv')\n",
      },
      ["paths-outputs-inside-repo"],
    );
    expect(further).toEqual([["paths-outputs-inside-repo", "train.py", 3, "warning"]]);
  });
});

describe("paths-outputs-inside-repo: outputs beside their own inputs", () => {
  const PREP = (read: string) =>
    `import glob\nimport pandas as pd\nfiles = ${read}\ndf = pd.DataFrame({'f': files})\ndf.to_csv('../data/out.csv')\n`;

  it("finds the first read of a folder beside the repo the code also writes into, not its writes", () => {
    const written = new Map([["../data", "prep.py:5"]]);
    const found = readFromWritten(
      [
        { file: "prep.py", line: 5, path: "../data/out.csv" },
        { file: "prep.py", line: 3, path: "../data/train/*" },
        { file: "prep.py", line: 7, path: "../other/x.csv" },
      ],
      [{ file: "prep.py", line: 5, path: "../data/out.csv" }],
      written,
    );
    expect([...found]).toEqual([["../data", "prep.py:3"]]);
  });

  it("takes no read of the outputs themselves, or of the folder holding them, for an input", () => {
    const written = new Map([["../out", "train.py:4"]]);
    const writes = [
      { file: "train.py", line: 4, path: "../out/exp1/last.ckpt" },
      { file: "train.py", line: 5, path: "../out/folds/0" },
    ];
    const reads = [
      { file: "infer.py", line: 3, path: "../out/exp1/{}/last.ckpt" },
      { file: "src/infer.py", line: 2, path: "../../out/folds/*" },
    ];
    expect([...readFromWritten(reads, writes, written)]).toEqual([]);
    const input = { file: "infer.py", line: 6, path: "../out/meta.csv" };
    expect([...readFromWritten([...reads, input], writes, written)]).toEqual([["../out", "infer.py:6"]]);
  });

  it("notes outputs written into the folder beside the repo the inputs are read from", async () => {
    const findings = await findingsOf(
      { "README.md": "# S\n\n```bash\npython prep.py\n```\n", "prep.py": PREP("glob.glob('../data/train/*')") },
      ["paths-outputs-inside-repo"],
    );
    expect(findings).toEqual([["paths-outputs-inside-repo", "prep.py", 3, "info"]]);
  });

  it("keeps the warning where the inputs come from inside the repo", async () => {
    const findings = await findingsOf(
      { "README.md": "# S\n\n```bash\npython prep.py\n```\n", "prep.py": PREP("glob.glob('data/train/*')") },
      ["paths-outputs-inside-repo"],
    );
    expect(findings).toEqual([["paths-outputs-inside-repo", "prep.py", 5, "warning"]]);
  });
});
