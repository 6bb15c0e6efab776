import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { walkRepo } from "../../../src/extract/view/walk.js";
import { filesWithRole, fileRole, isReadmePath, roleOf } from "../../../src/extract/view/file-roles.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";
import { classifyPath } from "../../../src/model/file-kinds.js";

const roleByPath = (path: string) => fileRole(path, classifyPath(path).kind);

describe("fileRole", () => {
  it("gives each file one role by its path", () => {
    const paths = [
      "README.md",
      "sub/readme.rst",
      "Readme.org",
      "docs/setup.md",
      "docs/api/x.rst",
      "requirements-dev.txt",
      "requirements/base.txt",
      "Dockerfile.gpu",
      "environment.yml",
      "Pipfile.lock",
      "pyproject.toml",
      "setup.py",
      "setup.cfg",
      ".python-version",
      "runtime.txt",
      "kaggle/kernel-metadata.json",
      "run.sh",
      "Makefile",
      "train.py",
      "nb.ipynb",
      "cfg.yaml",
      "notes.txt",
      "w.pth",
      "README.html",
    ];
    expect(Object.fromEntries(paths.map((p) => [p, roleByPath(p)]))).toEqual({
      "README.md": "readme",
      "sub/readme.rst": "readme",
      "Readme.org": "readme",
      "docs/setup.md": "docs",
      "docs/api/x.rst": "docs",
      "requirements-dev.txt": "requirements",
      "requirements/base.txt": "requirements",
      "Dockerfile.gpu": "dockerfile",
      "environment.yml": "conda",
      "Pipfile.lock": "pipfile",
      "pyproject.toml": "pyproject",
      "setup.py": "setup",
      "setup.cfg": "setup",
      ".python-version": "python-version",
      "runtime.txt": "python-version",
      "kaggle/kernel-metadata.json": "kernel-metadata",
      "run.sh": "shell",
      Makefile: "makefile",
      "train.py": "python",
      "nb.ipynb": "notebook",
      "cfg.yaml": "config",
      "notes.txt": "text",
      "w.pth": "binary",
      "README.html": "text",
    });
  });

  it("is given once, by the view, and asked for by role", () => {
    const view = memoryView({ "README.md": "# x", "src/README": "y", "train.py": "", "run.sh": "" });
    expect(view.files().map(roleOf)).toEqual(["readme", "shell", "readme", "python"]);
    expect(filesWithRole(view, "readme", "shell").map((f) => f.path)).toEqual(["README.md", "run.sh", "src/README"]);
    expect([isReadmePath("a/README.markdown"), isReadmePath("READMEs/x.md")]).toEqual([true, false]);
  });

  it("the walk gives each file its role as it lists it", async () => {
    const root = mkdtempSync(join(tmpdir(), "ra-roles-"));
    try {
      mkdirSync(join(root, "docs"));
      for (const [path, text] of Object.entries({
        "README.md": "# x",
        "docs/usage.md": "y",
        "requirements.txt": "numpy",
        "train.sh": "python t.py",
      }))
        writeFileSync(join(root, path), text);
      const view = await walkRepo(root);
      expect(view.files().map((f) => [f.path, roleOf(f)])).toEqual([
        ["README.md", "readme"],
        ["docs/usage.md", "docs"],
        ["requirements.txt", "requirements"],
        ["train.sh", "shell"],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
