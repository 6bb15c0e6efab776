import { describe, expect, it } from "vitest";
import { declaredView } from "../../../src/extract/run/declared-view.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";

describe("declaredView", () => {
  const view = declaredView(
    memoryView({ "README.md": "# x", "train.py": "import os\n", "run.sh": "python train.py" }),
    { id: "training", roles: ["python", "readme"] },
  );

  it("reads the files of declared roles, and lists every file", () => {
    expect(view.read("README.md")).toBe("# x");
    expect([...view.python()].map((s) => s.path)).toEqual(["train.py"]);
    expect(view.files().map((f) => f.path)).toEqual(["README.md", "run.sh", "train.py"]);
  });

  it("throws on a read of a file whose role is not declared, naming the fix", () => {
    expect(() => view.read("./run.sh")).toThrow(
      'the training extractor read ./run.sh, a shell file, without declaring the role: add "shell" to its roles',
    );
  });
});
