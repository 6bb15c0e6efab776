// The audited repo is untrusted: scripts that run themselves, loops that multiply past any real training
// and overlong lines end in bounded steps and time.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "./plan-repo.js";

describe("rerun-plan against a hostile repo", () => {
  it("follows a script that runs itself once, and caps a loop product at 100,000", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```\nbash a.sh\n```\n",
      "a.sh":
        "bash a.sh\nfor i in $(seq 1 1000); do\nfor j in $(seq 1 1000); do\nfor k in $(seq 1 1000); do\npython train.py\ndone\ndone\ndone\n",
      "train.py": "print(1)\n",
    });
    expect(stepsOf(records)).toEqual([
      [1, null, ".", "a.sh", "other", 1],
      [2, 1, ".", "a.sh", "other", 1],
      [3, 1, ".", "train.py", "train", 100_000],
    ]);
  });

  it("reads a 400 KB loop line and a 400 KB Makefile line in linear time", async () => {
    // A long run of spaces inside the loop list: the loop pattern, tried on it, would take minutes.
    const long = `for x in a${" ".repeat(400_000)}b; do python train.py; don`;
    const started = Date.now();
    const records = await planOf({
      "README.md": "# Run\n\n```\nbash a.sh\nmake\n```\n",
      "a.sh": `${long}\n`,
      Makefile: `${"x ".repeat(200_000)}\nall:\n\tpython train.py\n`,
      "train.py": "print(1)\n",
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    // The overlong line is run as written: its python segment is still a step.
    expect(stepsOf(records).map((s) => s[3])).toEqual(["a.sh", "train.py", "Makefile", "train.py"]);
  });
});
