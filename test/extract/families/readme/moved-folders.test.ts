// A README that sends the reader into a folder ("move to `sub` directory and run: `./sub/go.sh`") runs the
// script's lines from that folder; prose that only names a folder ("the parameters are in the `cfg`
// directory") moves no one.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["instructions-script-calls-exist", "instructions-step-configs-exist", "instructions-scripts-located"];
const SUB = {
  "sub/go.sh": "python main.py -C cfg/a.yaml\npython main.py -C cfg/b.yaml\n",
  "sub/main.py":
    "import argparse\np = argparse.ArgumentParser()\np.add_argument('-C')\na = p.parse_args()\nopen(a.C).read()\n",
  "sub/cfg/a.yaml": "epochs: 1\n",
  "sub/cfg/b.yaml": "epochs: 2\n",
};

describe("readme: the folder the reader is sent to", () => {
  it.each([
    "Move to `sub` directory and run: `./sub/go.sh`",
    "Go to folder sub and run `./go.sh`",
    "## Train\n\n1. `cd sub`\n2. `./sub/go.sh`",
    // A later folder in the same sentence (where the script writes) is not where the reader goes.
    "* To retrain, move to `sub` directory and run: `./go.sh` this rewrites the models in `./sub/cfg` directory.",
  ])("runs the script's calls from the folder the prose moves to: %j", async (said) => {
    const files = { ...SUB, "README.md": `# Solution\n\n${said}\n` };
    expect(await findingsOf(files, [...RULES, "instructions-references-exist"])).toEqual([]);
    expect(stepsOf(await planOf(files)).some((s) => s[2] === "sub" && s[3] === "sub/main.py")).toBe(true);
  });

  it.each(["code/cfgdir/a.yaml", "cfgdir/a.yaml"])(
    "reads a sentence that only names a folder as no move (%s)",
    async (config) => {
      const files = {
        "code/main.py": "print('fit')\n",
        [config]: "epochs: 1\n",
        "README.md":
          "# Solution\n\nTo train, run from the `code` folder:\n\n- you can check the exact parameters in the `cfgdir` directory\n- you can also train by running `python main.py`\n",
      };
      expect(await findingsOf(files, ["instructions-script-calls-exist", "instructions-scripts-located"])).toEqual([]);
      expect(stepsOf(await planOf(files)).map((s) => [s[2], s[3]])).toEqual([["code", "code/main.py"]]);
    },
  );
});
