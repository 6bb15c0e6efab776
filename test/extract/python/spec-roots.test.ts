// The folders a project's own spec puts on the import path once the project is installed.
import { describe, expect, it } from "vitest";
import { projectSpecAbove, projectSpecAt, projectSpecs } from "../../../src/extract/python/spec-roots.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";

const PKG = { "__init__.py": "" };
const under = (folder: string) => Object.fromEntries(Object.entries(PKG).map(([k, v]) => [`${folder}/${k}`, v]));

describe("projectSpecAt", () => {
  it("reads Poetry's `from`, setuptools' `where` and `package-dir`, Hatch's package paths", () => {
    const view = memoryView({
      "a/pyproject.toml":
        '[tool.poetry]\nname = "a"\npackages = [{ include = "k", from = "src" }, { include = "m" }]\n',
      ...under("a/src/k"),
      "b/pyproject.toml": '[project]\nname = "b"\n\n[tool.setuptools.packages.find]\nwhere = ["lib"]\n',
      ...under("b/lib/k"),
      "c/pyproject.toml": '[project]\nname = "c"\n\n[tool.setuptools]\npackage-dir = { "" = "code" }\n',
      ...under("c/code/k"),
      "d/pyproject.toml": '[project]\nname = "d"\n\n[tool.hatch.build.targets.wheel]\npackages = ["pysrc/k"]\n',
      ...under("d/pysrc/k"),
    });
    expect(projectSpecAt(view, "a")).toEqual({ file: "a/pyproject.toml", folder: "a", roots: ["a", "a/src"] });
    expect(projectSpecAt(view, "b")?.roots).toEqual(["b", "b/lib"]);
    expect(projectSpecAt(view, "c")?.roots).toEqual(["c", "c/code"]);
    expect(projectSpecAt(view, "d")?.roots).toEqual(["d", "d/pysrc"]);
  });

  it("reads setup.py's package_dir and find_packages, and setup.cfg's package_dir", () => {
    const view = memoryView({
      "setup.py": "from setuptools import setup, find_packages\nsetup(packages=find_packages(where='src'))\n",
      ...under("src/k"),
      "x/setup.py": 'setup(package_dir={"": "lib"}, packages=["k"])\n',
      ...under("x/lib/k"),
      "y/setup.cfg": "[metadata]\nname = y\n\n[options]\npackage_dir =\n    =py\n",
      ...under("y/py/k"),
    });
    expect(projectSpecAt(view, "")?.roots).toEqual(["", "src"]);
    expect(projectSpecAt(view, "x")?.roots).toEqual(["x", "x/lib"]);
    expect(projectSpecAt(view, "y")).toEqual({ file: "y/setup.cfg", folder: "y", roots: ["y", "y/py"] });
  });

  it("takes no project from a spec that builds no package, and no folder out of the repo or absent", () => {
    const view = memoryView({
      "a/pyproject.toml": '[tool.poetry]\nname = "a"\npackage-mode = false\n',
      "b/pyproject.toml": "[tool.black]\nline-length = 100\n",
      "c/pyproject.toml":
        '[tool.poetry]\nname = "c"\npackages = [{ include = "k", from = "../../out" }, { include = "j", from = "gone" }]\n',
      "d/pyproject.toml": "[tool.poetry\nname = broken",
    });
    expect(projectSpecAt(view, "a")).toBeNull();
    expect(projectSpecAt(view, "b")).toBeNull();
    expect(projectSpecAt(view, "c")?.roots).toEqual(["c"]);
    expect(projectSpecAt(view, "d")).toBeNull();
    expect(projectSpecs(view).map((p) => p.file)).toEqual(["c/pyproject.toml"]);
  });
});

describe("projectSpecAbove", () => {
  it("takes the nearest spec at or above the folder a tool runs in", () => {
    const view = memoryView({
      "pyproject.toml": '[project]\nname = "top"\n',
      "part/pyproject.toml": '[tool.poetry]\nname = "part"\n',
      "part/src/jobs/run.sh": "",
    });
    expect(projectSpecAbove(view, "part/src/jobs")?.file).toBe("part/pyproject.toml");
    expect(projectSpecAbove(view, ".")?.file).toBe("pyproject.toml");
    expect(projectSpecAbove(memoryView({ "a/x.py": "" }), "a")).toBeNull();
  });
});

it("takes no project where the nearest pyproject.toml builds none, though one above does", () => {
  const view = memoryView({
    "pyproject.toml": '[project]\nname = "top"\n',
    "part/pyproject.toml": '[tool.poetry]\nname = "part"\npackage-mode = false\n',
  });
  expect(projectSpecAbove(view, "part")).toBeNull();
});
