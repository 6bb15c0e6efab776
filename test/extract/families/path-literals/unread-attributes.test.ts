// A leftover config class's path that nothing the rerun calls reads is off the rerun.
import { describe, expect, it } from "vitest";
import { unreadAttribute } from "../../../../src/extract/families/path-literals/unread-attributes.js";

const GPR =
  "import os\n\nclass CFG:\n    out = '/home/u/exp'\n    folds = '/home/u/folds.csv'\n    seed = 42\n\n" +
  "    @staticmethod\n    def next_id():\n        return len(os.listdir(CFG.out))\n\n" +
  "def main():\n    print(CFG.seed)\n";

describe("unreadAttribute", () => {
  it("names an attribute read by no code outside its class, or only by a method nothing calls", () => {
    const texts = new Map([["gpr.py", GPR]]);
    expect(unreadAttribute("gpr.py", 4, "out", texts)).toBe("CFG.out");
    expect(unreadAttribute("gpr.py", 5, "folds", texts)).toBe("CFG.folds");
  });

  it("keeps an attribute that other code reads, or that a called method reads", () => {
    expect(unreadAttribute("gpr.py", 4, "out", new Map([["gpr.py", GPR + "main()\nCFG.next_id()\n"]]))).toBeNull();
    expect(
      unreadAttribute(
        "gpr.py",
        5,
        "folds",
        new Map([
          ["gpr.py", GPR],
          ["train.py", "from gpr import CFG\nf = CFG.folds\n"],
        ]),
      ),
    ).toBeNull();
    expect(unreadAttribute("gpr.py", 1, "os", new Map([["gpr.py", GPR]]))).toBeNull();
  });
});
