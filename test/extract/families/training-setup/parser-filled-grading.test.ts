// A dataclass default the file's parser always fills never reaches the run: no GPU pin, no machine path.
import { expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

it("reports neither the GPU nor the path of dataclass defaults that Config(**vars(args)) replaces", async () => {
  const train = [
    "import argparse",
    "from dataclasses import dataclass",
    "",
    "@dataclass",
    "class Config:",
    '    data: str = "/ssd3/user/x.csv"',
    '    device: str = "cuda:2"',
    '    log_dir: str = "/ssd3/user/logs"',
    "",
    "def parse_args():",
    "    p = argparse.ArgumentParser()",
    "    p.add_argument('--data', type=str, default='input/x.csv')",
    "    p.add_argument('--device', type=str, default='cuda:0')",
    "    return Config(**vars(p.parse_args()))",
    "",
    "cfg = parse_args()",
    "print(cfg.data, cfg.device, cfg.log_dir)",
  ].join("\n");
  const findings = await findingsOf(
    {
      "README.md": "# Train\n\n```\npip install -r requirements.txt\npython train.py\n```\n",
      "requirements.txt": "torch==2.1.0\n",
      "train.py": train,
    },
    ["execution-gpu-ids-settable", "paths-portable"],
  );
  // log_dir has no option: its default is live.
  expect(findings).toEqual([["paths-portable", "train.py", 8, expect.any(String)]]);
});
