// Flattening a notebook: IPython lines become comments (a `pass` inside a block) and their commands shell lines.
import { describe, expect, it } from "vitest";
import { flattenNotebook } from "../../../src/extract/view/notebook.js";
import { notebook } from "../families/helpers.js";

const flat = (...cells: string[]) => {
  const result = flattenNotebook(notebook(...cells));
  if (!result.ok) throw new Error(result.reason);
  return result.notebook;
};

describe("flattenNotebook", () => {
  it("gives a shell escape alone in a block a body, and reads automagic lines as the magics they are", () => {
    const nb = flat("if x:\n    !mkdir -p out", "cd ../src/\nls\npip install timm\nrun train.py");
    expect(nb.text.split("\n")).toEqual([
      "if x:",
      "    pass  #mkdir -p out",
      "#cd ../src/",
      "#ls",
      "#pip install timm",
      "#run train.py",
    ]);
    expect(nb.shell).toEqual([
      { line: 2, text: "mkdir -p out", subshell: true },
      { line: 3, text: "cd ../src/" },
      { line: 5, text: "pip install timm" },
    ]);
  });

  it("moves the notebook for %cd and automagic cd, never for !cd, which runs in a subshell of its own", () => {
    const nb = flat("!cd data", "%cd src", "!cd ../tools && python prep.py");
    expect(nb.shell).toEqual([
      { line: 1, text: "cd data", subshell: true },
      { line: 2, text: "cd src" },
      { line: 3, text: "cd ../tools && python prep.py", subshell: true },
    ]);
  });

  it("leaves Python that starts with a magic's name as Python", () => {
    const code = [
      "ls = []",
      "cd(x)",
      "pip.main(['x'])",
      "time = 3",
      "run -= 1",
      "env = os.environ",
      "cat / 2",
      "ls[0]",
    ];
    const nb = flat(code.join("\n"));
    expect([nb.text.split("\n"), nb.shell]).toEqual([code, []]);
  });

  it("keeps the body of a cell magic that writes or runs another language out of the Python, a .py file's in", () => {
    const shellFile = "%%writefile run.sh\nSEED=42\npython3 infer.py \\\n    --seeds ${SEED}";
    const nb = flat(
      shellFile,
      "%%writefile -a 'notes.txt'\nfor x in $LIST",
      "%%script bash\necho ${A}",
      "%%html\n<b>$x</b>",
    );
    expect(nb.text.split("\n").every((line) => line.trimStart().startsWith("#"))).toBe(true);
    expect(nb.shell.map((s) => s.text)).toEqual([]);
    const py = flat("%%writefile tools/prep.py\nimport os\nprint(os.sep)", "%%capture\nx = 1");
    expect(py.text.split("\n")).toEqual([
      "#%writefile tools/prep.py",
      "import os",
      "print(os.sep)",
      "#%capture",
      "x = 1",
    ]);
  });

  it("skips source items that are not strings instead of coercing them", () => {
    const json = JSON.stringify({ cells: [{ cell_type: "code", source: ["x = 1\n", { toString: [] }, "y = 2"] }] });
    const result = flattenNotebook(json);
    expect(result.ok && result.notebook.text.split("\n")).toEqual(["x = 1", "y = 2"]);
  });
});
