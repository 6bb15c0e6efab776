// A README step that submits a SLURM job (`sbatch job.slurm key=value`) runs the job script as a shell script:
// its `srun run.sh` and the `accelerate launch --config_file x.yaml train.py` inside run.sh are on the plan, and
// the launcher's config is one the step loads.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf } from "./plan-repo.js";

const TRAIN = "import torch\nmodel = torch.nn.Linear(2, 2)\nloss.backward()\noptimizer.step()\n";
const JOB = '#!/bin/bash\n#SBATCH --nodes=1\n#SBATCH --gpus=8\n\nsrun run.sh "$@"\n';
const RUN = "#!/bin/bash\nexport lr=${lr:-1e-4}\naccelerate launch --config_file ds.yaml \\\n  train.py --lr $lr\n";
const README =
  "# Solution\n\n## Training\n\n```\nsbatch job.slurm lr=2e-5\nsbatch --nodes 4 -p gpu job.slurm lr=1e-5\n```\n";

describe("rerun-plan: SLURM jobs", () => {
  it("follows sbatch into the job script, srun into its script, and accelerate to the program", async () => {
    const records = await planOf({ "README.md": README, "job.slurm": JOB, "run.sh": RUN, "train.py": TRAIN });
    expect(stepsOf(records).map((s) => [s[1], s[3], s[4]])).toEqual([
      [null, "job.slurm", "other"],
      [1, "run.sh", "other"],
      [2, "train.py", "train"],
      [null, "job.slurm", "other"],
      [4, "run.sh", "other"],
      [5, "train.py", "train"],
    ]);
  });

  it("reports the launcher's missing config once, and a present one not at all", async () => {
    const files = { "README.md": README, "job.slurm": JOB, "run.sh": RUN, "train.py": TRAIN };
    expect(await findingsOf(files, ["instructions-step-configs-exist"])).toEqual([
      ["instructions-step-configs-exist", "run.sh", 3, "info"],
    ]);
    expect(
      await findingsOf({ ...files, "ds.yaml": "distributed_type: DEEPSPEED\n" }, ["instructions-step-configs-exist"]),
    ).toEqual([]);
  });

  it("reports a submitted script the repository lacks as the README's missing file", async () => {
    const files = { "README.md": "# S\n\n```\nsbatch --gres=gpu:8 missing_job.slurm lr=1\n```\n", "train.py": TRAIN };
    expect(await findingsOf(files, ["instructions-references-exist"])).toEqual([
      ["instructions-references-exist", "README.md", 4, expect.any(String)],
    ]);
  });
});
