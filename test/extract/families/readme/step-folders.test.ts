// Folders a README line runs as the steps of its procedure, and which of them hold only placeholders.
import { describe, expect, it } from "vitest";
import { stepFolderRecords } from "../../../../src/extract/families/readme/step-folders.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";

describe("stepFolderRecords", () => {
  const view = memoryView({
    "a/x.py": "1\n",
    "b/.gitkeep": "",
    "c/README.md": "# c\n\nThe C stage.\n",
    "docs/README.md": "",
  });
  it("names each folder of a procedure line, with the placeholders of those that hold nothing else", () => {
    expect(stepFolderRecords(view, "README.md", "Run the steps in a/, b/ and c/.\n", "")).toEqual([
      { kind: "step-folder", file: "README.md", line: 1, name: "a", exists: true },
      { kind: "step-folder", file: "README.md", line: 1, name: "b", exists: true, placeholders: ".gitkeep" },
      { kind: "step-folder", file: "README.md", line: 1, name: "c", exists: true },
    ]);
  });
  it("reads no step in code blocks, in a line of one folder, or in a line of empty folders only", () => {
    expect(
      stepFolderRecords(view, "README.md", "```\nrun a/ b/\n```\nRun a/ first.\nRun b/ then docs/.\n", ""),
    ).toEqual([]);
  });
});
