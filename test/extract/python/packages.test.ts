// Import names to the distributions that provide them, and the distributions that satisfy each.
import { describe, expect, it } from "vitest";
import { distributionOf, satisfyingNames } from "../../../src/extract/python/packages.js";

describe("distributionOf", () => {
  it("maps import names that differ from their distribution", () => {
    expect(distributionOf("skimage")).toBe("scikit-image");
    expect(distributionOf("cc3d")).toBe("connected-components-3d");
    expect(distributionOf("cupyx.scipy.ndimage")).toBe("cupy");
    expect(distributionOf("skmultilearn.model_selection")).toBe("scikit-multilearn");
    // Names pipreqs' mapping lacks, kept by hand on top of it.
    expect(distributionOf("bayes_opt")).toBe("bayesian-optimization");
    expect(distributionOf("xrspatial.multispectral")).toBe("xarray-spatial");
    // One wheel, several top-level packages (its find_packages(include=["espnet*"])).
    expect(distributionOf("nemo.collections.asr")).toBe("nemo-toolkit");
    expect(distributionOf("espnet2.bin.asr_inference")).toBe("espnet");
    expect(distributionOf("espnetez")).toBe("espnet");
  });
});

describe("distributionOf for the google namespace", () => {
  it("maps each google.* module by its longest known prefix, not all to protobuf", () => {
    expect(distributionOf("google.protobuf.json_format")).toBe("protobuf");
    expect(distributionOf("google.cloud.storage")).toBe("google-cloud-storage");
    expect(distributionOf("google.cloud.bigquery")).toBe("google-cloud-bigquery");
    expect(distributionOf("google.cloud.aiplatform_v1")).toBe("google-cloud-aiplatform");
    expect(distributionOf("google.auth.transport.requests")).toBe("google-auth");
    expect(distributionOf("google.oauth2")).toBe("google-auth");
    expect(distributionOf("google.colab")).toBe("google-colab");
  });
  it("reads `from google.cloud import bigquery` as the module it names", () => {
    expect(distributionOf("google.cloud", ["bigquery"])).toBe("google-cloud-bigquery");
    expect(distributionOf("google", ["protobuf"])).toBe("protobuf");
    expect(distributionOf("numpy", ["array"])).toBe("numpy");
  });
});

describe("satisfyingNames", () => {
  it("lets a CUDA-specific build of a distribution declare its modules", () => {
    expect(satisfyingNames("cupy")).toContain("cupy-cuda12x");
  });
});
