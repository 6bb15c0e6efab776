// An import that names a file with its .py suffix (`import utils.py`, `from .model.py import *`): the file it
// means, found in the repo, or null when the name is a real module path.
import { describe, expect, it } from "vitest";
import { suffixedFile } from "../../../../src/extract/families/imports/suffixed-file.js";

const repo = (paths: string[]) => {
  const set = new Set(paths);
  return (p: string) => set.has(p);
};

describe("suffixedFile", () => {
  it("names the file an absolute import spells with .py, beside the importer or from the root", () => {
    const has = repo(["src/utils.py", "models/net.py"]);
    expect(suffixedFile({ module: "utils.py", level: 0 }, "src", has)).toBe("src/utils.py");
    expect(suffixedFile({ module: "models.net.py", level: 0 }, "src", has)).toBe("models/net.py");
  });

  it("resolves a relative import from the importer's package, dots climbing folders", () => {
    const has = repo(["pkg/module.py", "helpers.py"]);
    expect(suffixedFile({ module: "module.py", level: 1 }, "pkg", has)).toBe("pkg/module.py");
    expect(suffixedFile({ module: "helpers.py", level: 2 }, "pkg", has)).toBe("helpers.py");
  });

  it("leaves real module paths alone: no .py segment, a package named py, or no such file", () => {
    const has = repo(["utils.py", "lib/py/__init__.py", "lib.py", "tools/py.py", "tools.py"]);
    expect(suffixedFile({ module: "utils", level: 0 }, "", has)).toBeNull();
    expect(suffixedFile({ module: "lib.py", level: 0 }, "", has)).toBeNull();
    expect(suffixedFile({ module: "tools.py", level: 0 }, "", has)).toBeNull();
    expect(suffixedFile({ module: "missing.py", level: 0 }, "", has)).toBeNull();
    expect(suffixedFile({ module: "py", level: 0 }, "", has)).toBeNull();
  });
});
