import { describe, expect, it } from "vitest";
import { apiUses } from "../../../src/extract/python/removed-api-uses.js";

const APIS = new Set(["numpy.int", "numpy.float", "PIL.Image.ANTIALIAS", "torch._six", "sklearn.cross_validation"]);

describe("apiUses", () => {
  it("follows import aliases and from-imports to the API's path", () => {
    const text = [
      "import numpy as np",
      "from PIL import Image",
      "import PIL.Image",
      "a = np.zeros(3, dtype=np.int)",
      "b = Image.open('x').resize((2, 2), Image.ANTIALIAS)",
      "c = PIL.Image.ANTIALIAS",
    ].join("\n");
    expect(apiUses(text, APIS).uses).toEqual([
      { line: 4, api: "numpy.int", written: "np.int" },
      { line: 5, api: "PIL.Image.ANTIALIAS", written: "Image.ANTIALIAS" },
      { line: 6, api: "PIL.Image.ANTIALIAS", written: "PIL.Image.ANTIALIAS" },
    ]);
  });
  it("counts an import of a removed module, and a name taken from it", () => {
    const text =
      "from torch._six import inf\nfrom sklearn.cross_validation import KFold, train_test_split\nimport torch._six as six\n";
    expect(apiUses(text, APIS).uses.map((u) => [u.line, u.api, u.written])).toEqual([
      [1, "torch._six", "torch._six"],
      [1, "torch._six", "from torch._six import inf"],
      [2, "sklearn.cross_validation", "sklearn.cross_validation"],
      [2, "sklearn.cross_validation", "from sklearn.cross_validation import KFold"],
      [2, "sklearn.cross_validation", "from sklearn.cross_validation import train_test_split"],
      [3, "torch._six", "torch._six"],
    ]);
  });
  it("leaves strings, comments, other names and attributes of other objects alone", () => {
    const text = [
      "import numpy as np",
      "# np.int is gone",
      "s = 'np.int'",
      "a = np.int64(1)",
      "b = self.np.int",
      "c = np.float32",
    ].join("\n");
    expect(apiUses(text, APIS).uses).toEqual([]);
  });
  it("reads `np.int = int` as the file's own shim, not a use", () => {
    expect(apiUses("import numpy as np\nnp.int = int\nx = np.int(2)\n", APIS)).toEqual({
      uses: [{ line: 3, api: "numpy.int", written: "np.int" }],
      shims: ["numpy.int"],
    });
  });
  it("needs the import: a name bound otherwise is not the module", () => {
    expect(apiUses("np = object()\nx = np.int\n", APIS).uses).toEqual([]);
  });
});
