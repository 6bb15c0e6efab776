// Hosted trackers graded by the rerun plan and by the offline switches a repo documents.
import { expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const README = "# Train\n\n```\npip install -r requirements.txt\npython train.py\n```\n";

it("warns of a tracker every planned run must log in to, and notes one in code no step runs", async () => {
  const findings = await findingsOf(
    {
      "README.md": README,
      "requirements.txt": "wandb==0.12.0\n",
      "train.py": "import wandb\nwandb.init(project='x')\n",
      "old/sweep.py": "import neptune\nrun = neptune.init_run(project='me/x')\n",
    },
    ["execution-trackers-optional"],
  );
  expect(findings).toEqual([
    ["execution-trackers-optional", "train.py", 2, "warning"],
    ["execution-trackers-optional", "old/sweep.py", 2, "info"],
  ]);
});

it("passes a tracker the README says how to run offline, or one behind a flag", async () => {
  const findings = await findingsOf(
    {
      "README.md": README + "\nNo wandb account? Run `export WANDB_MODE=offline` first.\n",
      "requirements.txt": "wandb==0.12.0\n",
      "train.py": "import wandb\nwandb.init(project='x')\n",
    },
    ["execution-trackers-optional"],
  );
  expect(findings).toEqual([]);
  const flagged = await findingsOf(
    {
      "README.md": README,
      "requirements.txt": "wandb==0.12.0\n",
      "train.py": "import wandb, sys\nif '--wandb' in sys.argv:\n    wandb.init(project='x')\n",
    },
    ["execution-trackers-optional"],
  );
  expect(flagged).toEqual([]);
});

it("warns of a tracker online by default that only a --debug flag turns off, on the planned training", async () => {
  const findings = await findingsOf(
    {
      "README.md": README,
      "requirements.txt": "wandb==0.12.0\n",
      "train.py": [
        "import argparse, wandb",
        "p = argparse.ArgumentParser()",
        "p.add_argument('--debug', action='store_true')",
        "args = p.parse_args()",
        "mode = 'disabled' if args.debug else None",
        "wandb.init(project='x', mode=mode)",
        "",
      ].join("\n"),
    },
    ["execution-trackers-optional"],
  );
  expect(findings).toEqual([["execution-trackers-optional", "train.py", 6, "warning"]]);
});
