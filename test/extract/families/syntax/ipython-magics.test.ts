// IPython magics and shell escapes left in a .py exported from a notebook.
import { describe, expect, it } from "vitest";
import { magicLineBefore } from "../../../../src/extract/families/syntax/ipython-magics.js";

describe("magicLineBefore", () => {
  it("finds the first magic or shell escape at a line's start, up to the error's line", () => {
    const text = "import numpy as np\n%matplotlib inline\n!pip install -q timm\n";
    expect(magicLineBefore(text, 3)).toEqual({ line: 2, magic: "%matplotlib inline" });
    expect(magicLineBefore("x = 1\n!pip install timm\n", 2)).toEqual({ line: 2, magic: "!pip install timm" });
    expect(magicLineBefore("%%time\nx = 1\n", 2)).toEqual({ line: 1, magic: "%%time" });
    expect(magicLineBefore(text, 1)).toBeNull();
  });

  it("takes no operator continuing an expression, nor an indented line, for a magic", () => {
    expect(magicLineBefore('s = ("%s"\n% x)\n', 2)).toBeNull();
    expect(magicLineBefore('s = ("%s"\n%x)\n', 2)).toBeNull();
    expect(magicLineBefore("ok = (a\n!= b)\n", 2)).toBeNull();
    expect(magicLineBefore("if x:\n    %time f()\n", 2)).toBeNull();
    expect(magicLineBefore('"""Usage:\n%run train.py\n"""\n', 3)).toBeNull();
    expect(magicLineBefore("x = 1 + \\\n%y \n", 2)).toBeNull();
  });
});
