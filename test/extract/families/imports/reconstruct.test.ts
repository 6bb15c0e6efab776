// The distributions the code needs, each with the version or bound the repo states for it.
import { describe, expect, it } from "vitest";
import { neededDistributions } from "../../../../src/extract/families/imports/reconstruct.js";
import { readmeVersions } from "../../../../src/extract/parse/stated-versions.js";
import { readmeListRecords } from "../../../../src/extract/parse/readme-list.js";

describe("neededDistributions", () => {
  it("keeps a README list's minimum as a bound and its exact version as a pin", () => {
    const readme = "Requirements: PyTorch 1.4 or later, pandas 1.0.3, timm >= 0.4.12\n";
    const imports = ["torch", "pandas", "timm"].map((name, i) => ({
      kind: "import",
      file: "train.py",
      line: i + 1,
      origin: "third-party",
      top: name,
      distribution: name,
    }));
    const facts = {
      families: { imports, "env-spec": readmeListRecords("README.md", readme) },
      notCollected: {},
    };
    const needed = neededDistributions(facts, readmeVersions("README.md", readme));
    expect(needed.map((n) => [n.distribution, n.version, n.specifier])).toEqual([
      ["pandas", "1.0.3", null],
      ["timm", null, ">=0.4.12"],
      ["torch", null, ">=1.4"],
    ]);
  });
});
