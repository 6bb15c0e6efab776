// data-refs: the competition's own files, however the code reaches them, are documented by the README naming its download.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { run } from "../helpers.js";

/** Each read of the repo: [path, where its source is documented]. */
async function documented(files: Record<string, string>): Promise<Array<[unknown, unknown]>> {
  const records = await run(dataRefs, files);
  return records.filter((r) => r.kind === "read").map((r) => [r.path, r.documentedBy]);
}

describe("data-refs: competition data", () => {
  it("keeps the folder a Path globs under, and documents the competition's images under it", async () => {
    expect(
      await documented({
        "README.md": "# Hotel\nSolution for https://www.kaggle.com/c/hotel-comp\n",
        "predict.py":
          "from pathlib import Path\nimgs = sorted(Path('/kaggle/input/hotel-comp/test_images').glob('*.jpg'))\n" +
          "train = sorted(Path('data/input/train_images/').glob('*/*.jpg'))\n",
      }),
    ).toEqual([
      ["/kaggle/input/hotel-comp/test_images/*.jpg", "README"],
      ["data/input/train_images/*/*.jpg", "README.md:2"],
    ]);
  });

  it("documents the competition's tables and per-class audio once the README names the competition", async () => {
    expect(
      await documented({
        "README.md": "# Birds\nDownload the data of https://www.kaggle.com/competitions/bird-comp first.\n",
        "prep.py":
          "import glob, pandas as pd\nfiles = glob.glob('data/train_audio/*/*.ogg')\n" +
          "meta = pd.read_json('data/validation_metadata.json')\noof = pd.read_csv('data/train_oof_preds.csv')\n" +
          "extra = glob.glob('data/extra_audio/*/*.ogg')\n" +
          "split = pd.read_csv('train_is_validated_without_inference_result.csv')\n",
      }),
    ).toEqual([
      ["data/train_audio/*/*.ogg", "README.md:2"],
      ["data/validation_metadata.json", "README.md:2"],
      ["data/train_oof_preds.csv", null],
      ["data/extra_audio/*/*.ogg", null],
      ["train_is_validated_without_inference_result.csv", null],
    ]);
  });
});
