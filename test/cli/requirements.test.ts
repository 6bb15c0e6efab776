// `repro-audit requirements`: a ready requirements.txt for a repo with no spec, through the real bin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { writeFiles } from "../clone/git-fixture.js";

describe("repro-audit requirements", () => {
  it("lists what the code imports with the versions the README and a notebook state, past files that do not parse", () => {
    const root = mkdtempSync(join(tmpdir(), "ra-req-"));
    writeFiles(root, {
      "README.md": "### Library Requirements\n1. pandas: 0.23.4\n2. keras:2.2.4\n3. tensorflow: 1.11.0\n",
      "nn.py":
        "import numpy as np\nimport pandas as pd\nimport keras\nfrom sklearn.model_selection import KFold\nimport utils\ntry:\n    import google.colab\nexcept ImportError:\n    pass\n",
      "utils.py": "import cv2\n",
      "broken.py": "print 'python 2'\nimport lightgbm\n",
      "nb.ipynb": JSON.stringify({
        cells: [
          {
            cell_type: "code",
            source: ["import tensorflow as tf\n", "print(tf.__version__)"],
            outputs: [{ text: ["1.11.0\n"] }],
          },
        ],
      }),
      "bad.ipynb": "{ not json",
    });
    writeFileSync(join(root, "blob.py"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    const out = join(root, "requirements.txt");
    const result = runCli(["requirements", root, "--out", out]);
    expect(result.code).toBe(0);
    const lines = readFileSync(out, "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#"));
    expect(lines.map((l) => l.split(/\s+#/)[0]!.trim())).toEqual([
      "keras==2.2.4",
      "lightgbm",
      "numpy",
      "opencv-python",
      "pandas==0.23.4",
      "scikit-learn",
      "tensorflow==1.11.0",
    ]);
    expect(lines[0]).toContain("version from README.md:3");
    expect(readFileSync(out, "utf8")).toContain("# google-colab  (nn.py:7)");
    // A notebook's cell counted from 1, as the audit's report counts it.
    expect(lines.find((l) => l.startsWith("tensorflow"))).toContain("imported by nb.ipynb cell 1 line 1");
    rmSync(root, { recursive: true, force: true });
  });

  it("says what was wrong with a missing repo, exit 2", () => {
    const result = runCli(["requirements", "/nonexistent/repo"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("no such file or folder");
  });

  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const repo = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), "ra-req-"));
    made.push(root);
    writeFiles(root, files);
    return root;
  };

  it("keeps a lower bound the repo states, as stated", () => {
    const root = repo({
      "README.md": "```\npip install lightgbm>=3.0 'xgboost~=1.7' pandas==1.5.3\n```\n",
      "train.py": "import lightgbm\nimport xgboost\nimport pandas\n",
    });
    const result = runCli(["requirements", root]);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout.split("\n").filter((l) => l && !l.startsWith("#"));
    expect(lines.map((l) => l.split(/\s+#/)[0]!.trim())).toEqual(["lightgbm>=3.0", "pandas==1.5.3", "xgboost~=1.7"]);
  });

  it("refuses to overwrite an --out file without --force, and overwrites it with --force", () => {
    const root = repo({ "train.py": "import numpy\n" });
    const out = join(root, "requirements.txt");
    writeFileSync(out, "torch==2.1.0\n");
    const refused = runCli(["requirements", root, "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toEqual([
      `repro-audit: ${out} already exists. Pass --force to overwrite it, or another --out`,
    ]);
    expect(readFileSync(out, "utf8")).toBe("torch==2.1.0\n");
    const forced = runCli(["requirements", root, "--out", out, "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^numpy\s+# imported by train.py:1$/m);
  });

  it("leaves out the paths --exclude names, and prints JSON with --format json", () => {
    const root = repo({
      "train.py": "import numpy\n",
      "experiments/old.py": "import theano\n",
      "vendor/lib/x.py": "import six\n",
    });
    const result = runCli([
      "requirements",
      root,
      "--exclude",
      "experiments/**",
      "--exclude",
      "vendor",
      "--format",
      "json",
    ]);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout) as { repo: string; requirements: Array<Record<string, unknown>> };
    expect(doc.repo).toBe(root);
    expect(doc.requirements).toEqual([
      {
        distribution: "numpy",
        requirement: "numpy",
        specifier: null,
        versionFrom: null,
        importedBy: "train.py:1",
        files: 1,
        optional: false,
      },
    ]);
  });
});
