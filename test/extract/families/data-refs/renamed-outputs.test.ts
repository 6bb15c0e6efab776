// A later step reads a file under a name no step writes, beside the name an earlier step does write: the
// folder a shared constant names (resolved through the import), and a merge that reads a list of file names.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf } from "../rerun-plan/plan-repo.js";

const README = (steps: string) => `# S\n\n\`\`\`bash\n${steps}\n\`\`\`\n`;
const RULE = "datasets-checkpoint-names-agree";
const readsOf = async (files: Record<string, string>) =>
  (await familyOf(files, "data-refs"))
    .filter((r) => r.kind === "read")
    .map((r) => [r.file, r.line, r.producedBy, r.writtenAs ?? null]);

describe("a shared folder constant on both sides: CONSTANT + 'name'", () => {
  const files = (readName: string) => ({
    "README.md": README("cd code\npython a01.py\npython a02.py"),
    "requirements.txt": "pandas==2.0.0\n",
    "code/common.py": "OUTPUT_PATH = '../modified_data/'\nFEATURES_PATH = '../features/'\n",
    "code/a01.py":
      "import pickle\nimport pandas as pd\nfrom common import *\nfor part in range(4):\n" +
      "    pickle.dump([part], open(OUTPUT_PATH + 'hashes_train_uncompressed_part_{}.pklz'.format(part), 'wb'))\n" +
      "pd.DataFrame().to_csv(FEATURES_PATH + 'get_zf_x_test.csv')\n",
    "code/a02.py":
      "import pickle\nimport pandas as pd\nfrom common import *\n" +
      `h = pickle.load(open(OUTPUT_PATH + '${readName}', 'rb'))\nx = pd.read_csv(FEATURES_PATH + 'zf_x_test.csv')\n`,
  });

  it("reports each read under a name no step writes, naming the near name written there", async () => {
    expect(await readsOf(files("hashes_train_part_0.pklz"))).toEqual([
      ["code/a02.py", 4, null, "../modified_data/hashes_train_uncompressed_part_*.pklz (code/a01.py:5)"],
      // Not made by `*get_zf_x_test.csv`: the root is known, and the name written is another.
      ["code/a02.py", 5, null, "../features/get_zf_x_test.csv (code/a01.py:6)"],
    ]);
    const findings = await findingsOf(files("hashes_train_part_0.pklz"), [RULE]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      [RULE, "code/a02.py", 4],
      [RULE, "code/a02.py", 5],
    ]);
  });

  it("is quiet for the name the step writes", async () => {
    const reads = await readsOf(files("hashes_train_uncompressed_part_0.pklz"));
    expect(reads[0]).toEqual(["code/a02.py", 4, "code/a01.py:5", null]);
  });
});

describe("a merge over a literal list of file names", () => {
  const files = (names: string) => ({
    "README.md": README("python train.py\npython merge.py"),
    "requirements.txt": "pandas==2.0.0\n",
    "train.py":
      "import pandas as pd\nfor fold in range(2):\n    pd.DataFrame().to_csv('submission_fold%d.csv' % fold)\n",
    "merge.py": `import pandas as pd\ndfs = []\nfor f in [${names}]:\n    dfs.append(pd.read_csv(f))\n`,
  });

  it("reports the names an integer field of the writer cannot make", async () => {
    const findings = await findingsOf(files("'submission_fold1_best.csv', 'submission_fold2_best.csv'"), [RULE]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([[RULE, "merge.py", 4]]);
    expect(await readsOf(files("'submission_fold1_best.csv', 'submission_fold2_best.csv'"))).toEqual([
      ["merge.py", 4, null, "submission_fold*.csv (train.py:3)"],
    ]);
  });

  it("is quiet for the names the writer makes", async () => {
    expect(await findingsOf(files("'submission_fold0.csv', 'submission_fold1.csv'"), [RULE])).toEqual([]);
  });
});
