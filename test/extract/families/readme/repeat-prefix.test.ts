// A README line with a repeat prefix (`5x python train.py --config cfg_1`) is a step run that many times.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const CODE = { "train.py": "print('fit')\n", "cfg_1.yaml": "epochs: 1\n" };

describe("readme: a repeat prefix", () => {
  it.each([
    ["a code block", "```\n5x python train.py --config cfg_1.yaml\n```"],
    ["a prose line", "- 5x python train.py --config cfg_1.yaml"],
    ["a multiplication sign", "```\n5 × python train.py --config cfg_1.yaml\n```"],
  ])("runs the step of %s five times", async (_, said) => {
    const steps = stepsOf(await planOf({ ...CODE, "README.md": `# Solution\n\n## Train\n\n${said}\n` }));
    expect(steps.map((s) => [s[3], s[4], s[5]])).toEqual([["train.py", "train", 5]]);
  });

  it("reads a line without one as run once", async () => {
    const steps = stepsOf(
      await planOf({ ...CODE, "README.md": "# Solution\n\n```\npython train.py --config cfg_1.yaml\n```\n" }),
    );
    expect(steps.map((s) => [s[3], s[5]])).toEqual([["train.py", 1]]);
  });
});
