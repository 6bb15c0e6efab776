// kagglehub's downloads in code fetch a Kaggle source as `kaggle datasets download` does in a shell: reads under
// the folder the call returns are sourced, and the slug is a named source; a read under any other root is not.
import { describe, expect, it } from "vitest";
import { kagglehubDownloads } from "../../../../src/extract/families/data-refs/kagglehub.js";
import { familyOf, findingsOf } from "../rerun-plan/plan-repo.js";

const README = "# S\n\n```bash\npip install -r requirements.txt\npython train.py\n```\n";
const SPEC = "pandas==2.1.0\nkagglehub==0.3.0\n";

describe("kagglehubDownloads", () => {
  it("reads each download's kind, slug and the name its folder is bound to", () => {
    const text =
      "import kagglehub\nfrom pathlib import Path\n" +
      "root = kagglehub.dataset_download('owner/extra-images')\n" +
      "comp = Path(kagglehub.competition_download(handle='some-comp'))\n" +
      'kagglehub.model_download("owner/net/pyTorch/base")\n';
    expect(kagglehubDownloads(text)).toEqual([
      { line: 3, kind: "kaggle-dataset", slug: "owner/extra-images", name: "root" },
      { line: 4, kind: "kaggle-competition", slug: "some-comp", name: "comp" },
      { line: 5, kind: "kaggle-model", slug: "owner/net/pyTorch/base" },
    ]);
  });

  it("takes a bare dataset_download only where it is imported from kagglehub", () => {
    expect(kagglehubDownloads("import kagglehub\nd = dataset_download('o/ds')\n")).toEqual([]);
    expect(kagglehubDownloads("from kagglehub import dataset_download\nd = dataset_download('o/ds')\n")).toEqual([
      { line: 2, kind: "kaggle-dataset", slug: "o/ds", name: "d" },
    ]);
  });
});

describe("data-refs: kagglehub downloads", () => {
  it("reads under the returned folder are fetched; a read under another root stays unsourced", async () => {
    const files = {
      "README.md": README,
      "requirements.txt": SPEC,
      "train.py":
        "import os\nimport kagglehub\nimport pandas as pd\n" +
        "root = kagglehub.dataset_download('someone/extra-images')\n" +
        "extra = pd.read_csv(os.path.join(root, 'extra_labels.csv'))\n" +
        "meta = pd.read_csv(root + '/meta_table.csv')\n" +
        "other = pd.read_csv(os.path.join(elsewhere, 'other_table.csv'))\n",
    };
    const findings = await findingsOf(files, ["datasets-data-available", "datasets-inputs-produced"]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "train.py", 7],
    ]);
    const records = await familyOf(files, "data-refs");
    expect(records.filter((r) => r.kind === "kaggle-dataset").map((r) => [r.slug, r.fetched])).toEqual([
      ["someone/extra-images", true],
    ]);
  });

  it("a notebook's download is located at its cell (0-based, as the line map counts)", async () => {
    const nb = JSON.stringify({
      cells: ["import kagglehub\n", "path = kagglehub.competition_download('some-comp')\n"].map((c) => ({
        cell_type: "code",
        metadata: {},
        execution_count: null,
        outputs: [],
        source: [c],
      })),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const records = await familyOf({ "README.md": README, "main.ipynb": nb }, "data-refs");
    expect(records.filter((r) => r.kind === "kaggle-competition").map((r) => [r.slug, r.cell, r.fetched])).toEqual([
      ["some-comp", 1, true],
    ]);
  });
});
