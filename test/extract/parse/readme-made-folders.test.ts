import { describe, expect, it } from "vitest";
import { readmeMadeFolder } from "../../../src/extract/parse/readme-made-folders.js";

describe("readmeMadeFolder", () => {
  const readme = [
    "# Docker",
    "1. Create a directory `inputs` in this repository",
    "2. If there is no folder named `weights`, make sure to create an empty directory with this name",
    "3. Put the competition files into `raw/`",
    "4. Run `./build.sh` to build the image",
    "The `libs` folder holds our helpers.",
  ].join("\n");

  it("finds the line that has the user make or fill the folder", () => {
    expect(readmeMadeFolder(readme, "inputs")).toBe(2);
    expect(readmeMadeFolder(readme, "./weights/")).toBe(3);
    expect(readmeMadeFolder(readme, "raw")).toBe(4);
  });

  it("is null for a folder only described, a file, or a name inside another word", () => {
    expect(readmeMadeFolder(readme, "libs")).toBeNull();
    expect(readmeMadeFolder(readme, "inputs.csv")).toBeNull();
    expect(readmeMadeFolder(readme, "build")).toBeNull();
    expect(readmeMadeFolder("Create a directory `inputs_v2`", "inputs")).toBeNull();
  });
});
