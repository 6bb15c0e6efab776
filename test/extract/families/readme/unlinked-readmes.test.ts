// A sub-folder README the root README never names (a cheat sheet of API calls beside a helper package) is not the
// solution's procedure where the root README trains by its own steps; where the root gives no training step, or
// names the folder, its commands are steps.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const TRAIN = "import torch\nmodel = torch.nn.Linear(2, 2)\nloss.backward()\noptimizer.step()\n";
const CHEAT_SHEET =
  "# Frequently Used Commands\n\n```sh\npython -m upload -p models\nkaggle datasets download owner/extra\n```\n";
const FILES = {
  "bin/train.sh": "python src/main.py\n",
  "src/main.py": TRAIN,
  "tools/README.md": CHEAT_SHEET,
  "tools/upload.py": "import argparse\np = argparse.ArgumentParser()\np.add_argument('-p')\np.parse_args()\n",
};
const programs = async (files: Record<string, string>) => stepsOf(await planOf(files)).map((s) => s[3]);

describe("readme: sub-folder READMEs the root README does not name", () => {
  it("gives no steps where the root README trains by its own", async () => {
    const files = { ...FILES, "README.md": "# Solution\n\n## Train\n\n```sh\n. ./bin/train.sh\n```\n" };
    expect(await programs(files)).not.toContain("tools/upload.py");
    expect(await programs(files)).toContain("bin/train.sh");
  });

  it("gives steps where the root README names it", async () => {
    const files = {
      ...FILES,
      "README.md": "# Solution\n\n## Train\n\n```sh\n. ./bin/train.sh\n```\n\nUploads: see tools/README.md\n",
    };
    expect(await programs(files)).toContain("tools/upload.py");
  });

  it("gives steps where the root README has no training step", async () => {
    const files = { ...FILES, "README.md": "# Solution\n\nA summary of the approach.\n" };
    expect(await programs(files)).toContain("tools/upload.py");
  });
});
