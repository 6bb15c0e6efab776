// A bare config name the program joins onto a folder built from its other arguments
// (`os.path.join(args.exp_dir, args.exp, "config", args.cfg)`) is looked up there, not in the working folder.
import { describe, expect, it } from "vitest";
import { joinedOntoFolder } from "../../../../src/extract/families/rerun-plan/missing-configs.js";
import { findingsOf } from "./plan-repo.js";

const PARSER =
  "import argparse, os\nimport yaml\np = argparse.ArgumentParser()\np.add_argument('--exp_dir')\np.add_argument('--exp')\np.add_argument('--cfg')\nargs = p.parse_args()\n";
const README = "# S\n\n```\npython predict.py --exp_dir outputs --exp exp1 --cfg exp1.yaml\n```\n";
const RULES = ["instructions-step-configs-exist"];

describe("a config name joined onto another folder", () => {
  it.each([
    "path = os.path.join(args.exp_dir, args.exp, 'fold_0', 'config', args.cfg)\n",
    "path = f'{args.exp_dir}/{args.exp}/config/{args.cfg}'\n",
    "from pathlib import Path\npath = Path(args.exp_dir) / args.exp / args.cfg\n",
  ])("is no missing config where the program does %j", async (join) => {
    const files = { "README.md": README, "predict.py": `${PARSER}${join}cfg = yaml.safe_load(open(path))\n` };
    expect(await findingsOf(files, RULES)).toEqual([]);
  });

  it("is still missing where the program opens the name as given", async () => {
    const files = { "README.md": README, "predict.py": `${PARSER}cfg = yaml.safe_load(open(args.cfg))\n` };
    expect(await findingsOf(files, RULES)).toEqual([["instructions-step-configs-exist", "README.md", 4, "info"]]);
  });

  it("reads lines of a bounded length only", () => {
    expect(joinedOntoFolder("p = os.path.join(d, args.cfg)\n", "--cfg")).toBe(true);
    expect(joinedOntoFolder(`p = os.path.join(d,${" a,".repeat(400)} args.cfg)\n`, "--cfg")).toBe(false);
  });
});
