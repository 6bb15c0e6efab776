// Modules loaded by a name read at run time: the one the arguments name, else every module of the folder.
import { describe, expect, it } from "vitest";
import { dynamicImports, type ModuleTree } from "../../../src/extract/python/dynamic-imports.js";

const files = ["src/cfg/base.py", "src/cfg/big.py", "src/train.py", "src/plain.py"];
const tree: ModuleTree = {
  has: (p) => files.includes(p),
  isDir: (p) => files.some((f) => f.startsWith(`${p}/`)),
  modules: (d) => files.filter((f) => f.slice(0, f.lastIndexOf("/")) === d),
};

describe("dynamic imports", () => {
  it("reads the folder from an f-string, a %-format or .format prefix, relative to the file's folder", () => {
    for (const call of ["f'cfg.{args.name}'", "'cfg.%s' % args.name", "'cfg.{}'.format(name)"]) {
      expect(
        dynamicImports(`import importlib\nm = importlib.import_module(${call})\n`, "src", "", ["--name", "big"], tree),
      ).toEqual(["src/cfg/big.py"]);
      expect(dynamicImports(`m = importlib.import_module(${call})\n`, "src", "", [], tree)).toEqual([
        "src/cfg/base.py",
        "src/cfg/big.py",
      ]);
    }
  });

  it("reaches a literal name, and nothing for a name it cannot read with no folder to fall back on", () => {
    expect(dynamicImports("m = __import__('plain')\n", "src", "", [], tree)).toEqual(["src/plain.py"]);
    expect(dynamicImports("m = importlib.import_module(args.cfg)\n", "src", "", ["--cfg", "nothing"], tree)).toEqual(
      [],
    );
    expect(dynamicImports("import os\n", "src", "", ["--cfg", "plain"], tree)).toEqual([]);
  });

  it("reads a name held by a module-level string constant as that module, not every module of the folder", () => {
    const text =
      "import sys, importlib\nsys.path.append('./cfg')\nconfig_name = 'big'\ncfg = importlib.import_module(config_name).cfg\n";
    expect(dynamicImports(text, "src", "src", [], tree)).toEqual(["src/cfg/big.py"]);
    // Set twice: either value may be the one the call sees.
    expect(dynamicImports(`${text}config_name = 'base'\n`, "src", "src", [], tree)).toEqual([
      "src/cfg/base.py",
      "src/cfg/big.py",
    ]);
  });

  it("reads folders a loop puts on sys.path, and a name a config loaded before sets (`cfg.metric = 'm1'`)", () => {
    const own: ModuleTree = {
      has: (p) => ["configs/c1.py", "configs/c2.py", "metrics/m1.py", "metrics/m2.py"].includes(p),
      isDir: (p) => p === "configs" || p === "metrics",
      modules: (d) => [`${d}/${d === "configs" ? "c1" : "m1"}.py`, `${d}/${d === "configs" ? "c2" : "m2"}.py`],
    };
    const texts: Record<string, string> = { "configs/c1.py": "cfg = X()\ncfg.metric = 'm1'\n" };
    const text = [
      "BASEDIR = './'",
      "for DIRNAME in 'configs metrics'.split():",
      "    sys.path.append(f'{BASEDIR}/{DIRNAME}/')",
      "cfg = importlib.import_module(args.config).cfg",
      "calc = importlib.import_module(cfg.metric).calc",
    ].join("\n");
    expect(dynamicImports(text, "", "", ["-C", "c1"], own, (p) => texts[p] ?? null)).toEqual([
      "configs/c1.py",
      "metrics/m1.py",
    ]);
  });
});
