// A `cd` the reader runs holds for the commands after it: a bare `cd src` line outside any block moves the plain
// command lines below it, and in a sub-folder README a `cd code` block holds for the next block, even after a
// `cd ..` that left the README's folder. Neither is a script "not at the path the README runs it from".
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const FIT = "import torch\nmodel = torch.nn.Linear(1, 1)\nopt = torch.optim.Adam(model.parameters())\nopt.step()\n";
const RULES = ["instructions-scripts-located", "instructions-references-exist"];

describe("readme: a cd carried to the commands after it", () => {
  const bare = (move: string) => ({
    "README.md": `# Solution\n\n## Train\n\n${move}\n\npython fit_lm.py --epochs 3\n\npython fit.py --lr 0.1\n`,
    "src/fit_lm.py": FIT,
    "src/fit.py": FIT,
  });

  it("runs plain command lines after a bare `cd src` line in src", async () => {
    expect(await findingsOf(bare("cd src"), RULES)).toEqual([]);
    expect(stepsOf(await planOf(bare("cd src")))).toEqual([
      [1, null, "src", "src/fit_lm.py", "train", 1],
      [2, null, "src", "src/fit.py", "train", 1],
    ]);
  });

  it("still says the scripts lie elsewhere where no cd is given", async () => {
    expect((await findingsOf(bare("Then:"), RULES)).map((f) => [f[0], f[2]])).toEqual([
      ["instructions-scripts-located", 7],
      ["instructions-scripts-located", 9],
    ]);
  });

  const member = (second: string) => ({
    "README.md": "# Team\n\nSee [the member's part](member/README.md).\n",
    "member/README.md":
      "# Member\n\n```\ncd ..\n./member/fetch.sh\n```\n\n```\n" +
      second +
      "\n```\n\n## Train\n\n```\npython fit.py --config configs/a.json\n```\n",
    "member/fetch.sh": "echo fetched\n",
    "member/code/fit.py": FIT,
    "member/code/configs/a.json": "{}\n",
    "other/fit.py": FIT,
  });

  it("carries a sub-README's `cd code` block to the next block, after a `cd ..` that left its folder", async () => {
    expect(await findingsOf(member("cd code"), RULES)).toEqual([]);
  });

  it("still says so where the README moves to no folder that holds the script", async () => {
    expect((await findingsOf(member("cd configs"), RULES)).map((f) => [f[0], f[1]])).toEqual([
      ["instructions-scripts-located", "member/README.md"],
    ]);
  });
});
