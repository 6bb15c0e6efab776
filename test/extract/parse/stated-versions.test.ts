import { describe, expect, it } from "vitest";
import { notebookVersions, readmeVersions } from "../../../src/extract/parse/stated-versions.js";

describe("versions a repo states outside a spec", () => {
  it("reads README software lists in their usual forms", () => {
    // From real READMEs: "pytorch 1.7.1<br/>", "1. pandas: 0.23.4", "keras:2.2.4", "| torch | 1.7.1 |".
    const text =
      "## software installation\npytorch                   1.7.1<br/>\nopencv-python             4.5.1.48<br/>\n1. pandas: 0.23.4\n6. keras:2.2.4\n| torch | 1.7.1 |\nUbuntu 18.04 LTS with CUDA 11.2\n";
    expect(readmeVersions("README.md", text).map((v) => [v.name, v.version, v.by])).toEqual([
      ["pytorch", "1.7.1", "README.md:2"],
      ["opencv-python", "4.5.1.48", "README.md:3"],
      ["pandas", "0.23.4", "README.md:4"],
      ["keras", "2.2.4", "README.md:5"],
      ["torch", "1.7.1", "README.md:6"],
    ]);
  });

  it("reads a distribution's whole name, never the framework name its end repeats", () => {
    const text = "```\nfacenet-pytorch==2.5.0\n```\n- torch 1.9.0\nbackbone from someone/efficient-pytorch 0.7.1\n";
    expect(readmeVersions("README.md", text).map((v) => [v.name, v.version])).toEqual([
      ["facenet-pytorch", "2.5.0"],
      ["torch", "1.9.0"],
    ]);
  });

  it("reads a notebook whose cells hold objects where text belongs, or outputs that are not a list", () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: "code", source: ["import numpy as np\n", { toString: [] }], outputs: 3 },
        {
          cell_type: "code",
          source: "print(np.__version__)\n",
          outputs: [null, { text: [{ toString: 1 }, "1.18.5\n"] }],
        },
      ],
    });
    expect(notebookVersions("nb.ipynb", nb).map((v) => [v.name, v.version])).toEqual([["numpy", "1.18.5"]]);
  });

  it("pairs a notebook's printed __version__ lines with its outputs, through import aliases", () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: "code", source: "import tensorflow as tf\nimport numpy as np\n", outputs: [] },
        {
          cell_type: "code",
          source: "print(tf.__version__)\nprint(np.__version__)\n",
          outputs: [{ text: "2.3.0\n1.18.5\n" }],
        },
        { cell_type: "code", source: "pd.__version__", outputs: [{ data: { "text/plain": "'1.1.3'" } }] },
      ],
    });
    expect(notebookVersions("nb.ipynb", nb).map((v) => [v.name, v.version])).toEqual([
      ["tensorflow", "2.3.0"],
      ["numpy", "1.18.5"],
      ["pd", "1.1.3"],
    ]);
    // Cells counted from 1, as Jupyter and the audit's report show them.
    expect(notebookVersions("nb.ipynb", nb).map((v) => v.by)).toEqual([
      "nb.ipynb cell 2 line 1",
      "nb.ipynb cell 2 line 2",
      "nb.ipynb cell 3 line 1",
    ]);
    expect(notebookVersions("x.ipynb", "{ broken")).toEqual([]);
  });
});

describe("a minimum is no version used", () => {
  it("reads no version from '1.4+' or '1.4 or later'; an exact one beside it still counts", () => {
    const text = "- PyTorch 1.4+\n- timm 0.4.12 or later\n- pandas 1.0.3\n";
    expect(readmeVersions("README.md", text).map((v) => [v.name, v.version])).toEqual([["pandas", "1.0.3"]]);
  });
});
