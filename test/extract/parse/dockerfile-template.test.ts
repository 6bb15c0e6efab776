import { describe, expect, it } from "vitest";
import { templateMarker } from "../../../src/extract/parse/dockerfile-template.js";

describe("templateMarker", () => {
  it("finds an action alone on its line or a template value in an instruction", () => {
    expect(templateMarker('FROM a\n{{ if eq .Accelerator "gpu" }}\nRUN x\n{{ end }}\n')).toEqual({
      line: 2,
      marker: '{{ if eq .Accelerator "gpu" }}',
    });
    expect(templateMarker("ARG X\nFROM {{ .Base }}:1.0\n")).toEqual({ line: 2, marker: "{{ .Base }}" });
  });
  it("leaves a plain Dockerfile, a comment and shell braces in a RUN alone", () => {
    expect(templateMarker("FROM a\n# {{ end }}\nRUN docker inspect --format '{{.Id}}' x\n")).toBeNull();
    expect(templateMarker("FROM a\nRUN echo \\\n  {{ end }}\n")).toBeNull();
  });
});
