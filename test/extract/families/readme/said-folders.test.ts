// A bare script after prose that says which folder the scripts are in ("In the tools folder we provide ...",
// "the scripts are under `tools/`") runs from that folder.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf, gatedSeverity } from "../rerun-plan/plan-repo.js";

/** The severity the gate lets instructions-scripts-located act at (the rounds move it). */
const LOCATED = gatedSeverity("instructions-scripts-located");

const CODE = { "tools/train_pku.py": "print(1)\n", "tools/test_pku.py": "print(2)\n", "setup.py": "" };
const RULES = ["instructions-scripts-located"];

describe("readme: the folder the prose says the scripts are in", () => {
  it.each([
    "In the tools folder we provide the scripts to train and test.",
    "The scripts are under `tools/`.",
    "All scripts live in the tools directory.",
  ])("runs a bare script after %j from that folder", async (said) => {
    const files = {
      ...CODE,
      "README.md": `# PKU\n\n## Usage\n\n${said}\n\n## Train\n\n\`\`\`\npython train_pku.py\n\`\`\`\n\n## Test\n\n\`\`\`\npython test_pku.py\n\`\`\`\n`,
    };
    expect(stepsOf(await planOf(files)).map((s) => [s[2], s[3]])).toEqual([
      ["tools", "tools/train_pku.py"],
      ["tools", "tools/test_pku.py"],
    ]);
    expect(await findingsOf(files, RULES)).toEqual([]);
  });

  it("still says so where no sentence names the folder", async () => {
    const files = { ...CODE, "README.md": "# PKU\n\n## Test\n\n```\npython test_pku.py\n```\n" };
    expect(await findingsOf(files, RULES)).toEqual([["instructions-scripts-located", "README.md", 6, LOCATED]]);
  });
});
