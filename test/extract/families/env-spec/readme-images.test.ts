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

describe("the Python an image's tag names in a README", () => {
  it("reads it from an image the table does not know, with its tag", () => {
    const [r] = readmeImagePython("README.md", "docker pull someorg/trainer:torch1.12-py39-2022\n");
    expect(r).toMatchObject({ kind: "python-version", line: 1, value: "3.9" });
    const [s] = readmeImagePython("README.md", "Use the image someorg/trainer:cuda11-python3.10 for training.\n");
    expect(s).toMatchObject({ value: "3.10" });
  });
  it("reads a tag written alone under words about the docker image", () => {
    const text =
      "## Env\n\n> use the docker image of a cloud notebook\n> https://hub.example.com/r/someorg/base\n>\n> **docker tag**\n> torch1.12-tf2-py39-20220101\n";
    const [r] = readmeImagePython("README.md", text);
    expect(r).toMatchObject({ kind: "python-version", line: 7, value: "3.9" });
  });
  it("takes no bare word far from any image, nor a tag naming only the major", () => {
    const far = "## Docker\n\nbuild it\n\n\n\n\n\n\nthe run is named exp-py39-final\n";
    expect(readmeImagePython("README.md", far)).toEqual([]);
    expect(readmeImagePython("README.md", "docker pull someorg/trainer:1.0-py3\n")).toEqual([]);
  });
});
