// data-refs: a README that links the competition, or asks the reader to make a file, names the data's source.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { extractor as readmeExtractor } from "../../../../src/extract/families/readme/index.js";
import { dataSources } from "../../../../src/extract/families/data-refs/sources.js";
import { run } from "../helpers.js";

/** Each read of the repo: [path, where its source is documented]. */
async function documented(files: Record<string, string>): Promise<Array<[unknown, unknown]>> {
  const readme = await run(readmeExtractor, files);
  const records = await run(dataRefs, files, { readme });
  return records.filter((r) => r.kind === "read" || r.kind === "weights").map((r) => [r.path, r.documentedBy]);
}

describe("data-refs: the competition's data named by a link", () => {
  it("a competition page on any host names the source of the data under a configured root", async () => {
    const code =
      "import cv2, os\nimg2 = cv2.imread(os.path.join(opt.dataset_dir, phase, 'Image1', name))\n" +
      "oof = np.load(os.path.join(opt.dataset_dir, 'oof_preds.npy'))\n";
    const readme = "# Clouds\nOur solution to https://tianchi.aliyun.com/competition/entrance/531/introduction\n";
    expect(await documented({ "README.md": readme, "train.py": code })).toEqual([
      ["*/*/Image1/*", "README.md:2"],
      // The pipeline's own array under the root is no download's file.
      ["*/oof_preds.npy", null],
    ]);
    // No competition linked: no source named.
    expect(
      await documented({ "README.md": "# Clouds\nSee https://github.com/u/clouds/challenges/x\n", "train.py": code }),
    ).toEqual([
      ["*/*/Image1/*", null],
      ["*/oof_preds.npy", null],
    ]);
  });

  it("a folder named like the linked competition page holds its data", async () => {
    const files = {
      "README.md": "# Food\n[Challenge](https://www.aicrowd.com/challenges/food-recognition-benchmark)\n",
      "train.py": "import cv2\nimg = cv2.imread('./Dataset/food-recognition-benchmark/images/' + name)\n",
    };
    expect(await documented(files)).toEqual([["./Dataset/food-recognition-benchmark/images/*", "README.md:2"]]);
  });

  it("reads competition pages of the known hosts and a challenge's own site, not a code host's folder", () => {
    const competition = (line: string) =>
      dataSources([{ file: "README.md", text: `# x\n${line}\n` }], [], []).competition;
    expect(competition("Data: https://www.drivendata.org/competitions/44/ai-for-earth/data/")).toBe("README.md:2");
    expect(competition("[AIcrowd](https://www.aicrowd.com/challenges/food-recognition)")).toBe("README.md:2");
    expect(competition("https://kits21.grand-challenge.org/")).toBe("README.md:2");
    expect(competition("https://github.com/u/r/tree/main/challenges/x")).toBeNull();
    expect(competition("https://example.org/blog/post")).toBeNull();
  });

  it("a README sentence asking to create a file by hand documents it; one saying a step creates it does not", async () => {
    const files = {
      "README.md":
        "# x\nBefore inference, create a test_label.csv file with a target field.\nRunning infer.py will create an other_label.csv file.\n",
      "src/infer.py": "import pandas as pd\nt = pd.read_csv('test_label.csv')\nu = pd.read_csv('other_label.csv')\n",
    };
    expect(await documented(files)).toEqual([
      ["test_label.csv", "README.md:2"],
      ["other_label.csv", null],
    ]);
  });

  it("bare file names fenced after a sentence that places the data document those files, whatever the folder", async () => {
    const readme =
      "# x\n## Data\nPut the preliminary and final files into ./src/raw_data/初赛/:\n\n```\nevent_info.json\nuser_info.csv\n```\n";
    const code =
      "import json, os\nj = json.load(open('./raw_data/初赛/event_info.json'))\n" +
      "k = json.load(open(os.path.join(RAW, 'user_info.csv')))\nm = json.load(open('./raw_data/初赛/item_info.json'))\n";
    expect(await documented({ "README.md": readme, "src/main.py": code })).toEqual([
      ["./raw_data/初赛/event_info.json", "README.md:3"],
      ["*/user_info.csv", "README.md:3"],
      ["./raw_data/初赛/item_info.json", null],
    ]);
  });
});
