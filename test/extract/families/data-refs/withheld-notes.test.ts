// data-refs: README sentences that say the data is not provided, and whether the repo names a source for it.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { extractor as readmeExtractor } from "../../../../src/extract/families/readme/index.js";
import { withheldNotes } from "../../../../src/extract/families/data-refs/withheld-notes.js";
import { run } from "../helpers.js";

const said = (text: string) => withheldNotes(text).map((n) => n.said);

describe("withheldNotes", () => {
  it("reads the ways a README says the data is not provided", () => {
    expect(said("The original competition data and images are not included.")).toEqual([
      "original competition data and images are not included",
    ]);
    expect(said("Note: the dataset cannot be shared because of its licence.")).toEqual(["dataset cannot be shared"]);
    expect(said("The images are not publicly available")).toEqual(["images are not publicly available"]);
    expect(said("The competition data has been removed from Kaggle.")).toEqual([
      "competition data has been removed from Kaggle",
    ]);
    expect(said("Training data isn't redistributed here.")).toEqual(["Training data isn't redistributed"]);
    expect(said("Please contact the organisers to request the data.")).toEqual([
      "contact the organisers to request the data",
    ]);
  });

  it("leaves weights alone, and data the sentence does not withhold", () => {
    expect(said("Pretrained weights are not included.")).toEqual([]);
    expect(said("Model weights trained on the competition data are not provided.")).toEqual([]);
    expect(said("We removed duplicate images from the training set.")).toEqual([]);
    expect(said("Put the data in data/, the weights are not included.")).toEqual([]);
    expect(said("The data is included under data/.")).toEqual([]);
    expect(said("Data augmentation is not included in this version.")).toEqual([]);
    expect(said("The images folder is not provided; create it.")).toEqual([]);
    expect(said("Private test labels are not provided by the host.")).toEqual([]);
  });
});

describe("data-refs: data the README withholds", () => {
  const withheld = async (files: Record<string, string>) =>
    (await run(dataRefs, files, { readme: await run(readmeExtractor, files) }))
      .filter((r) => r.kind === "data-withheld")
      .map((r) => [r.file, r.line, r.source]);

  it("records the sentence, with no source when the repo names none", async () => {
    expect(
      await withheld({ "README.md": "# s\n\nThe competition data is not included.\n", "train.py": "x = 1\n" }),
    ).toEqual([["README.md", 3, null]]);
  });

  it("records the source a link or a download step names", async () => {
    expect(
      await withheld({
        "README.md":
          "# s\n\nThe competition data is not included.\n\n```\nkaggle competitions download -c some-challenge\n```\n",
      }),
    ).toEqual([["README.md", 3, "README.md:6"]]);
    expect(
      await withheld({
        "README.md": "# s\n\nThe data is not distributed; it is at https://zenodo.org/records/123.\n",
      }),
    ).toEqual([["README.md", 3, "README.md:3"]]);
  });

  it("takes a weights download for no source of the data", async () => {
    expect(
      await withheld({
        "README.md": "# s\n\nThe data is not included.\n\n```\nwget https://example.org/model.pth\n```\n",
      }),
    ).toEqual([["README.md", 3, null]]);
  });
});

describe("withheldNotes: where the sentence stands", () => {
  it("reads a sentence wrapped over its paragraph's lines, at the line of its first words, and no code block", () => {
    expect(withheldNotes("# s\n\nNote that the competition\ndata is not included.\n")).toEqual([
      { line: 3, said: "competition data is not included" },
    ]);
    expect(withheldNotes("```\necho 'data is not included'\n```\n")).toEqual([]);
    expect(withheldNotes("- weights: ok\n- the images are not included\n")).toEqual([
      { line: 2, said: "images are not included" },
    ]);
  });
});
