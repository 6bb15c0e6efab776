// `python -m <module>` of an installed module (a launcher, pip, a server) is no call to a missing repo file;
// the script the launcher starts is.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf, gatedSeverity, planOf, stepsOf } from "./plan-repo.js";

const RULES = ["instructions-script-calls-exist", "instructions-references-exist"];
/** The severity a conclusive finding on the plan gets once the first-look gate has judged the rule. */
const CALLS = gatedSeverity("instructions-script-calls-exist");

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

  it("takes a module of a package the repo's requirements or install lines name as installed, not as a repo file", async () => {
    const files = {
      "README.md": "```\nbash server_a/setup.sh\nbash server_a/serve.sh\nbash server_b/serve.sh\n```\n",
      "server_a/setup.sh": "uv venv -p python3.12\nuv pip install -U \\\n  servekit --pre\n",
      "server_a/serve.sh": "python -m servekit.entrypoints.api_server --model m --port 8000\n",
      "server_b/requirements.txt": "otherserve @ git+https://example.org/otherserve.git@abc123\n",
      "server_b/serve.sh": "python -m otherserve.api --port 8001\npython -m absentkit.run\n",
    };
    // A module of a package nothing installs is still a missing file of the repo.
    expect(await findingsOf(files, RULES)).toEqual([
      ["instructions-script-calls-exist", "server_b/serve.sh", 2, CALLS],
    ]);
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
      ["instructions-script-calls-exist", "train.sh", 1, CALLS],
      ["instructions-script-calls-exist", "train.sh", 2, CALLS],
    ]);
    const calls = (await familyOf(files, "readme")).filter((r) => r.kind === "call");
    expect(calls.map((c) => [c.line, c.name])).toEqual([
      [1, "train_v2.py"],
      [2, "-m src.predict"],
    ]);
  });
});
