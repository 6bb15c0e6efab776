// The lines of a module that run only when it is run itself: its __main__ block and what only that block calls.
import { describe, expect, it } from "vitest";
import { mainOnlySpans, uncalledSpans } from "../../../../src/extract/families/rerun-plan/main-only.js";

const nobody = () => false;

describe("main-only spans", () => {
  it("takes the guard's block and a self-test only it calls (and what only that calls), not what runs on import", () => {
    const text = [
      "import torch", // 1
      "def build():", // 2
      "    return 1", // 3
      "def check(n):", // 4
      "    return n if n < 1 else check(n - 1)", // 5
      "def test():", // 6
      "    check(build())", // 7
      "NET = build()", // 8
      'if "__main__" == __name__:', // 9
      "    test()", // 10
    ].join("\n");
    expect(mainOnlySpans(text, nobody)).toEqual([
      [4, 5],
      [6, 7],
      [9, 10],
    ]);
  });

  it("keeps a function another file calls by name, and the else of the guard, which runs on import", () => {
    const text = [
      "def demo():",
      "    pass",
      "if __name__ == '__main__':",
      "    demo()",
      "else:",
      "    demo()",
      "",
    ].join("\n");
    expect(mainOnlySpans(text, nobody)).toEqual([[3, 4]]);
    const only = ["def demo():", "    pass", "if __name__ == '__main__':", "    demo()", ""].join("\n");
    expect(mainOnlySpans(only, (name) => name === "demo")).toEqual([[3, 4]]);
    expect(mainOnlySpans(only, nobody)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("takes nothing from a file without a guard or one that does not lex", () => {
    expect(mainOnlySpans("def test():\n    pass\ntest()\n", nobody)).toEqual([]);
    expect(mainOnlySpans("if __name__ == '__main__':\n    x = '''\n", nobody)).toEqual([]);
  });
});

describe("uncalled spans", () => {
  it("takes a function whose only call is commented out, and what only it calls; not a decorated or called one", () => {
    const text = [
      "import cv2", // 1
      "def load_volume(p):", // 2
      "    return cv2.imread(p)", // 3
      "def get_indices(p):", // 4
      "    return load_volume(p)", // 5
      "# idxs = get_indices(root)", // 6
      "@register", // 7
      "def hook():", // 8
      "    pass", // 9
      "def used():", // 10
      "    return 1", // 11
      "X = used()", // 12
      "def shared():", // 13
      "    return 2", // 14
    ].join("\n");
    expect(uncalledSpans(text, (name) => name === "shared")).toEqual([
      [2, 3],
      [4, 6],
    ]);
    expect(uncalledSpans(text.replace("# idxs", "idxs"), nobody)).toEqual([[13, 14]]);
  });

  it("takes a class used only in a commented-out line, not a decorated one or one a name lookup may build", () => {
    const text = [
      "import numpy as np", // 1
      "class BackupMaker:", // 2
      "    def run(self):", // 3
      "        return np.load('/home/u/backup.npy')", // 4
      "def generate_backup():", // 5
      "    BackupMaker().run()", // 6
      "@dataclass", // 7
      "class Config:", // 8
      "    lr: float = 0.1", // 9
      "if __name__ == '__main__':", // 10
      "    # generate_backup()", // 11
      "    pass", // 12
    ].join("\n");
    expect(uncalledSpans(text, nobody)).toEqual([
      [2, 4],
      [5, 6],
    ]);
    expect(uncalledSpans(`${text}\nNet = globals()['BackupMaker']\n`, nobody)).toEqual([[5, 6]]);
  });
});
