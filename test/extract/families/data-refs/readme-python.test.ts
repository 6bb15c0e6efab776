// A README's Python block that writes a file is a step that produces it.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { readmePythonWrites } from "../../../../src/extract/families/data-refs/readme-python.js";
import { run } from "../helpers.js";

const README =
  "# Contrails\n\n## Preprocessing data\n\n```python\nimport pickle\nimport pandas as pd\n\n" +
  "ids = pd.read_json('data/train_metadata.json')\nids.to_pickle('p20/train.pkl')\n" +
  "pickle.dump(ids, open('p20/valid.pkl', 'wb'))\n```\n\n```bash\npython run.py\n```\n";

describe("data-refs: README Python blocks", () => {
  it("reads the files a README's Python block writes, at their README lines", () => {
    expect(readmePythonWrites([{ file: "README.md", text: README }]).map((w) => [w.path, w.by])).toEqual([
      ["p20/train.pkl", "README.md:10"],
      ["p20/valid.pkl", "README.md:11"],
    ]);
  });

  it("takes them as the producer of the training's reads, not of files the block does not write", async () => {
    const records = await run(dataRefs, {
      "README.md": README,
      "run.py":
        "import pandas as pd\ntr = pd.read_pickle('p20/train.pkl')\nva = pd.read_pickle('p20/valid.pkl')\nte = pd.read_pickle('p20/test.pkl')\n",
    });
    expect(records.filter((r) => r.kind === "read").map((r) => [r.path, r.producedBy])).toEqual([
      ["p20/train.pkl", "README.md:10"],
      ["p20/valid.pkl", "README.md:11"],
      ["p20/test.pkl", null],
    ]);
  });
});
