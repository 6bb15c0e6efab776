// Import names to the distributions that provide them, and the distributions that satisfy each.
import { describe, expect, it } from "vitest";
import { distributionOf, satisfyingNames } from "../../../src/extract/python/packages.js";

describe("distributionOf", () => {
  it("maps import names that differ from their distribution", () => {
    expect(distributionOf("skimage")).toBe("scikit-image");
    expect(distributionOf("cc3d")).toBe("connected-components-3d");
    expect(distributionOf("cupyx.scipy.ndimage")).toBe("cupy");
  });
});

describe("satisfyingNames", () => {
  it("lets a CUDA-specific build of a distribution declare its modules", () => {
    expect(satisfyingNames("cupy")).toContain("cupy-cuda12x");
  });
});
