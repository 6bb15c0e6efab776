// Hard-coded GPU ids graded by the rerun plan: a warning where a step runs the file, info where none does.
import { expect, it } from "vitest";
import { findingsOf, gatedSeverity } from "../rerun-plan/plan-repo.js";

/** The severity the gate lets the rule act at on the plan (the rounds move it). */
const ON_PLAN = gatedSeverity("execution-gpu-ids-settable");

it("warns of GPU ids pinned on the rerun path, and notes those in code no step runs", async () => {
  const findings = await findingsOf(
    {
      "README.md": "# Train\n\n```\npip install -r requirements.txt\nbash run.sh\n```\n",
      "requirements.txt": "torch==2.1.0\n",
      "run.sh": "CUDA_VISIBLE_DEVICES=2,3 python train.py\n",
      "train.py": "import torch\nmodel = torch.nn.DataParallel(torch.nn.Linear(1, 1), device_ids=[0, 1, 2, 3])\n",
      "old/experiment.py": "import torch\ntorch.cuda.set_device(3)\n",
    },
    ["execution-gpu-ids-settable"],
  );
  // Off the plan always a note; on it, what the gate allows.
  const byFile = (rows: readonly (readonly unknown[])[]) =>
    [...rows].sort((a, b) => String(a[1]).localeCompare(String(b[1])));
  expect(byFile(findings)).toEqual(
    byFile([
      ["execution-gpu-ids-settable", "run.sh", 1, ON_PLAN],
      ["execution-gpu-ids-settable", "train.py", 2, ON_PLAN],
      ["execution-gpu-ids-settable", "old/experiment.py", 2, "info"],
    ]),
  );
});

it("notes a pin in a helper script no documented step runs, saying so, and finds none in a docstring or a bare assignment", async () => {
  const files = {
    "README.md": "# Train\n\n```\npip install -r requirements.txt\nbash train.sh\n```\n",
    "requirements.txt": "torch==2.1.0\n",
    "train.sh": "CUDA_VISIBLE_DEVICES=0,1,2,3\ntorchrun --nproc_per_node=4 train.py\n",
    "train.py":
      'import torch\n\n\ndef wrap(m):\n    """Usage:\n\n    > wrap(DataParallel(m, device_ids=[0, 1]))\n    """\n    return m\n',
    "tools/dist_test.sh": "CUDA_VISIBLE_DEVICES=0,6,7 python -m torch.distributed.launch --nproc_per_node=3 test.py\n",
    "tools/test.py": "import torch\n",
  };
  const findings = await findingsOf(files, ["execution-gpu-ids-settable"]);
  expect(findings).toEqual([["execution-gpu-ids-settable", "tools/dist_test.sh", 1, "info"]]);
});

it("finds no pin in a GPU option's default that every plan step passes, or that no code reads", async () => {
  const parser = (use: string) =>
    `import argparse, os\np = argparse.ArgumentParser()\np.add_argument('--gpu_id', type=int, default=6)\nargs = p.parse_args()\n${use}\n`;
  const files = {
    "README.md":
      "# Run\n\n```\npip install -r requirements.txt\npython crop.py --gpu_id <GPU_ID>\nCUDA_VISIBLE_DEVICES=0 python fit.py\npython score.py\n```\n",
    "requirements.txt": "torch==2.1.0\n",
    // Every step passes the option: the default is never the rerun's.
    "crop.py": parser("os.environ['CUDA_VISIBLE_DEVICES'] = str(args.gpu_id)"),
    // The option is parsed but its one use is commented out: the step's own variable picks the GPU.
    "fit.py": parser("# os.environ['CUDA_VISIBLE_DEVICES'] = str(args.gpu_id)\nprint('fit')"),
    // The step leaves it out and the code reads it: the default pins GPU 6.
    "score.py": parser("os.environ['CUDA_VISIBLE_DEVICES'] = str(args.gpu_id)"),
  };
  const findings = await findingsOf(files, ["execution-gpu-ids-settable"]);
  expect(findings).toEqual([["execution-gpu-ids-settable", "score.py", 3, ON_PLAN]]);
});
