// The Python floor a spec's pins and stated ranges imply.
import { describe, expect, it } from "vitest";
import { impliedPythonFloor, packageFloor } from "../../../../src/extract/families/syntax/pinned-python.js";

describe("pinned-python", () => {
  it("gives a known package release's floor, from exact pins, conda pins and lower bounds", () => {
    expect(packageFloor("numpy", "==1.22.0")).toBe(308);
    expect(packageFloor("numpy", "=1.21")).toBe(307);
    expect(packageFloor("numpy", "1.19.5")).toBeNull();
    expect(packageFloor("NumPy", ">=1.25,<2")).toBe(309);
    expect(packageFloor("scikit_learn", "==1.0.2")).toBe(307);
    expect(packageFloor("torch", "==1.1.0")).toBeNull();
    expect(packageFloor("torch", "==2.0.1+cu118")).toBe(308);
    expect(packageFloor("numpy", "<1.22")).toBeNull();
    expect(packageFloor("unknown-pkg", "==9.9")).toBeNull();
  });

  it("takes the highest floor of the spec's packages and stated ranges, saying what sets it", () => {
    expect(
      impliedPythonFloor([
        { kind: "package", file: "requirements.txt", line: 1, name: "torch", spec: "==1.1.0" },
        { kind: "package", file: "requirements.txt", line: 2, name: "numpy", spec: "==1.22.0" },
        { kind: "package", file: "requirements.txt", line: 3, name: "pandas", spec: "==1.2.0" },
      ]),
    ).toEqual({ version: 308, by: "numpy==1.22.0 (requirements.txt)" });
    expect(impliedPythonFloor([{ kind: "python-version", file: "setup.py", line: 3, value: ">=3.9" }])).toEqual({
      version: 309,
      by: "Python >=3.9 (setup.py)",
    });
    expect(impliedPythonFloor([{ kind: "python-version", file: "runtime.txt", line: 1, value: "3.6" }])).toBeNull();
  });
});
