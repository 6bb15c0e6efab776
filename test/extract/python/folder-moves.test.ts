// A file that moves its working folder (`os.chdir`, a notebook's `%cd`) reads its later relative paths under the
// folder it moved to: they resolve from there, for what the repo ships and what a step writes.
import { describe, expect, it } from "vitest";
import { chdirMoves, movedPath, notebookMoves } from "../../../src/extract/python/folder-moves.js";
import { findingsOf } from "../families/rerun-plan/plan-repo.js";
import { notebook } from "../families/helpers.js";

describe("folder moves", () => {
  it("an os.chdir with a literal or a module constant moves the lines after it, to the end of its block", () => {
    const text = [
      "import os",
      "DATA = 'input/raw'",
      "def prep():",
      "    os.chdir('work')",
      "    x = 1",
      "",
      "y = 2",
      "os.chdir(DATA)",
      "os.chdir(computed_folder)",
      "",
    ].join("\n");
    const moves = chdirMoves(text, [{ name: "DATA", value: "input/raw" }]);
    expect(moves).toEqual([
      { line: 4, until: 6, folder: "work" },
      { line: 8, until: 10, folder: "input/raw" },
      { line: 9, until: 10, folder: null },
    ]);
    expect(movedPath(moves, 5, "a.csv")).toBe("work/a.csv");
    expect(movedPath(moves, 7, "a.csv")).toBe("a.csv");
    expect(movedPath(moves, 9, "../b.csv")).toBe("input/b.csv");
    expect(movedPath(moves, 9, "/abs/c.csv")).toBe("/abs/c.csv");
    expect(movedPath(moves, 9, "*/d.csv")).toBe("*/d.csv");
    // After a folder the code computes, a relative path is left as written.
    expect(movedPath(moves, 10, "e.csv")).toBe("e.csv");
  });

  it("a chdir back to a saved os.getcwd() ends the move", () => {
    const text =
      "import os\ndef f():\n    wd = os.getcwd()\n    os.chdir('out/preds')\n    a = 1\n    os.chdir(wd)\n    b = 2\n";
    const moves = chdirMoves(text, []);
    expect(movedPath(moves, 5, "p.csv")).toBe("out/preds/p.csv");
    expect(movedPath(moves, 7, "p.csv")).toBe("p.csv");
  });

  it("moves add up, and a notebook's `%cd` moves while its `!cd` does not", () => {
    const moves = [...chdirMoves("import os\nos.chdir('src')\nos.chdir('../data')\n", [])];
    expect(movedPath(moves, 4, "x.csv")).toBe("data/x.csv");
    const nb = notebookMoves([
      { line: 2, text: "cd input" },
      { line: 5, text: "cd elsewhere", subshell: true } as { line: number; text: string },
    ]);
    expect(nb).toEqual([{ line: 2, until: Number.MAX_SAFE_INTEGER, folder: "input" }]);
  });
});

describe("data-refs after a folder move", () => {
  it("a read after os.chdir resolves under the folder: shipped there is found, one only at the root is not", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npip install -r requirements.txt\npython train.py\npython infer.py\n```\n",
        "requirements.txt": "pandas==2.1.0\n",
        "work/data/train_raw.csv": "id,y\n1,0\n",
        "labels_extra.csv": "id\n1\n",
        "train.py":
          "import os\nimport pandas as pd\n\nos.chdir('work/data')\n" +
          "train = pd.read_csv('train_raw.csv')\nextra = pd.read_csv('labels_extra.csv')\n" +
          "train.to_csv('train_clean.csv')\n",
        "infer.py": "import pandas as pd\nclean = pd.read_csv('work/data/train_clean.csv')\n",
      },
      ["datasets-data-available", "datasets-inputs-produced"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "train.py", 6],
    ]);
  });

  it("a notebook's `%cd` moves its later reads", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\nRun `main.ipynb`.\n\n```bash\npip install -r requirements.txt\n```\n",
        "requirements.txt": "pandas==2.1.0\n",
        "input/train_raw.csv": "id,y\n1,0\n",
        "main.ipynb": notebook("%cd input\n", "import pandas as pd\ndf = pd.read_csv('train_raw.csv')\n"),
      },
      ["datasets-data-available", "datasets-inputs-produced"],
    );
    expect(findings).toEqual([]);
  });
});
