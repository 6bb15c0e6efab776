// data-refs: sub-projects side by side, each under its own marked folder.
import { describe, expect, it } from "vitest";
import { projectTrees } from "../../../../src/extract/families/data-refs/project-trees.js";

describe("data-refs: project trees", () => {
  it("parts files of sibling marked folders, and never the root's own code or a nested project", () => {
    const apart = projectTrees([
      "requirements.txt",
      "left/Dockerfile.gpu",
      "left/run/a.py",
      "left/tool/requirements.txt",
      "left/tool/b.py",
      "right/pyproject.toml",
      "right/src/c.py",
      "common/d.py",
    ]);
    expect(apart("right/src/c.py", "left/run/a.py")).toBe(true);
    expect(apart("right/src/c.py", "left/tool/b.py")).toBe(true);
    expect(apart("left/tool/b.py", "left/run/a.py")).toBe(false);
    expect(apart("common/d.py", "left/run/a.py")).toBe(false);
    // One marked folder alone parts nothing.
    expect(projectTrees(["app/setup.py", "app/x.py", "y.py"])("app/x.py", "y.py")).toBe(false);
  });
});
