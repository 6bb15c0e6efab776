// A README step written as a glob (`./run_1_*.sh`, `bash jobs/train_*.sh`, a loop over one) runs each committed
// script it matches, in the order the shell expands them.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "./plan-repo.js";

describe("globbed script steps", () => {
  it("expands a README's `./run_1_*.sh` and `bash jobs/train_*.sh` to the committed scripts, in the shell's order", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```sh\n./run_1_*.sh\nbash jobs/train_*.sh\n```\n",
      "run_1_b.sh": "python b.py\n",
      "run_1_a.sh": "python a.py\n",
      "run_2_x.sh": "python x.py\n",
      "jobs/train_10.sh": "echo 10\n",
      "jobs/train_2.sh": "echo 2\n",
      "a.py": "print(1)\n",
      "b.py": "print(1)\n",
      "x.py": "print(1)\n",
    });
    expect(stepsOf(records).map((s) => s[3])).toEqual([
      "run_1_a.sh",
      "a.py",
      "run_1_b.sh",
      "b.py",
      "jobs/train_10.sh",
      "jobs/train_2.sh",
    ]);
  });

  it("expands a README loop over a glob (`for f in run_*.sh; do bash $f; done`)", async () => {
    const records = await planOf({
      "README.md": "# Run\n\n```sh\nfor f in stages/run_*.sh; do bash $f; done\n```\n",
      "stages/run_b.sh": "echo b\n",
      "stages/run_a.sh": "echo a\n",
    });
    expect(stepsOf(records).map((s) => s[3])).toEqual(["stages/run_a.sh", "stages/run_b.sh"]);
  });
});
