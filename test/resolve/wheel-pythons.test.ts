// Which Pythons a release's wheels serve, from their tags and Requires-Python, and the oldest all pins share.
import { describe, expect, it } from "vitest";
import { RANGE_PYTHONS } from "../../src/resolve/resolver-input.js";
import { oldestServingAll, pythonsServed } from "../../src/resolve/wheel-pythons.js";

const served = (...filenames: Array<string | [string, string]>) =>
  pythonsServed(
    filenames.map((f) => (typeof f === "string" ? { filename: f } : { filename: f[0], requiresPython: f[1] })),
    RANGE_PYTHONS,
  );

describe("pythonsServed", () => {
  it("reads CPython tags, abi3 and pure wheels, on Linux x86_64 only", () => {
    expect(
      served(
        "numpy-1.19.5-cp36-cp36m-manylinux2010_x86_64.whl",
        "numpy-1.19.5-cp37-cp37m-manylinux2014_x86_64.whl",
        "numpy-1.19.5-cp39-cp39-win_amd64.whl",
        "numpy-1.19.5.zip",
      ),
    ).toEqual(["3.6", "3.7"]);
    expect(served("cryptography-3.4.8-cp36-abi3-manylinux2014_x86_64.whl")).toEqual(RANGE_PYTHONS);
    expect(
      served("torch-1.10.0-cp39-cp39-manylinux1_x86_64.whl", "torch-1.10.0-cp39-none-macosx_10_9_x86_64.whl"),
    ).toEqual(["3.9"]);
  });

  it("keeps a pure wheel within its Requires-Python", () => {
    expect(served(["timm-0.4.12-py3-none-any.whl", ">=3.6, <3.9"])).toEqual(["3.6", "3.7", "3.8"]);
    expect(served("six-1.16.0-py2.py3-none-any.whl")).toEqual(RANGE_PYTHONS);
  });

  it("is null for a release with no wheel: a source distribution constrains no wheel's Python", () => {
    expect(served("apex-0.1.tar.gz")).toBeNull();
  });
});

describe("oldestServingAll", () => {
  it("is the oldest Python every pin's wheels serve, or null when they share none", () => {
    expect(oldestServingAll([["3.6", "3.7"], RANGE_PYTHONS, ["3.7", "3.8"]], RANGE_PYTHONS)).toBe("3.7");
    expect(oldestServingAll([["3.6"], ["3.9"]], RANGE_PYTHONS)).toBeNull();
    expect(oldestServingAll([], RANGE_PYTHONS)).toBeNull();
  });
});
