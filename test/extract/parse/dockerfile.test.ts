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
});
