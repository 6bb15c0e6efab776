import { describe, expect, it } from "vitest";
import { readmeImagePython } from "../../../../src/extract/families/env-spec/readme-images.js";

describe("readmeImagePython", () => {
  it("reads the Python of an NGC release the prose names", () => {
    const [r] = readmeImagePython("README.md", "# x\n\nWe trained inside nvcr.io/nvidia/pytorch:24.04-py3.\n");
    expect(r).toMatchObject({ kind: "python-version", line: 3, value: "3.10" });
  });
  it("a known image whose Python the table leaves out still fixes it", () => {
    const [r] = readmeImagePython("README.md", "docker run -it pytorch/pytorch:2.1.2-cuda12.1-cudnn8-runtime bash\n");
    expect(r).toMatchObject({ kind: "python-version", line: 1, value: null });
  });
  it("ignores a URL's path and images the table does not know", () => {
    expect(
      readmeImagePython("README.md", "See https://example.com/nvidia/pytorch:24.04-py3 and myorg/app:1.0\n"),
    ).toEqual([]);
  });
});
