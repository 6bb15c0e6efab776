// The Python version a README's words state: the root README's first, else a sub-folder README of any spelling.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/env-spec/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

const pythonOf = async (files: Record<string, string>) =>
  (await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: null }))
    .filter((r) => r.kind === "python-version")
    .map((r) => [r.file, r.line, r.value]);

describe("env-spec: the Python version a README states", () => {
  it("reads it from a sub-folder readme.txt when the repo has no root README", async () => {
    expect(
      await pythonOf({
        "sol/readme.txt": "Setup\n\nThe runtime environment is python3.6, pytorch1.1.0\n",
        "sol/requirements.txt": "torch\n",
        "sol/src/train.py": "",
      }),
    ).toEqual([["sol/readme.txt", 3, "3.6"]]);
  });
  it("prefers the root README's words to a sub-folder README's", async () => {
    expect(
      await pythonOf({
        "README.md": "Needs Python 3.8.\n",
        "tool/README.rst": "Python 3.6\n",
        "requirements.txt": "torch\n",
      }),
    ).toEqual([["README.md", 1, "3.8"]]);
  });
  it("a bare major states only the major: python 3 is >=3, never a minor", async () => {
    expect(await pythonOf({ "README.md": "Runs on python 3 with a GPU.\n", "requirements.txt": "torch\n" })).toEqual([
      ["README.md", 1, ">=3"],
    ]);
    expect(await pythonOf({ "README.md": "Run `python3 train.py`.\n", "requirements.txt": "torch\n" })).toEqual([
      ["README.md", 1, ">=3"],
    ]);
  });
});
