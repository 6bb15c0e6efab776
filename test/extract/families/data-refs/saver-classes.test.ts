// A checkpoint saver class given a folder (`CheckpointSaver(output_dir)`) whose method saves files of its own
// naming there: the step that builds it writes that folder's checkpoints.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const RULE = "datasets-inputs-produced";
const UTILS =
  "import os\nimport torch\n\nclass CheckpointSaver:\n    def __init__(self, checkpoint_dir, extension='.pth'):\n" +
  "        self.checkpoint_dir = checkpoint_dir\n        self.extension = extension\n\n" +
  "    def __call__(self, state, name):\n" +
  "        torch.save(state, os.path.join(self.checkpoint_dir, name + self.extension))\n";

describe("datasets-inputs-produced: a saver class the training builds", () => {
  const files = (train: string) => ({
    "README.md": "# S\n\n```bash\npython train.py\npython eval.py\n```\n",
    "requirements.txt": "torch==2.1.0\n",
    "src/__init__.py": "",
    "src/utils.py": UTILS,
    "train.py": train,
    // An averaging utility no step runs writes into the same folder.
    "tools/avg.py":
      "import os\nimport torch\noutput_dir = 'output'\ntorch.save({}, os.path.join(output_dir, 'avg.pth'))\n",
    "eval.py":
      "import os\nfrom glob import glob\nimport torch\noutput_dir = 'output'\n" +
      "for p in glob(os.path.join(output_dir, '*.pth')):\n    torch.load(p)\n",
  });

  it("takes the step that builds the saver over the folder for a writer of the checkpoints", async () => {
    const train =
      "from src.utils import CheckpointSaver\n\ndef main():\n    output_dir = 'output'\n" +
      "    saver = CheckpointSaver(output_dir)\n    for epoch in range(3):\n        saver({}, f'epoch{epoch}')\n\n" +
      "if __name__ == '__main__':\n    main()\n";
    expect(await findingsOf(files(train), [RULE])).toEqual([]);
  });

  it("still reports the read when the training builds no saver over that folder", async () => {
    const train =
      "from src.utils import CheckpointSaver\n\ndef main():\n    saver = CheckpointSaver('logs')\n" +
      "    saver({}, 'last')\n\nif __name__ == '__main__':\n    main()\n";
    const findings = await findingsOf(files(train), [RULE]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([[RULE, "eval.py", 5]]);
  });
});
