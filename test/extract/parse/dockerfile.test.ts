// Dockerfile reading: continuations as the builder joins them.
import { describe, expect, it } from "vitest";
import { parseDockerfileText } from "../../../src/extract/parse/dockerfile.js";

const packages = (text: string) =>
  parseDockerfileText("Dockerfile", text)
    .filter((r) => r.kind === "package")
    .map((r) => [r.name, r.line]);

describe("parseDockerfileText", () => {
  it("drops comment and empty lines inside a continued RUN, as the builder does, and reads the packages after them", () => {
    const text = [
      "FROM python:3.8-slim",
      "RUN pip install numpy==1.19.5 \\",
      "# the plotting stack",
      "    matplotlib==3.3.4 \\",
      "",
      "    pandas==1.1.5",
      "RUN pip install scipy==1.5.4",
    ].join("\n");
    expect(packages(text)).toEqual([
      ["numpy", 2],
      ["matplotlib", 4],
      ["pandas", 6],
      ["scipy", 7],
    ]);
  });

  it("reads the Python a base image's tag carries (-py3.7, -py38, python3.10), never a major alone", () => {
    const python = (from: string) =>
      parseDockerfileText("Dockerfile", `FROM ${from}\n`)
        .filter((r) => r.kind === "python-version")
        .map((r) => [r.value, r.source]);
    expect(python("rapidsai/rapidsai:cuda10.2-runtime-ubuntu18.04-py3.7")).toEqual([
      ["3.7", "the tag of the image rapidsai/rapidsai:cuda10.2-runtime-ubuntu18.04-py3.7"],
    ]);
    expect(python("continuumio/miniconda3:4.9.2-py38")[0]?.[0]).toBe("3.8");
    expect(python("someone/train:cuda11-python3.10")[0]?.[0]).toBe("3.10");
    expect(python("someone/train:py3")).toEqual([]);
    expect(python("py37/base")).toEqual([]);
  });
});
