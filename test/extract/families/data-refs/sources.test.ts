import { describe, expect, it } from "vitest";
import { dataSources, documentedBy } from "../../../../src/extract/families/data-refs/sources.js";

describe("documented data sources", () => {
  it("reads the folders a README tells a reader to fill, the Kaggle slugs it names and a data package link", () => {
    const sources = dataSources(
      [
        {
          file: "README.md",
          text:
            "3. Download the competition data from [here](https://www.kaggle.com/c/rsna-miccai-brain-tumor/data) and place the downloaded files in the `input` folder.\n" +
            "2. Download the raw data and place the zip file `rsna.zip` in subdirectory `./data/raw/`.\n" +
            "Download RICORD data and extract into external_data/MIDRC/. unzip test data into data_test folder\n",
        },
      ],
      ["kaggle datasets download -d alice/extra-${size} -p data/extra"],
      [{ path: "data/extra", by: "README.md:9" }],
    );
    expect(sources.folders.map((f) => [f.at.segs.join("/"), f.by])).toEqual([
      ["input", "README.md:1"],
      ["data/raw", "README.md:2"],
      ["external_data/MIDRC", "README.md:3"],
      ["data_test", "README.md:3"],
      ["data/extra", "README.md:9"],
    ]);
    expect([...sources.slugs]).toEqual(["rsna-miccai-brain-tumor", "extra-${size}"]);
    expect(sources.competition).toBe("README.md:1");
    expect(documentedBy(sources, "../input/train_labels.csv", "working/create_folds.py", false)).toBe("README.md:1");
    expect(documentedBy(sources, "../input/extra-512/x.csv", "nb.ipynb", true)).toBe("README");
    expect(documentedBy(sources, "../input/own-weights/w.h5", "nb.ipynb", true)).toBeNull();
    expect(documentedBy(sources, "/data/input/dataset1024/x.png", "src/data.py", false)).toBeNull();
    expect(documentedBy(sources, "features/x.pkl", "nb.ipynb", true)).toBeNull();
  });

  it("reads a quoted folder before 'directory' in a sentence that downloads the linked data into it", () => {
    const text =
      "### Downloading dataset\n- Training and test data can be downloaded from [the challenge](https://example.org/competitions/1/data).\n" +
      "- We assume that you appropriately downloaded the dataset into 'data' directory.\n";
    const sources = dataSources([{ file: "README.md", text }], [], []);
    expect(sources.folders.map((f) => [f.at.segs.join("/"), f.by])).toEqual([["data", "README.md:3"]]);
    expect(documentedBy(sources, "data/train.csv", "train.py", false)).toBe("README.md:3");
    expect(documentedBy(sources, "data/mol_files/train_set/x.mol", "src/prep.py", false)).toBe("README.md:3");
    // A quoted word that is no folder of the sentence is none.
    const plain = dataSources([{ file: "README.md", text: "Put the files into the 'right' place.\n" }], [], []);
    expect(plain.folders).toEqual([]);
  });

  it("documents a machine path under the absolute folder the README downloads the competition data to", () => {
    const text =
      "## Data\nAfter downloading the competition data to /mnt/comp/data, run the scripts below.\n" +
      "Weights are cached in `/mnt/comp/cache/` by each run.\n";
    const sources = dataSources([{ file: "README.md", text }], [], []);
    expect(documentedBy(sources, "/mnt/comp/data/birdclef/train_metadata.csv", "prep.py", false)).toBe("README.md:2");
    expect(documentedBy(sources, "/mnt/comp/data/birdclef/train_audio/*/*.ogg", "prep.py", false)).toBe("README.md:2");
    // Not under it, or the pipeline's own artefact there: no download gives those.
    expect(documentedBy(sources, "/mnt/comp/models/best.pth", "prep.py", false)).toBeNull();
    expect(documentedBy(sources, "/mnt/comp/data/oof_preds.csv", "prep.py", false)).toBeNull();
    expect(documentedBy(sources, "/mnt/comp/database/x.csv", "prep.py", false)).toBeNull();
  });

  it("reads a folder written as a bare ./path in a download sentence", () => {
    const sources = dataSources(
      [
        {
          file: "README.md",
          text: "Please download data to ./input from https://www.kaggle.com/c/some-comp/data and unzip it.\nSave it under ./models/best.pth or ./cache.\n",
        },
      ],
      [],
      [],
    );
    expect(sources.folders.map((f) => [f.at.segs.join("/"), f.by])).toEqual([
      ["input", "README.md:1"],
      ["cache", "README.md:2"],
    ]);
    expect(documentedBy(sources, "input/fMRI_train/*", "", false)).toBe("README.md:1");
  });

  it("counts a linked data package for the relative paths the code reads", () => {
    const sources = dataSources(
      [
        {
          file: "README.md",
          text: "[You can download the whole package](https://www.dropbox.com/s/q/x.zip?dl=0) with training data and weights.\n",
        },
      ],
      [],
      [],
    );
    expect(documentedBy(sources, "data/labels_all/1.png", "victor/create_masks.py", false)).toBe("README.md:1");
    // A machine path under it: the package is its source (the path is paths-portable's finding).
    expect(documentedBy(sources, "D:\\tmp\\x.png", "a.py", false)).toBe("README.md:1");
    expect(documentedBy(sources, "/kaggle/input/other/x.csv", "a.py", false)).toBeNull();
  });
  it("counts the entries of a directory tree the README draws, not its generic folder names", () => {
    const text =
      "```\ndata/\n├── cmmd\n│   └── Radiology manual annotations.xlsx  # from TCIA\n└── train\n```\n\nThe scans come from https://www.cancerimagingarchive.net/collection/cmmd/\n";
    const sources = dataSources([{ file: "README.md", text }], [], []);
    expect(documentedBy(sources, "/mnt/data/cmmd/D1-0001.dcm", "prep.py", false)).toBe("README.md:3");
    expect(documentedBy(sources, "../x/Radiology manual annotations.xlsx", "prep.py", false)).toBe("README.md:4");
    expect(documentedBy(sources, "/mnt/elsewhere/train/a.png", "prep.py", false)).toBeNull();
    // The pipeline's own pickle under a folder named like a tree entry is no file of the data.
    expect(documentedBy(sources, "data/processed/cmmd/*/train_new_206.pkl", "train.py", false)).toBeNull();
  });
  it("counts a tree's entries only where some source is named: a link, a Kaggle slug or a download command", () => {
    const text = "```\ndata/\n├── cmmd\n│   └── annotations.xlsx\n```\n";
    expect(
      documentedBy(dataSources([{ file: "README.md", text }], [], []), "data/cmmd/a.dcm", "prep.py", false),
    ).toBeNull();
    expect(
      documentedBy(
        dataSources([{ file: "README.md", text }], ["python train.py"], []),
        "data/cmmd/a.dcm",
        "prep.py",
        false,
      ),
    ).toBeNull();
    expect(
      documentedBy(
        dataSources([{ file: "README.md", text }], ["wget -q https://x.org/cmmd.zip"], []),
        "data/cmmd/a.dcm",
        "prep.py",
        false,
      ),
    ).toBe("README.md:3");
  });
  it("counts a folder listed bare under a heading about the data whose section links the data's page", () => {
    const text =
      "# X\n\n## Dataset\n\nSee https://www.kaggle.com/datasets/alice/sensors\n\n- `data/raw/`\ninput/extra.csv\n\n## Usage\n\nout/\n";
    const sources = dataSources([{ file: "README.md", text }], [], []);
    expect(documentedBy(sources, "data/raw/a.parquet", "prep.py", false)).toBe("README.md:7");
    expect(documentedBy(sources, "input/other.csv", "prep.py", false)).toBe("README.md:8");
    expect(documentedBy(sources, "out/a.csv", "prep.py", false)).toBeNull();
  });
  it("counts a data link in a note beside the code when the read is named like its data set", () => {
    const note = {
      file: "data/download.txt",
      text: "extra set:\nhttps://www.kaggle.com/datasets/alice/chat-arena-33k-dedup/data\nfeedback:\nhttps://huggingface.co/datasets/bob/pref-ultrafeedback\n",
    };
    const sources = dataSources([{ file: "README.md", text: "# X\n" }], [], [], [note]);
    expect(documentedBy(sources, "./input/arena-33k/arena-33k-clean.csv", "train.py", false)).toBe(
      "data/download.txt:2",
    );
    expect(documentedBy(sources, "input/ultrafeedback.parquet", "prep.py", false)).toBe("data/download.txt:4");
    // Role words, a short model name and the pipeline's own artefacts match no link.
    expect(documentedBy(sources, "input/train.csv", "prep.py", false)).toBeNull();
    expect(documentedBy(sources, "input/private-labels.csv", "prep.py", false)).toBeNull();
    expect(documentedBy(sources, "input/ultrafeedback_folds.csv", "prep.py", false)).toBeNull();
    // Without the note the links are unknown.
    expect(
      documentedBy(
        dataSources([{ file: "README.md", text: "# X\n" }], [], []),
        "input/ultrafeedback.parquet",
        "p.py",
        false,
      ),
    ).toBeNull();
  });
  it("counts a file a README lists with its origin, and a Kaggle dataset it downloads for a configured root", () => {
    const text =
      "CONTENTS\nInput/a/test.csv.zip   :original kaggle test data\nInput/a/cluster.csv : our clusters\n\nDownload [it](https://www.kaggle.com/datasets/alice/scrolls-split) and extract into the /data folder.\n";
    const sources = dataSources([{ file: "README.md", text }], [], []);
    expect(documentedBy(sources, "Input/a/test.csv.zip", "blend.py", false)).toBe("README.md:2");
    expect(documentedBy(sources, "Input/a/cluster.csv", "blend.py", false)).toBeNull();
    expect(sources.datasetDownload).toBe("README.md:5");
  });
  it("takes `add <files> into the directory data` as placing data in data/", () => {
    const text = "3. Add train.parquet, id_map.csv and sample_submission.csv into the directory `data`\n";
    const sources = dataSources([{ file: "README.md", text }], [], []);
    expect(documentedBy(sources, "./data/id_map.csv", "predict.py", false)).toBe("README.md:1");
  });
  it("reads a placing sentence of 100,000 characters in linear time", () => {
    const t0 = Date.now();
    dataSources([{ file: "README.md", text: `Put it in ${"a.".repeat(50_000)}` }], [], []);
    expect(Date.now() - t0, "a hang guard, not a speed target: quadratic took minutes").toBeLessThan(20_000);
  });
});
