import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { walkIssues, walkRepo } from "../../../src/extract/view/walk.js";
import { compileGlobs } from "../../../src/extract/view/glob.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";
import { tempDir, writeFiles } from "../../clone/git-fixture.js";

let root: string;
beforeEach(() => {
  root = tempDir("ra-walk-");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const notebook = JSON.stringify({
  cells: [
    { cell_type: "markdown", source: "# t" },
    { cell_type: "code", source: ["import os\n", "print(1)"] },
  ],
});

describe("walkRepo", () => {
  it("leaves excluded files and folders out of the view entirely, and lists what it left out", async () => {
    writeFiles(root, {
      "src/train.py": "print(1)\n",
      "vendor/yolov5/train.py": "print(2)\n",
      "vendor/yolov5/deep/x.py": "print(3)\n",
      "src/cache.pyc": "x",
    });
    const view = await walkRepo(root, {}, { exclude: compileGlobs(["vendor/", "*.pyc"]) });
    expect(view.files().map((f) => f.path)).toEqual(["src/train.py"]);
    expect(view.has("vendor/yolov5/train.py")).toBe(false);
    expect(view.isDir("vendor")).toBe(false);
    expect([...view.python()].map((p) => p.path)).toEqual(["src/train.py"]);
    expect(view.excluded).toEqual(["src/cache.pyc", "vendor"]);
    expect((await walkRepo(root)).excluded).toEqual([]);
  });

  it("leaves out the paths git does not track, a folder for everything beneath it, and lists them", async () => {
    writeFiles(root, {
      "src/train.py": "print(1)\n",
      "src/__pycache__/train.cpython-311.pyc": "x",
      "data/train.csv": "a\n",
      "notes.txt": "n\n",
    });
    const view = await walkRepo(root, {}, { untracked: new Set(["src/__pycache__/", "data/", "notes.txt"]) });
    expect(view.files().map((f) => f.path)).toEqual(["src/train.py"]);
    expect(view.untracked).toEqual(["data", "notes.txt", "src/__pycache__"]);
    expect(view.excluded).toEqual([]);
    // A folder's name without its slash is a file's name: "data" as a file entry leaves the folder walked.
    expect((await walkRepo(root, {}, { untracked: new Set(["data"]) })).has("data/train.csv")).toBe(true);
  });

  it("lists files in path order, reads texts, flattens notebooks and skips .git", async () => {
    writeFiles(root, {
      "src/train.py": "import torch\n",
      "nb/explore.ipynb": notebook,
      "config.yaml": "lr: 0.1\n",
      "README.md": "# Hi\n",
      ".git/config": "[core]\n",
    });
    writeFileSync(join(root, "weights.pth"), Buffer.from([0, 1, 2, 3]));
    const view = await walkRepo(root);
    expect(view.files()).toEqual([
      { path: "README.md", size: 5, kind: "text" },
      { path: "config.yaml", size: 8, kind: "config", configFormat: "yaml" },
      { path: "nb/explore.ipynb", size: notebook.length, kind: "notebook" },
      { path: "src/train.py", size: 13, kind: "python" },
      { path: "weights.pth", size: 4, kind: "binary" },
    ]);
    expect(view.read("src/train.py")).toBe("import torch\n");
    expect(view.read("./config.yaml")).toBe("lr: 0.1\n");
    expect(view.read("weights.pth")).toBeNull();
    expect(view.has(".git/config")).toBe(false);
    expect(view.isDir("src/")).toBe(true);
    expect(view.isDir("src/train.py")).toBe(false);
    expect([...view.python()]).toEqual([
      {
        path: "nb/explore.ipynb",
        text: "import os\nprint(1)",
        lineMap: [
          { cell: 1, cellLine: 1 },
          { cell: 1, cellLine: 2 },
        ],
      },
      { path: "src/train.py", text: "import torch\n" },
    ]);
    expect(view.issues).toEqual([]);
  });

  it("skips files over the cap, invalid UTF-8 and NUL bytes in code with a reason; data files quietly", async () => {
    writeFiles(root, { "big.py": "x = 1\n".repeat(100), "data/big.csv": "a,b\n".repeat(100), "ok.py": "y = 2\n" });
    writeFileSync(join(root, "latin.py"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(root, "nul.json"), Buffer.from('{"a":\0}'));
    writeFileSync(join(root, "blob"), Buffer.from([0x41, 0, 0x42]));
    const view = await walkRepo(root, { maxFileBytes: 300 });
    expect(view.issues).toEqual([
      { kind: "skipped", file: "big.py", reason: "larger than the 300 B cap (600 B)", size: 600 },
      { kind: "skipped", file: "latin.py", reason: "not valid UTF-8", size: 5 },
      { kind: "skipped", file: "nul.json", reason: "binary content (NUL bytes)", size: 7 },
    ]);
    expect(walkIssues(view)).toBe(view.issues);
    expect(view.files().find((f) => f.path === "data/big.csv")?.skipped).toBe("larger than the 300 B cap (400 B)");
    expect(view.files().find((f) => f.path === "blob")).toEqual({ path: "blob", size: 3, kind: "binary" });
    expect(view.read("big.py")).toBeNull();
    expect(view.read("ok.py")).toBe("y = 2\n");
    expect([...view.python()].map((p) => p.path)).toEqual(["ok.py"]);
  });

  it("never follows a symlink: outside ones are skipped with a reason, inside ones read as their target", async () => {
    const outside = tempDir("ra-outside-");
    writeFiles(outside, { "secret.txt": "do not read\n" });
    writeFiles(root, { "src/real.py": "a = 1\n" });
    symlinkSync(join(outside, "secret.txt"), join(root, "leak.txt"));
    symlinkSync(outside, join(root, "outdir"));
    symlinkSync("src/real.py", join(root, "alias.py"));
    symlinkSync("src", join(root, "code"));
    const view = await walkRepo(root);
    expect(view.issues).toEqual([
      { kind: "skipped", file: "leak.txt", reason: "symlink pointing outside the repo: not followed", size: 0 },
      { kind: "skipped", file: "outdir", reason: "symlink pointing outside the repo: not followed", size: 0 },
    ]);
    expect(view.read("leak.txt")).toBeNull();
    expect(view.has("outdir/secret.txt")).toBe(false);
    expect(view.read("alias.py")).toBe("a = 1\n");
    expect(view.isDir("code")).toBe(true);
    expect(view.has("code/real.py")).toBe(false);
    rmSync(outside, { recursive: true, force: true });
  });

  it("stops at the depth and file-count caps with one record each", async () => {
    let deep = "";
    for (let i = 0; i < 5; i++) deep += `d${i}/`;
    writeFiles(root, { [`${deep}x.py`]: "x = 1\n", "a.py": "1\n", "b.py": "2\n", "c.py": "3\n" });
    const shallow = await walkRepo(root, { maxDepth: 3 });
    expect(shallow.issues).toEqual([
      { kind: "skipped", file: "d0/d1/d2/d3", reason: "folder nested deeper than 3 levels: not walked", size: null },
    ]);
    expect(shallow.isDir("d0/d1/d2")).toBe(true);
    const few = await walkRepo(root, { maxFiles: 2 });
    expect(few.files().map((f) => f.path)).toEqual(["a.py", "b.py"]);
    expect(few.issues).toEqual([
      {
        kind: "skipped",
        file: "c.py",
        reason: "more than 2 files: this one and the rest of the tree were not walked",
        size: null,
      },
    ]);
  });

  it("keeps texts within the memory budget and reads the rest again on demand", async () => {
    writeFiles(root, { "a.py": "a = 1\n", "b.py": "b = 2\n", "c.py": "c = 3\n" });
    const view = await walkRepo(root, { maxKeptBytes: 7 });
    expect(view.read("a.py")).toBe("a = 1\n");
    expect(view.read("c.py")).toBe("c = 3\n");
    expect([...view.python()].map((p) => p.text)).toEqual(["a = 1\n", "b = 2\n", "c = 3\n"]);
  });

  it("walkIssues is null for views that were not walked", () => {
    expect(walkIssues(memoryView({ "a.py": "" }))).toBeNull();
  });
});
