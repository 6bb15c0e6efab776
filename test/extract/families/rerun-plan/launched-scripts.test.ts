// A driver that launches the real training as a subprocess (`subprocess.run([...], cwd=d)`, `os.system(f"cd {d}
// && python train.py")`, `os.chdir(d)` then `os.system(...)`) runs that script as a step of its own, in that folder.
import { describe, expect, it } from "vitest";
import { launchedCommands } from "../../../../src/extract/families/rerun-plan/launches.js";
import { planOf, reachOf, stepsOf } from "./plan-repo.js";

const TRAIN = "import torch\nfrom model import Net\nnet = Net()\nloss.backward()\noptimizer.step()\n";
const README = "# S\n\n```\npython run_all.py\n```\n";

/** The driver's child steps as [cwd, program, purpose]. */
async function launched(driver: string, code: Record<string, string>) {
  const records = await planOf({ "README.md": README, "run_all.py": driver, ...code });
  return {
    steps: stepsOf(records)
      .filter((s) => s[1] === 1)
      .map((s) => [s[2], s[3], s[4]]),
    reach: reachOf(records).map((r) => r[0]),
  };
}

describe("rerun-plan: scripts a Python driver launches", () => {
  it("runs a list-form subprocess in the folder its `cwd=` names", async () => {
    const driver = 'import subprocess, sys\nsubprocess.run([sys.executable, "train.py", "--epochs", "3"], cwd="src")\n';
    expect(await launched(driver, { "src/train.py": TRAIN, "src/model.py": "class Net: pass\n" })).toEqual({
      steps: [["src", "src/train.py", "train"]],
      reach: ["run_all.py", "src/train.py", "src/model.py"],
    });
  });

  it("runs `cd {d} && python train.py` and `os.chdir(d)` then a shell string in the one folder holding the script", async () => {
    const code = { "code/exp/train_model.py": TRAIN, "code/exp/model.py": "class Net: pass\n" };
    for (const driver of [
      'import os\nfor d in dirs:\n    os.system(f"cd {d} && python train_model.py --fold {k}")\n',
      'import os, subprocess\nfor d in dirs:\n    os.chdir(d)\n    subprocess.run("python3 train_model.py --fold 0", shell=True)\n',
      'import os\ncmd = "python train_model.py"\nos.chdir(exp_dir)\nos.system(cmd)\n',
    ])
      expect(await launched(driver, code), driver).toEqual({
        steps: [["code/exp", "code/exp/train_model.py", "train"]],
        reach: ["run_all.py", "code/exp/train_model.py", "code/exp/model.py"],
      });
  });

  it("costs the launched training, not the driver that hands it on", async () => {
    const records = await planOf({
      "README.md": "# S\n\n## Training\n\n```\npython run_all.py\n```\n",
      "run_all.py": 'import subprocess\nsubprocess.run(["python", "train.py"], cwd="src")\n',
      "src/train.py": TRAIN,
      "src/model.py": "class Net: pass\n",
    });
    expect(stepsOf(records).map((s) => [s[3], s[4]])).toEqual([
      ["run_all.py", "other"],
      ["src/train.py", "train"],
    ]);
  });

  it("launches nothing of the repo for an outside tool, or a name several folders hold", async () => {
    const driver = 'import os\nos.system("nvidia-smi")\nos.chdir(d)\nos.system("python train.py")\n';
    expect(await launched(driver, { "a/train.py": TRAIN, "b/train.py": TRAIN })).toEqual({
      steps: [],
      reach: ["run_all.py"],
    });
  });
});

describe("rerun-plan: launchers that spell the command in f-strings", () => {
  it("names the program by a module-level constant, one step for launches that differ in arguments only", async () => {
    const driver =
      "import os\ncode = 'train'\nfold = 0\nos.system(f'python {code}.py --fold {fold}')\nfold = 1\n" +
      "os.system(f'python {code}.py --fold {fold}')\n";
    const records = await planOf({ "README.md": README, "run_all.py": driver, "train.py": TRAIN });
    expect(stepsOf(records).map((s) => [s[3], s[4]])).toEqual([
      ["run_all.py", "other"],
      ["train.py", "train"],
    ]);
  });

  it("follows a `\\`-continued f-string in a loop (a step per value), and a shell script after chdirs before the call", async () => {
    const driver =
      "import os\n\ndef predict():\n    for name in ['a', 'b']:\n" +
      "        cmd = f'python \"./code/x/predict.py\" ' \\\n              f'--out=\"{out}/{name}.csv\"'\n" +
      "        os.system(cmd)\n\ndef other():\n    os.system('/bin/bash run.sh')\n\n" +
      "if __name__ == '__main__':\n    predict()\n    os.chdir('code/u')\n    other()\n    os.chdir('../../')\n" +
      "    os.system('python blend.py')\n";
    const records = await planOf({
      "README.md": README,
      "run_all.py": driver,
      "code/x/predict.py": "import torch\n",
      "code/u/run.sh": "python3 fit.py --k 1\n",
      "code/u/fit.py": TRAIN,
      "blend.py": "import pandas\n",
    });
    expect(stepsOf(records).map((s) => [s[2], s[3]])).toEqual([
      [".", "run_all.py"],
      [".", "code/x/predict.py"],
      [".", "code/x/predict.py"],
      ["code/u", "code/u/run.sh"],
      ["code/u", "code/u/fit.py"],
      [".", "blend.py"],
    ]);
  });
});

describe("launchedCommands", () => {
  it("spells out a loop over string literals and constants, and composes chdirs", () => {
    const text =
      "import os\nroot = 'src'\nfor m in ['a', 'b']:\n    os.system(f'python {root}/{m}.py')\n" +
      "os.chdir('x/y')\nos.chdir('..')\nos.system('python c.py')\n";
    expect(launchedCommands(text)).toEqual([
      { line: 4, command: "python src/a.py" },
      { line: 4, command: "python src/b.py" },
      { line: 7, command: "python c.py", folder: "x" },
    ]);
  });

  it("reads each launch's command and folder", () => {
    const text =
      'import os, subprocess\nsubprocess.check_call(["bash", "x.sh", str(k)])\nos.system("python a.py " + name)\n' +
      'subprocess.Popen(f"python b.py --out {d}", shell=True, cwd=work)\nos.chdir("sub")\nos.system(\'python c.py\')\n';
    expect(launchedCommands(text)).toEqual([
      { line: 2, command: "bash x.sh *" },
      { line: 3, command: "python a.py *" },
      { line: 4, command: "python b.py --out *", folder: null },
      { line: 6, command: "python c.py", folder: "sub" },
    ]);
  });
});
