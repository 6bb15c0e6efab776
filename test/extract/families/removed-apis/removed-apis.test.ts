import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/removed-apis/index.js";
import { extractor as envSpec } from "../../../../src/extract/families/env-spec/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { assembleReport, type AuditRecord } from "../../../../src/evaluate/assemble.js";
import { builtinRulesDir, loadRules } from "../../../../src/evaluate/load-rules.js";
import { notebook, run } from "../helpers.js";

async function facts(files: Record<string, string>) {
  return run(extractor, files, { "env-spec": await run(envSpec, files) });
}

const USES_INT = "import numpy as np\nx = np.zeros(3).astype(np.int)\n";

describe("removed-apis", () => {
  it("breaks with no spec, and says today's release is what a stranger gets", async () => {
    expect(await facts({ "train.py": USES_INT })).toEqual([
      expect.objectContaining({
        file: "train.py",
        line: 2,
        api: "numpy.int",
        written: "np.int",
        package: "numpy",
        removedIn: "1.24",
        breaks: true,
        environment: "no spec names numpy, so a fresh install gets today's numpy",
      }),
    ]);
  });

  it("passes an exact pin before the removal, and breaks one after it", async () => {
    const [before] = await facts({ "requirements.txt": "numpy==1.19.5\n", "train.py": USES_INT });
    expect(before).toMatchObject({ breaks: false, environment: "requirements.txt:1 pins numpy==1.19.5" });
    const [after] = await facts({ "requirements.txt": "numpy==1.26.4\n", "train.py": USES_INT });
    expect(after).toMatchObject({ breaks: true, environment: "requirements.txt:1 pins numpy==1.26.4" });
  });

  it("breaks a range with no bound below the removal and an unpinned line", async () => {
    const [range] = await facts({ "requirements.txt": "numpy>=1.20\n", "train.py": USES_INT });
    expect(range).toMatchObject({ breaks: true });
    const [bare] = await facts({ "requirements.txt": "numpy\n", "train.py": USES_INT });
    expect(bare).toMatchObject({
      breaks: true,
      environment: "requirements.txt:1 leaves numpy unpinned, so a fresh install gets today's numpy",
    });
  });

  it("takes a version the README states where no spec names the package", async () => {
    const [r] = await facts({ "README.md": "Tested with numpy 1.18.1 and torch 1.4.\n", "train.py": USES_INT });
    expect(r).toMatchObject({ breaks: false, environment: "README.md:1 states numpy 1.18.1" });
  });

  it("passes what a removal undid later (np.bool is back in NumPy 2.0) unless a pin holds the gap", async () => {
    const code = "import numpy as np\nm = np.zeros(2, dtype=np.bool)\n";
    expect(await facts({ "train.py": code })).toEqual([expect.objectContaining({ breaks: false })]);
    const [held] = await facts({ "requirements.txt": "numpy==1.26.4\n", "train.py": code });
    expect(held).toMatchObject({ breaks: true, restoredIn: "2.0" });
  });

  it("reads a notebook at its cell, and leaves out every use of a name the repo sets itself", async () => {
    const [r] = await facts({
      "nb.ipynb": notebook("import numpy as np", "y = np.float(3)"),
      "requirements.txt": "Pillow<10\n",
    });
    expect(r).toMatchObject({ file: "nb.ipynb", cell: 2, cellLine: 1, api: "numpy.float" });
    expect(
      await facts({ "a.py": "import numpy as np\nnp.float = float\n", "b.py": "import numpy as np\nnp.float(1)\n" }),
    ).toEqual([]);
  });
});

async function findings(files: Record<string, string>) {
  const all = await extractFacts(memoryView(files), STATIC_EXTRACTORS, { branches: null });
  const record: AuditRecord = {
    schemaVersion: 1,
    tool: { name: "repro-audit", version: "0" },
    generatedAt: "2025-01-01T00:00:00Z",
    repo: { url: "/r", kind: "folder", commit: null, ref: null, branches: [] },
    stages: { static: { status: "ran" }, build: { status: "skipped" }, epoch: { status: "skipped" } },
    suppressions: { inline: [], repoTrusted: true, suppressed: 0 },
    notes: [],
  };
  const rules = loadRules([builtinRulesDir()]).filter((r) => r.id === "environment-removed-apis-pinned");
  return assembleReport(record, all, rules).findings;
}

describe("removed-apis beyond module paths", () => {
  it("reads removed keywords, hooks and pandas-only attributes against each package's pin", async () => {
    const files = {
      "requirements.txt": "lightgbm\npytorch-lightning==1.9.5\npandas>=1.0\n",
      "gbm.py": "import lightgbm as lgb\nm = lgb.LGBMRegressor()\nm.fit(X, y, early_stopping_rounds=50)\n",
      "model.py":
        "import pytorch_lightning as pl\nclass M(pl.LightningModule):\n    def validation_epoch_end(self, outs):\n        pass\n",
      "prep.py": "import pandas as pd\nX = pd.read_csv('x.csv').as_matrix()\n",
    };
    expect((await facts(files)).map((r) => [r.file, r.line, r.api, r.breaks])).toEqual([
      ["gbm.py", 3, "lightgbm.LGBMModel.fit(early_stopping_rounds=)", true],
      ["model.py", 3, "pytorch_lightning.LightningModule.validation_epoch_end", false],
      ["prep.py", 2, "pandas.DataFrame.as_matrix", true],
    ]);
  });
});

