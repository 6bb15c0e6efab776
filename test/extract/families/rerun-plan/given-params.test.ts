// A glob in `if paths is None:` of a function every caller hands paths is off the rerun path: the data finding
// about it is graded off the plan, and says which caller gives the paths.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf } from "./plan-repo.js";

const GATHER =
  "import glob\nimport pandas as pd\n\ndef gather(root, paths=None):\n    if paths is None:\n" +
  "        paths = glob.glob(root + '/*/oof.csv')\n    return [pd.read_csv(p) for p in paths]\n";
const repo = (call: string) => ({
  "README.md": "# Solution\n\n```\npython blend.py\n```\n",
  "parts.py": GATHER,
  "blend.py": `from parts import gather\nimport pandas as pd\nframes = ${call}\npd.concat(frames).to_csv('submission.csv')\n`,
  "out/a/sub.csv": "a\n1\n",
});

describe("rerun-plan: a None default every caller gives", () => {
  it("rules out the branch, naming the caller", async () => {
    const records = await familyOf(repo("gather('out', paths=['out/a/sub.csv'])"), "rerun-plan");
    const reach = records.find((r) => r.kind === "reach" && r.file === "parts.py");
    expect([reach?.ruledOut, reach?.ruledOutWhy]).toEqual([
      "6-6",
      "gather() runs it only when paths is not given, and every caller gives it (blend.py:3)",
    ]);
    expect(await findingsOf(repo("gather('out', paths=['out/a/sub.csv'])"), ["datasets-data-available"])).toEqual([
      ["datasets-data-available", "parts.py", 6, "info"],
    ]);
  });

  it("keeps the branch on the path where the caller leaves paths out", async () => {
    const records = await familyOf(repo("gather('out')"), "rerun-plan");
    const reach = records.find((r) => r.kind === "reach" && r.file === "parts.py");
    expect(reach).toBeDefined();
    expect(reach?.ruledOut).toBeUndefined();
  });
});
