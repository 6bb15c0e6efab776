import { describe, expect, it } from "vitest";
import { joinRoot } from "../../../../src/extract/families/data-refs/config-keys.js";

describe("joinRoot", () => {
  it("joins a config root and a path tail as Python's + does, with one separator", () => {
    expect(joinRoot("./data/", "train/x.png")).toBe("./data/train/x.png");
    expect(joinRoot("./data/", "/train")).toBe("./data/train");
    expect(joinRoot("./data", "/train")).toBe("./data/train");
    expect(joinRoot("./data", "_v2/x")).toBe("./data_v2/x");
  });
});
