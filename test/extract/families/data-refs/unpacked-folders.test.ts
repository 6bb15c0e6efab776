// Files inside an archive a documented download unpacks: a read under the folder it fills is fetched when the
// archive is named like that folder, and a note naming the unpack where it is named otherwise.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf } from "../rerun-plan/plan-repo.js";
import { unpacksIn, unpackedFrom } from "../../../../src/extract/families/data-refs/unpacked-folders.js";

const SETUP =
  "#!/usr/bin/env bash\nmkdir datasets\n" +
  "kaggle datasets download -d someone/word-lists\nunzip word-lists.zip -d ./datasets/word-lists\n" +
  "kaggle datasets download -d someone/soft-labels\nunzip soft-labels.zip -d ./datasets/soft-labels-v2\n";

describe("data-refs: unpacked folders", () => {
  it("reads unzip and tar targets, the current folder as null, only in a text that downloads", () => {
    expect(unpacksIn("get.sh", SETUP).map((u) => [u.folder, u.archive, u.by])).toEqual([
      ["datasets/word-lists", "word-lists", "get.sh:4"],
      ["datasets/soft-labels-v2", "soft-labels", "get.sh:6"],
    ]);
    expect(
      unpacksIn("g.sh", "wget https://h/x/pack.tar.gz\ntar -xzf pack.tar.gz -C raw\nunzip -q other.zip\n").map((u) => [
        u.folder,
        u.archive,
      ]),
    ).toEqual([
      ["raw", "pack"],
      [null, "other"],
    ]);
    expect(unpacksIn("u.sh", "unzip shipped.zip -d data\n")).toEqual([]);
  });

  it("places a read under the folder's run of segments, conclusive only for a same-named archive", () => {
    const unpacks = unpacksIn("sub/get.sh", SETUP);
    expect(unpackedFrom("../datasets/word-lists/a/b.json", unpacks)).toEqual({ by: "sub/get.sh:4", conclusive: true });
    expect(unpackedFrom("../datasets/soft-labels-v2/f/fold0.csv", unpacks)).toEqual({
      by: "sub/get.sh:6",
      conclusive: false,
    });
    expect(unpackedFrom("../datasets/other/b.json", unpacks)).toBeNull();
    expect(unpackedFrom("/abs/datasets/word-lists/b.json", unpacks)).toBeNull();
  });

  it("drops the finding for a same-named archive's file and notes the other archive's", async () => {
    const files = {
      // Run from the root, the unzips fill datasets/ there, not the sub/datasets/ the code's `..` names: only
      // the folder's name ties the reads to them.
      "README.md": "# S\n\n```\nbash sub/setup.sh\n```\n\n```\ncd sub/code\npython train.py\n```\n",
      "sub/setup.sh": SETUP,
      "sub/code/train.py":
        "import json\nimport pandas as pd\n" +
        "words = json.load(open('../datasets/word-lists/lists/cohesion.json'))\n" +
        "labels = pd.read_csv('../datasets/soft-labels-v2/folds/fold0_labels.csv')\n" +
        "extra = pd.read_csv('../datasets/unlisted/extra.csv')\n",
    };
    const findings = await findingsOf(files, ["datasets-data-available"]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "sub/code/train.py", 4],
      ["datasets-data-available", "sub/code/train.py", 5],
    ]);
    // The other archive's file is a note naming the unpack (infoWhen); the unlisted file stays a finding.
    const reads = (await familyOf(files, "data-refs")).filter((r) => r.kind === "read");
    expect(reads.map((r) => [r.line, r.fetched, r.unpackedBy])).toEqual([
      [3, true, undefined],
      [4, false, "sub/setup.sh:6"],
      [5, false, undefined],
    ]);
  });
});
