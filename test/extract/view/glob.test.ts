// exclude: globs, gitignore-like.
import { describe, expect, it } from "vitest";
import { compileGlobs } from "../../../src/extract/view/glob.js";

describe("compileGlobs", () => {
  it("matches a slash-free pattern at any depth, file or folder", () => {
    const m = compileGlobs(["vendor", "*.pyc"]);
    expect(m.matches("vendor", true)).toBe(true);
    expect(m.matches("src/vendor", true)).toBe(true);
    expect(m.matches("a/b/c.pyc", false)).toBe(true);
    expect(m.matches("vendored", true)).toBe(false);
    expect(m.matches("src/x.py", false)).toBe(false);
  });

  it("anchors a pattern with a slash at the root, lets ** span folders and * stay in one", () => {
    const m = compileGlobs(["third_party/**", "/notebooks/old", "src/*/gen.py", "**/tests/*.py"]);
    expect(m.matches("third_party/yolov5/train.py", false)).toBe(true);
    expect(m.matches("src/third_party/x.py", false)).toBe(false);
    expect(m.matches("notebooks/old", true)).toBe(true);
    expect(m.matches("x/notebooks/old", true)).toBe(false);
    expect(m.matches("src/a/gen.py", false)).toBe(true);
    expect(m.matches("src/a/b/gen.py", false)).toBe(false);
    expect(m.matches("tests/test_a.py", false)).toBe(true);
    expect(m.matches("pkg/tests/test_a.py", false)).toBe(true);
  });

  it("matches folders only for a trailing slash, takes {a,b} and ?, and escapes the rest", () => {
    const m = compileGlobs(["build/", "*.{pth,ckpt}", "fold?.csv", "a+b.py"]);
    expect(m.matches("build", true)).toBe(true);
    expect(m.matches("build", false)).toBe(false);
    expect(m.matches("w/best.ckpt", false)).toBe(true);
    expect(m.matches("fold1.csv", false)).toBe(true);
    expect(m.matches("fold10.csv", false)).toBe(false);
    expect(m.matches("a+b.py", false)).toBe(true);
    expect(m.matches("aab.py", false)).toBe(false);
    expect(compileGlobs([]).matches("anything", false)).toBe(false);
  });
});
