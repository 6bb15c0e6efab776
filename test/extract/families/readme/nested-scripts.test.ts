// A README's wrapper script that calls other scripts (`./train_folds.sh`, `bash sub/x.sh`, `. ./run.sh`):
// the training they run is documented, the calls are steps, and a call that does not resolve from the
// folder the README runs the wrapper in is a missing script call.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["instructions-script-calls-exist", "instructions-train-documented", "instructions-predict-documented"];
const CODE = {
  "scripts/run_all.sh": "./run_5fold.sh\nbash sub/final.sh\n",
  "scripts/run_5fold.sh": "for f in 0 1; do\n  accelerate launch ../src/train.py --fold=$f\ndone\n",
  "scripts/sub/final.sh": "torchrun ../src/infer.py --out submission.csv\n",
  "src/train.py": "print('fit')\n",
  "src/infer.py": "print('predict')\n",
};

describe("readme: nested shell scripts", () => {
  it("counts the training and prediction of the scripts a wrapper calls, run from the folder the README moves to", async () => {
    const files = { ...CODE, "README.md": "# Solution\n\n## Run\n\n```\ncd scripts\n./run_all.sh\n```\n" };
    expect(await findingsOf(files, RULES)).toEqual([]);
    const steps = stepsOf(await planOf(files)).map((s) => [s[2], s[3]]);
    expect(steps).toEqual(
      expect.arrayContaining([
        ["scripts", "scripts/run_5fold.sh"],
        ["scripts", "src/train.py"],
      ]),
    );
  });

  it("says a call relative to the working folder is missing where the README runs the wrapper from the root", async () => {
    const files = { ...CODE, "README.md": "# Solution\n\n## Run\n\n```\n./scripts/run_all.sh\n```\n" };
    // One finding: both calls find their scripts only under scripts/, one cause.
    expect(await findingsOf(files, RULES)).toEqual([
      ["instructions-script-calls-exist", "scripts/run_all.sh", 1, expect.any(String)],
    ]);
    const calls = (await familyOf(files, "readme")).filter((r) => r.kind === "call");
    expect(calls.map((c) => [c.file, c.line, c.name, c.foundUnder])).toEqual([
      ["scripts/run_all.sh", 1, "run_5fold.sh", "scripts"],
      ["scripts/run_all.sh", 2, "sub/final.sh", "scripts"],
    ]);
  });

  it.each([". ./bin/run.sh", "source bin/run.sh"])("reads a dot-sourced script as run: %s", async (line) => {
    const files = {
      "bin/run.sh": "python train.py --epochs 3\n",
      "train.py": "print('fit')\n",
      "README.md": `# Solution\n\n\`\`\`\n${line}\n\`\`\`\n`,
    };
    expect(await findingsOf(files, ["instructions-train-documented", "instructions-references-exist"])).toEqual([]);
    expect(stepsOf(await planOf(files)).map((s) => s[3])).toEqual(expect.arrayContaining(["bin/run.sh", "train.py"]));
  });

  it("says a dot-sourced script the repo lacks is missing, from a README or from a script", async () => {
    const files = {
      "train.sh": ". ./bin/setup_and_fit.sh\n",
      "README.md": "# Solution\n\n```\n. ./bin/prepare_all.sh\nbash train.sh\n```\n",
    };
    const found = await findingsOf(files, ["instructions-references-exist", "instructions-script-calls-exist"]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["instructions-references-exist", "README.md", 4, expect.any(String)],
        ["instructions-script-calls-exist", "train.sh", 1, expect.any(String)],
      ]),
    );
  });
});
