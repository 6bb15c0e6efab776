// Uses of a name a later module-level import rebound, read on tree-sitter's tree: only a call of a module and an
// attribute of a same-named standard function, each where the rebinding is in effect.
import { describe, expect, it } from "vitest";
import { pythonParser, withTree } from "../../../src/extract/python/tree-sitter.js";
import { shadowedUses } from "../../../src/extract/python/import-shadowing.js";
import { topLevelNames } from "../../../src/extract/python/top-names.js";

const uses = async (text: string, names: string[]) =>
  withTree(await pythonParser(), text, (root) => shadowedUses(root, new Set(names)));

describe("shadowedUses", () => {
  it("reports a module called and a same-named function's attribute read, with both lines", async () => {
    expect(await uses("from glob import glob\nimport glob\nx = glob('a')\n", ["glob"])).toEqual([
      { name: "glob", line: 3, use: "glob(...)", boundAt: 1, reboundAt: 2 },
    ]);
    expect(
      await uses("import random\nfrom random import random\nclass A:\n    k = random.choice([1])\n", ["random"]),
    ).toEqual([{ name: "random", line: 4, use: "random.choice", boundAt: 1, reboundAt: 2 }]);
  });

  it("reads a function's use against the last binding, a module line's against the one above it", async () => {
    expect(await uses("from glob import glob\ndef f():\n    return glob('a')\nimport glob\n", ["glob"])).toHaveLength(
      1,
    );
    expect(await uses("from glob import glob\nx = glob('a')\nimport glob\n", ["glob"])).toEqual([]);
  });

  it("leaves alone local rebindings, comprehension targets, star imports, globals, conditional imports and classes", async () => {
    const names = ["glob", "datetime"];
    for (const text of [
      "from glob import glob\nimport glob\ndef f(glob):\n    return glob('a')\n",
      "from glob import glob\nimport glob\nx = [glob(1) for glob in fs]\n",
      "from glob import glob\nimport glob\nfrom os import *\nglob('a')\n",
      "from glob import glob\nimport glob\ndef f():\n    global glob\n    glob = 1\nglob('a')\n",
      "from glob import glob\ntry:\n    import glob\nexcept Exception:\n    pass\nglob('a')\n",
      "import datetime\nfrom datetime import datetime\ndatetime.now()\n",
      "from glob import glob\nimport glob\nglob.x = 1\nglob.__name__\n",
    ])
      expect(await uses(text, names), text).toEqual([]);
  });
});

describe("topLevelNames", () => {
  const names = async (text: string) => withTree(await pythonParser(), text, (root) => topLevelNames(root, text));

  it("lists defs, classes, targets, imports and globals, not names inside bodies", async () => {
    const got = await names(
      "import a.b as c\nfrom d import e\nX, Y = 1, 2\nif X:\n    def f(p):\n        q = 1\n        global G\nclass K:\n    inner = 1\n",
    );
    expect(got?.open).toBe(false);
    for (const n of ["c", "e", "X", "Y", "f", "G", "K"]) expect(got?.names.has(n), n).toBe(true);
    for (const n of ["p", "q", "inner"]) expect(got?.names.has(n), n).toBe(false);
  });

  it("is open with a star import, a module __getattr__ or globals()", async () => {
    for (const text of ["from x import *\n", "def __getattr__(n):\n    pass\n", "globals()['A'] = 1\n"])
      expect((await names(text))?.open, text).toBe(true);
  });
});
