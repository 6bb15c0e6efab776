// Fetch lines found by one search over a script's whole text: the same lines, numbers and texts as a
// line-by-line test, including matches that could only span lines.
import { describe, expect, it } from "vitest";
import { emptyFacts } from "../../../../src/model/facts.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { fetchLines } from "../../../../src/extract/families/data-refs/fetch-commands.js";

describe("fetchLines", () => {
  it("finds each fetching line once, at its number, and no match spanning two lines", () => {
    const script = [
      "#!/bin/bash",
      "kaggle competitions download -c comp-0 && kaggle datasets download -d a/b",
      "aws",
      "  s3 cp data .",
      "echo done",
      "wget https://x/y.zip\r",
      "",
      "git lfs pull; curl -O z",
      "aws s3 sync . s3://bucket",
    ].join("\n");
    const lines = fetchLines(memoryView({ "get.sh": script }), emptyFacts());
    expect(lines).toEqual([
      { file: "get.sh", line: 2, text: "kaggle competitions download -c comp-0 && kaggle datasets download -d a/b" },
      { file: "get.sh", line: 6, text: "wget https://x/y.zip" },
      { file: "get.sh", line: 8, text: "git lfs pull; curl -O z" },
      { file: "get.sh", line: 9, text: "aws s3 sync . s3://bucket" },
    ]);
  });

  it("reads notebook sources as written in the JSON", () => {
    const nb = JSON.stringify(
      { cells: [{ cell_type: "code", source: ["!kaggle datasets download -d o/d\n", "x = 1\n"] }] },
      null,
      1,
    );
    expect(fetchLines(memoryView({ "a.ipynb": nb }), emptyFacts()).map((l) => [l.line, l.text])).toEqual([
      [6, "!kaggle datasets download -d o/d"],
    ]);
  });
});
