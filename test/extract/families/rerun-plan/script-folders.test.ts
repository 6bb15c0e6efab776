// A shell script that moves to its own folder (`cd "$(dirname "${BASH_SOURCE[0]}")"`, a variable holding that
// folder, `pushd`) runs the lines after it from there, wherever the README runs it from.
import { describe, expect, it } from "vitest";
import { findingsOf, gatedSeverity, planOf, stepsOf } from "./plan-repo.js";

const PARSED = "import argparse\np = argparse.ArgumentParser()\np.add_argument('--config_path')\np.parse_args()\n";
const SUB = { "sub/train.py": PARSED, "sub/configs/a.json": "{}\n" };
const RULES = ["instructions-script-calls-exist", "instructions-step-configs-exist"];
const RUN = "python train.py --config_path configs/a.json\n";

/** The plan's step under the script (cwd, program) and the findings of the rules that read its folder. */
async function ranFrom(script: string, readme = "```\nbash sub/run.sh\n```\n", code: Record<string, string> = SUB) {
  const files = { "README.md": readme, "sub/run.sh": script, ...code };
  const steps = stepsOf(await planOf(files)).filter((s) => s[1] !== null);
  return { steps: steps.map((s) => [s[2], s[3]]), findings: await findingsOf(files, RULES) };
}

describe("a shell script's own folder", () => {
  it('follows `cd "$(dirname "${BASH_SOURCE[0]}")"`', async () => {
    expect(await ranFrom(`#!/bin/bash\ncd "$(dirname "\${BASH_SOURCE[0]}")"\n${RUN}`)).toEqual({
      steps: [["sub", "sub/train.py"]],
      findings: [],
    });
  });

  it("follows a variable set to the folder by `cd ...; pwd -P`, then `cd` to it", async () => {
    const script = `parent_path=$( cd "$(dirname "\${BASH_SOURCE[0]}")" ; pwd -P )\ncd "$parent_path"\n${RUN}`;
    expect(await ranFrom(script)).toEqual({ steps: [["sub", "sub/train.py"]], findings: [] });
  });

  it("follows `pushd $SCRIPT_DIR` after `SCRIPT_DIR=$(dirname ...)`, and `popd` back", async () => {
    const script = `SCRIPT_DIR=$(dirname "$0")\npushd $SCRIPT_DIR > /dev/null\n${RUN}popd\npython top.py\n`;
    expect(await ranFrom(script, undefined, { ...SUB, "top.py": "print(1)\n" })).toEqual({
      steps: [
        ["sub", "sub/train.py"],
        [".", "top.py"],
      ],
      findings: [],
    });
  });

  it('follows `cd "$(dirname "$0")/.."` to the folder above the script\'s', async () => {
    const script = `cd "$(dirname "$0")/.."\npython train.py --config_path configs/a.json\n`;
    const code = { "train.py": PARSED, "configs/a.json": "{}\n" };
    expect(await ranFrom(script, "```\ncd sub\nbash run.sh\n```\n", code)).toEqual({
      steps: [[".", "train.py"]],
      findings: [],
    });
  });

  it("still says so where the script's folder does not hold what it calls", async () => {
    const script = `cd "$(dirname "\${BASH_SOURCE[0]}")"\npython train_v2.py\n`;
    expect((await ranFrom(script)).findings).toEqual([
      ["instructions-script-calls-exist", "sub/run.sh", 2, gatedSeverity("instructions-script-calls-exist")],
    ]);
  });
});
