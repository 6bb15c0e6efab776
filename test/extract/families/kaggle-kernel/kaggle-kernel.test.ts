// The Kaggle CLI's kernel file read as facts: its code file, data sources and settings, each at its line.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/kaggle-kernel/index.js";
import { run } from "../helpers.js";

const METADATA = `{
  "id": "alice/siim-train",
  "title": "SIIM train",
  "code_file": "notebooks/train.ipynb",
  "language": "python",
  "kernel_type": "notebook",
  "enable_gpu": true,
  "enable_internet": false,
  "dataset_sources": ["alice/siim-png-512"],
  "competition_sources": ["siim-covid19-detection"],
  "kernel_sources": ["bob/siim-folds"]
}`;

describe("kaggle-kernel", () => {
  it("reads the code file, each data source and the settings, at their lines", async () => {
    const records = await run(extractor, {
      "kaggle/kernel-metadata.json": METADATA,
      "kaggle/notebooks/train.ipynb": "{}",
    });
    expect(records).toEqual([
      {
        file: "kaggle/kernel-metadata.json",
        line: 4,
        kind: "code-file",
        value: "kaggle/notebooks/train.ipynb",
        exists: true,
      },
      {
        file: "kaggle/kernel-metadata.json",
        line: 9,
        kind: "dataset-source",
        value: "alice/siim-png-512",
        slug: "siim-png-512",
      },
      {
        file: "kaggle/kernel-metadata.json",
        line: 10,
        kind: "competition-source",
        value: "siim-covid19-detection",
        slug: "siim-covid19-detection",
      },
      {
        file: "kaggle/kernel-metadata.json",
        line: 11,
        kind: "kernel-source",
        value: "bob/siim-folds",
        slug: "siim-folds",
      },
      { file: "kaggle/kernel-metadata.json", line: 7, kind: "gpu", value: true },
      { file: "kaggle/kernel-metadata.json", line: 8, kind: "internet", value: false },
    ]);
  });

  it("reads the code file from the metadata's folder, as the Kaggle CLI does, and says when it is missing", async () => {
    const records = await run(extractor, {
      "k/kernel-metadata.json": '{"code_file": "train.py"}',
      "k/train.py": "",
      "other/kernel-metadata.json": '{"code_file": "gone.ipynb"}',
    });
    expect(records.map((r) => [r.file, r.value, r.exists])).toEqual([
      ["k/kernel-metadata.json", "k/train.py", true],
      ["other/kernel-metadata.json", "other/gone.ipynb", false],
    ]);
  });

  it("skips a file that is not JSON and fields of the wrong type: the repo is untrusted", async () => {
    const records = await run(extractor, {
      "kernel-metadata.json":
        '{"code_file": 3, "dataset_sources": "x/y", "competition_sources": [1, "titanic", "../../etc"], "enable_gpu": "yes"}',
      "a/kernel-metadata.json": "{not json",
    });
    expect(records).toEqual([
      { file: "kernel-metadata.json", line: 1, kind: "competition-source", value: "titanic", slug: "titanic" },
    ]);
  });
});
