// Top-level parts of an expression: brackets and quotes keep their separators.
import { describe, expect, it } from "vitest";
import { splitTop } from "../../../src/extract/python/split-top.js";

describe("splitTop", () => {
  it("splits outside brackets and quotes only, dropping empty parts", () => {
    expect(splitTop("a, f(b, c), 'd,e', [1, 2],", ",")).toEqual(["a", " f(b, c)", " 'd,e'", " [1, 2]"]);
    expect(splitTop("d + 'x+y' + name", "+")).toEqual(["d ", " 'x+y' ", " name"]);
  });

  it("is null when the brackets or quotes do not balance", () => {
    expect(splitTop("f(a, b", ",")).toBeNull();
    expect(splitTop("a), b", ",")).toBeNull();
    expect(splitTop("'a, b", ",")).toBeNull();
  });
});
