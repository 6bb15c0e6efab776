// Reads of library calls beyond pandas and open: gensim's loaders, and shutil's copies, which read their source.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

describe("data-refs: gensim loads and shutil copies", () => {
  it("reports a gensim model and a copied config neither committed nor written; an object's copy reads nothing", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npython run.py\n```\n",
        "run.py":
          "import copy\nimport shutil\nimport pandas as pd\nfrom gensim.models import KeyedVectors, Word2Vec\n" +
          "kv = KeyedVectors.load_word2vec_format('emb/vectors.txt', binary=False)\n" +
          "m = Word2Vec.load('emb/w2v.model')\n" +
          "shutil.copy('configs/odd.yaml', 'out/')\n" +
          "shutil.copyfile('configs/base.yaml', 'out/base.yaml')\n" +
          "df = pd.DataFrame()\nd2 = df.copy()\nc = copy.copy('configs/none.yaml')\n",
        "configs/base.yaml": "lr: 1\n",
      },
      ["datasets-data-available"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "run.py", 5],
      ["datasets-data-available", "run.py", 6],
      ["datasets-data-available", "run.py", 7],
    ]);
  });
});
