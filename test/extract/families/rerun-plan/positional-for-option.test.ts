// A launcher the README lists as a bullet that passes a required option's value as a plain positional
// (`python tool.py configs/x.json` where argparse wants `--config_path`): the step's options are rejected.
import { describe, expect, it } from "vitest";
import { findingsOf } from "./plan-repo.js";

const TOOL =
  "import argparse\np = argparse.ArgumentParser()\np.add_argument('--config_path', required=True)\nargs = p.parse_args()\n";

describe("a required option passed as a positional", () => {
  it("is an option the program rejects, on the plan through the README's bullet", async () => {
    const files = {
      "README.md": "# S\n\n## MODEL TRAINING\n\n- `./code/train.sh`\n",
      "code/train.sh": "python code/tool.py code/configs/x.json\n",
      "code/tool.py": TOOL,
      "code/configs/x.json": "{}\n",
    };
    const found = await findingsOf(files, ["instructions-options-accepted"]);
    expect(found.map((f) => f.slice(0, 3))).toEqual([["instructions-options-accepted", "code/train.sh", 1]]);
  });

  it("accepts the option given by its name", async () => {
    const files = {
      "README.md": "# S\n\n## MODEL TRAINING\n\n- `./code/train.sh`\n",
      "code/train.sh": "python code/tool.py --config_path code/configs/x.json\n",
      "code/tool.py": TOOL,
      "code/configs/x.json": "{}\n",
    };
    expect(await findingsOf(files, ["instructions-options-accepted"])).toEqual([]);
  });
});
