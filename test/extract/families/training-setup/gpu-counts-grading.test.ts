// Fixed GPU counts graded by the rerun plan: a warning where a step runs or imports the file, info where none does;
// the same count copied into several launchers is one finding.
import { expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

it("warns once of the process count copied into the planned launchers, not of their bare CUDA_VISIBLE_DEVICES lines", async () => {
  const launcher = (task: string) =>
    `#!/bin/bash\nCUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7\n\ntorchrun --nproc_per_node=8 train.py --task ${task}\n`;
  const findings = await findingsOf(
    {
      "README.md": "# Train\n\n```\npip install -r requirements.txt\nbash train.sh\nbash seg.sh\n```\n",
      "requirements.txt": "torch==2.1.0\n",
      "train.sh": launcher("cls"),
      "seg.sh": launcher("seg"),
      "train.py": "import argparse\np = argparse.ArgumentParser()\np.add_argument('--task')\np.parse_args()\n",
    },
    ["execution-gpu-ids-settable", "execution-gpu-count-stated"],
  );
  expect(findings).toEqual([["execution-gpu-count-stated", "seg.sh", 4, "warning"]]);
});

it("warns of a GPU count in the config the training imports, and notes one in a script no step runs", async () => {
  const findings = await findingsOf(
    {
      "README.md": "# Train\n\n```\npip install -r requirements.txt\npython train.py\n```\n",
      "requirements.txt": "torch==2.1.0\n",
      "config.py": "class CFG:\n    N_GPUS = 3\n",
      "train.py": "import torch\nfrom config import CFG\nfor rank in range(CFG.N_GPUS):\n    print(rank)\n",
      "old/ddp.py": "import torch.multiprocessing as mp\nmp.spawn(print, nprocs=4)\n",
    },
    ["execution-gpu-count-stated"],
  );
  expect(findings).toEqual([
    ["execution-gpu-count-stated", "config.py", 2, "warning"],
    ["execution-gpu-count-stated", "old/ddp.py", 2, "info"],
  ]);
});