describe("environment-removed-apis-pinned on and off the rerun plan", () => {
  it("is a warning where the README's step runs a file, and a note where no step reaches any of its files", async () => {
    const report = {
      findings: await findings({
        "README.md": "# Solution\n\n```bash\npython train.py\n```\n",
        "train.py": USES_INT,
        "eda.py": "import numpy as np\nfrom PIL import Image\nprint(np.float(2), Image.ANTIALIAS)\n",
      }),
    };
    expect(report.findings.map((f) => [f.values.package, f.file, f.line, f.severity, f.plan])).toEqual([
      ["numpy", "train.py", 2, "warning", "on"],
      ["pillow", "eda.py", 3, "info", "off"],
    ]);
  });

  it("is one finding however many files use a removed API, the files on the plan first", async () => {
    const joblib = "from sklearn.externals import joblib\nm = joblib.load('m.pkl')\n";
    const [one, ...rest] = await findings({
      "README.md": "# Solution\n\n```bash\npython predict.py\n```\n",
      "requirements.txt": "scikit-learn\n",
      "a_eda.py": joblib,
      "b_eda.py": joblib,
      "predict.py": `import numpy as np\n${joblib}`,
    });
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ file: "predict.py", plan: "on", severity: "warning" });
    expect(one!.message).toMatch(
      /^scikit-learn removed an API this code uses: sklearn\.externals\.joblib in 0\.23 \(predict\.py:2 and 2 more files\); /,
    );
    expect(one!.locations.map((l) => l.file)).toEqual(["predict.py", "a_eda.py", "b_eda.py"]);
  });
});

describe("environment-removed-apis-pinned: one finding per library", () => {
  const LIGHTNING = {
    "README.md": "# Solution\n\n```bash\npython train.py\n```\n",
    "requirements.txt": "pytorch-lightning\n",
    "eda.py":
      "import pytorch_lightning as pl\nclass M(pl.LightningModule):\n    def test_epoch_end(self, outs):\n        pass\n",
    "train.py": "import pytorch_lightning as pl\nt = pl.Trainer(gpus=1, resume_from_checkpoint='last.ckpt')\n",
  };

  it("names every removed API of an unpinned library in one finding, its places on the plan first", async () => {
    const [one, ...rest] = await findings(LIGHTNING);
    expect(rest).toEqual([]);
    expect(one).toMatchObject({ file: "train.py", line: 2, plan: "on", severity: "warning" });
    expect(one!.message).toBe(
      "pytorch-lightning removed 3 APIs this code uses: Trainer(gpus=) in 2.0 (train.py:2), " +
        "Trainer(resume_from_checkpoint=) in 2.0 (train.py:2), LightningModule.test_epoch_end in 2.0 (eda.py:3); " +
        "requirements.txt:1 leaves pytorch-lightning unpinned, so a fresh install gets today's pytorch-lightning " +
        "(see https://lightning.ai/docs/pytorch/stable/home/migration_guide/from_1_8, " +
        "https://github.com/Lightning-AI/pytorch-lightning/pull/16520)",
    );
    expect(one!.fix).toMatch(/^Pin pytorch-lightning<2\.0 /);
    expect(one!.locations.map((l) => `${l.file}:${l.line}`)).toEqual(["train.py:2", "eda.py:3"]);
  });

  it("pins below the earliest removal, and leaves out the names the pin keeps", async () => {
    const code = "import numpy as np\nx = np.float_(1)\ny = np.zeros(2).astype(np.int)\n";
    const [free] = await findings({ "requirements.txt": "numpy\n", "train.py": code });
    expect(free!.message).toMatch(
      /^numpy removed 2 APIs this code uses: numpy\.float_ in 2\.0 \(train\.py:2\), numpy\.int in 1\.24 \(train\.py:3\); /,
    );
    expect(free!.fix).toMatch(/^Pin numpy<1\.24 /);
    const [pinned, ...rest] = await findings({ "requirements.txt": "numpy==1.26.4\n", "train.py": code });
    expect(rest).toEqual([]);
    expect(pinned).toMatchObject({ line: 3, locations: [{ file: "train.py", line: 3 }] });
    expect(pinned!.message).toMatch(/^numpy removed an API this code uses: numpy\.int in 1\.24 \(train\.py:3\); /);
  });

  it("is one finding with one place for two removed keywords of one call", async () => {
    const found = await findings({
      "requirements.txt": "lightgbm\n",
      "train.py": "import lightgbm as lgb\nb = lgb.train(p, d, early_stopping_rounds=50, verbose_eval=10)\n",
    });
    expect(found.map((f) => [f.values.apiCount, f.locations.length, f.values.pinBelow])).toEqual([[2, 1, "4.0"]]);
    expect(found[0]!.fix).toContain(
      "callbacks=[lightgbm.early_stopping(N)] for lightgbm.train(early_stopping_rounds=)",
    );
  });
});
