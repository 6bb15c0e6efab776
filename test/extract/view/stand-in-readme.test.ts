import { describe, expect, it } from "vitest";
import { standInFolder, standInReadme } from "../../../src/extract/view/stand-in-readme.js";
import type { InventoryEntry } from "../../../src/model/repo-view.js";

const entry = (path: string): InventoryEntry =>
  ({
    path,
    kind: /\.py$/.test(path) ? "python" : /\.ipynb$/.test(path) ? "notebook" : "text",
    size: 10,
  }) as InventoryEntry;
const files = (...paths: string[]) => paths.map(entry);

describe("standInReadme", () => {
  it("is null where the root has a README, or none exists", () => {
    expect(standInReadme(files("README.md", "sub/README.md"))).toBeNull();
    expect(standInReadme(files("train.py"))).toBeNull();
  });
  it("takes the shallowest README in any case", () => {
    expect(standInReadme(files("a/b/README.md", "Submission/readme.MD", "Submission/train.py"))).toBe(
      "Submission/readme.MD",
    );
  });
  it("of several at one depth, takes the one whose folder holds the most code", () => {
    expect(standInReadme(files("docs/README.md", "sol/README.rst", "sol/src/train.py"))).toBe("sol/README.rst");
  });
});

describe("standInFolder", () => {
  it("runs from the README's folder where it holds code, else from the root", () => {
    expect(standInFolder("Submission/readme.MD", files("Submission/readme.MD", "Submission/train.py"))).toBe(
      "Submission",
    );
    expect(standInFolder("docs/README.md", files("docs/README.md", "train.py"))).toBe("");
  });
});
