// README words that say the training or inference code is not in the repository.
import { describe, expect, it } from "vitest";
import { codeAbsentStatements } from "../../../../src/extract/families/readme/code-absent.js";
import { parseReadme } from "../../../../src/extract/shell/readme-parse.js";

const said = (text: string) => codeAbsentStatements(parseReadme(text)).map((s) => [s.line, s.purpose]);

describe("codeAbsentStatements", () => {
  it("reads the README saying the training or inference code is not there", () => {
    expect(said("# Solution\n\nThe training code is not included in this repository.\n")).toEqual([[3, "train"]]);
    expect(said("Training and inference routines are missing.\n")).toEqual([[1, "train"]]);
    expect(said("The inference code will be released soon.\n")).toEqual([[1, "predict"]]);
    expect(said("We do not release the training scripts.\n")).toEqual([[1, "train"]]);
    expect(said("`train.py` is coming soon\n")).toEqual([[1, "train"]]);
  });

  it("reads an unchecked to-do, or an item under a ToDo heading, that names the training", () => {
    expect(said("# Notes\n\n- [ ] add training code\n- [x] inference\n")).toEqual([[3, "train"]]);
    expect(said("## ToDo\n\n- train.py\n- docs\n\n## Usage\n\n- train with care\n")).toEqual([[3, "train"]]);
  });

  it("leaves other absences and the training described alone", () => {
    expect(said("The training data is not included: download it from Kaggle.\n")).toEqual([]);
    expect(said("Pretrained weights will be released.\n")).toEqual([]);
    expect(said("The training code is in src/ and runs with python train.py.\n")).toEqual([]);
    expect(said("```\n# training code is not included\n```\n")).toEqual([]);
  });
});
