// Which repo folders the rerun installs as packages, from README commands, scripts, Dockerfiles and specs.
import { describe, expect, it } from "vitest";
import { foldersInstalledBy, installedFolders } from "../../../../src/extract/families/imports/installed-folders.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";

const setup = "from setuptools import setup\nsetup(name='x')\n";

describe("installedFolders", () => {
  it("takes pip install -e, setup.py develop|install and a spec's -e line, each from where it runs", () => {
    const view = memoryView({
      "a/setup.py": setup,
      "b/setup.py": setup,
      "c/setup.py": setup,
      "d/lib/setup.py": setup,
      "e/setup.py": setup,
      "tools/env.sh": "cd b && python setup.py develop\n",
      "d/Dockerfile": "FROM python:3.10\nCOPY . /app\nWORKDIR /app\nRUN pip install \\\n    -e lib\n",
      "requirements.txt": "numpy==1.26.4\n-e ./c\n",
      "nothing.sh": "# pip install -e e\npython e/setup.py build\n",
    });
    const readme = [{ kind: "command", file: "README.md", line: 2, command: "pip install -e a" }];
    expect([...installedFolders(view, readme)].sort()).toEqual(["a", "b", "c", "d/lib"]);
  });

  it("installs nothing when no step, script, Dockerfile or spec installs a folder", () => {
    const view = memoryView({ "lib/setup.py": setup, "README.md": "python train.py\n" });
    expect([...installedFolders(view, [{ kind: "command", command: "python train.py" }])]).toEqual([]);
  });

  it("reads one line's cd, a root install and paths that leave the repo", () => {
    expect(foldersInstalledBy("cd somen && pip install -e .", "")).toEqual(["somen"]);
    expect(foldersInstalledBy("pip install -e .", "")).toEqual([""]);
    expect(foldersInstalledBy("python setup.py install", "sub")).toEqual(["sub"]);
    expect(foldersInstalledBy("pip install -e ../../outside numpy", "")).toEqual([]);
    expect(foldersInstalledBy("pip install -e git+https://github.com/a/b.git#egg=b", "")).toEqual([]);
  });
});
