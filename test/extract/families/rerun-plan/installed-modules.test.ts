// `python -m <module>` of an installed module (a launcher, pip, a server) is no call to a missing repo file;
// the script the launcher starts is.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf, planOf, stepsOf } from "./plan-repo.js";

const RULES = ["instructions-script-calls-exist", "instructions-references-exist"];

describe("python -m of an installed module", () => {
  it("checks the script a launcher module starts, not the module", async () => {
    const files = {
      "README.md": "```\nbash train.sh\n```\n",
      "train.sh":
        "python -m pip install -r requirements.txt\n" +
        "python -m torch.distributed.launch --nproc_per_node=4 train.py --fold 0\n" +
        "python -m torch.distributed.run --nproc_per_node 2 train.py --fold 1\n" +
        "python -m uvicorn serve:app\n",
      "requirements.txt": "torch\n",
      "train.py": "print(1)\n",
      "serve.py": "app = None\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
    expect(stepsOf(await planOf(files)).map((s) => s[3])).toEqual(["train.sh", null, "train.py", "train.py", null]);
  });

  it("still names the script a launcher starts where the repo lacks it, and a module of the repo's own that is not there", async () => {
    const files = {
      "README.md": "```\nbash train.sh\n```\n",
      "train.sh": "python -m torch.distributed.launch --nproc_per_node=4 train_v2.py\npython -m src.predict\n",
      "train.py": "print(1)\n",
      "src/__init__.py": "",
      "src/infer.py": "print(1)\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([
      ["instructions-script-calls-exist", "train.sh", 1, "warning"],
      ["instructions-script-calls-exist", "train.sh", 2, "warning"],
    ]);
    const calls = (await familyOf(files, "readme")).filter((r) => r.kind === "call");
    expect(calls.map((c) => [c.line, c.name])).toEqual([
      [1, "train_v2.py"],
      [2, "-m src.predict"],
    ]);
  });
});
