// sys.path entries that resolve, through the repo's own constants, to a folder outside the repo.
import { describe, expect, it } from "vitest";
import { outsideSysPathEntries } from "../../../../src/extract/families/imports/outside-sys-path.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";

const entries = (files: Record<string, string>, path: string) =>
  outsideSysPathEntries(memoryView(files), path, files[path]!).map((e) => [e.line, e.written, e.folder]);

describe("outsideSysPathEntries", () => {
  it("reads absolute literals, constants built from them, joins and sums", () => {
    const files = {
      "cfg.py": "class CFG:\n    ROOT = '/mnt/data'\n    LIB = ROOT + '/lib'\n",
      "train.py": [
        "import sys, os",
        "from cfg import CFG",
        "sys.path.append('/home/u/code')",
        "sys.path.insert(0, CFG.LIB)",
        "sys.path.append(os.path.join(CFG.ROOT, 'x'))",
        'sys.path.append(f"{CFG.ROOT}/{name}")',
        "",
      ].join("\n"),
    };
    expect(entries(files, "train.py")).toEqual([
      [3, "'/home/u/code'", "/home/u/code"],
      [4, "CFG.LIB", "/mnt/data/lib"],
      [5, "os.path.join(CFG.ROOT, 'x')", "/mnt/data/x"],
      [6, 'f"{CFG.ROOT}/{name}"', "/mnt/data/*"],
    ]);
  });

  it("leaves out folders inside the repo and values it cannot read", () => {
    const files = {
      "train.py": [
        "import sys, os",
        "ROOT = os.environ['ROOT']",
        "sys.path.append('src')",
        "sys.path.append('../lib')",
        "sys.path.append(os.path.dirname(__file__))",
        "sys.path.append(ROOT)",
        'sys.path.append(f"{UNKNOWN}/x")',
        "",
      ].join("\n"),
    };
    expect(entries(files, "train.py")).toEqual([]);
  });
});
