// A nested copy of another project's README comes after the solution's own READMEs in the rerun plan.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "./plan-repo.js";

describe("rerun-plan: a vendored tool's README", () => {
  it("takes the solution folder's README steps before a deeper vendored tool's", async () => {
    const records = await planOf({
      "gan/TFHub/README.md":
        "# Converter\n\nCode is based on BigGAN-PyTorch.\n\n```\npython converter.py -r 128\n```\n",
      "gan/TFHub/converter.py": "print(1)\n",
      "seg/readme.txt": "1. python train.py --fold 0\n2. python test.py --dataset test\n",
      "seg/train.py": "print(1)\n",
      "seg/test.py": "print(1)\n",
    });
    expect(stepsOf(records)[0]?.[3]).toBe("seg/train.py");
  });
});
