// Settings a reader is told to edit inside a script: the config class a README step names, a commented block.
import { describe, expect, it } from "vitest";
import {
  commentMarkedLines,
  configClassLines,
  scriptsWithClassToEdit,
} from "../../../../src/extract/families/path-literals/edit-marked.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const INFER = [
  "import os", //                                       1
  "class Config:", //                                   2
  "    mode = 'test'", //                               3
  "    dataset_dir = '/kaggle/input/some-comp/'", //    4
  "", //                                                5
  "OUT = '/home/me/out'", //                            6
].join("\n");

describe("settings marked for editing in a script", () => {
  it("takes the script a README command runs just after a line that says to set its Config class", () => {
    const readme =
      "## Inference\n```bash\n# control Config class on top of the file\npython3 infer.py\npython3 other.py\n```\n";
    const commands = [
      { file: "README.md", line: 4, command: "python3 infer.py", script: null },
      { file: "README.md", line: 5, command: "python3 other.py", script: "other.py" },
      { file: "README.md", line: 9, command: "python3 far.py", script: "far.py" },
    ];
    const files = ["src/infer.py", "other.py", "far.py"];
    expect([...scriptsWithClassToEdit([{ file: "README.md", text: readme }], commands, files)]).toEqual([
      "src/infer.py",
      "other.py",
    ]);
    expect([...configClassLines(INFER)]).toEqual([3, 4]);
  });

  it("takes the class or assignments just under a comment that says to change them, not other comments", () => {
    const text = [
      "def main():", //                                    1
      "    # change the local config as needed", //        2
      "    class LocalEvalConfig:", //                     3
      "        DATA_FOLDER = '/home/me/data'", //          4
      "    run(LocalEvalConfig)", //                       5
      "# set your paths here", //                          6
      "ROOT = '/mnt/me/x'", //                             7
      "OUT = '/mnt/me/y'", //                              8
      "", //                                               9
      "# set seed", //                                     10
      "SEED = 3", //                                       11
      "LOG = '/mnt/me/log'", //                            12
    ].join("\n");
    expect([...commentMarkedLines(text)]).toEqual([4, 7, 8]);
  });
});

it("notes machine paths in a Config class the README says to set, or under a 'change as needed' comment, as config to fill", async () => {
  const findings = await findingsOf(
    {
      "README.md":
        "# Run\n\n```bash\npip install -r requirements.txt\n# control Config class on top of the file\npython3 infer.py\npython3 evaluate.py\n```\n",
      "requirements.txt": "pandas==2.0.0\n",
      "src/infer.py":
        INFER + "\nimport pandas as pd\npd.read_csv(Config.dataset_dir + 'test.csv').to_csv(OUT + '/s.csv')\n",
      "evaluate.py":
        "import pandas as pd\nif __name__ == '__main__':\n    # change the local config as needed\n    class LocalConfig:\n        DATA_FOLDER = '/home/me/datasets/public'\n    pd.read_csv(LocalConfig.DATA_FOLDER + '/gt.csv')\n",
    },
    ["paths-portable", "paths-config-to-fill"],
  );
  expect(findings.map((f) => f.slice(0, 3))).toEqual([
    ["paths-config-to-fill", "evaluate.py", 5],
    ["paths-config-to-fill", "src/infer.py", 4],
    ["paths-portable", "src/infer.py", 6],
  ]);
});
