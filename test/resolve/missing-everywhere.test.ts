import { describe, expect, it } from "vitest";
import { lineMissingEverywhere, withoutLineWords } from "../../src/resolve/missing-everywhere.js";
import type { SettledAnswer } from "../../src/resolve/leave-out.js";

const asked = [
  { requirement: "oldframe==1.4.0", file: "requirements.txt", line: 2 },
  { requirement: "vendorlib==1.5.0", file: "requirements.txt", line: 3 },
];
const failed = (reason: string, resolutionClass: "python-conflict" | "version-missing"): SettledAnswer => ({
  answer: { outcome: "unresolvable", resolutionClass, reason },
  asked,
  leftOut: [],
});
const conflict = failed(
  "Because oldframe==1.4.0 has no wheels with a matching Python ABI tag (e.g., `cp311`)",
  "python-conflict",
);
const missing = failed(
  "Because there is no version of vendorlib==1.5.0 and you require vendorlib==1.5.0",
  "version-missing",
);

describe("lineMissingEverywhere", () => {
  it("takes the first Python whose failure names one line the index lacks, past the conflicts printed before it", () => {
    const found = lineMissingEverywhere([
      { python: "3.11", settled: conflict },
      { python: "3.8", settled: conflict },
      { python: "3.7", settled: missing },
    ]);
    expect(found).toMatchObject({ python: "3.7", line: asked[1] });
  });
  it("is null where every failure is a conflict that names no one line", () => {
    expect(lineMissingEverywhere([{ python: "3.11", settled: conflict }])).toBeNull();
  });
  it("says the line is the one to fix only where the rest installs without it", () => {
    const m = lineMissingEverywhere([{ python: "3.7", settled: missing }])!;
    expect(withoutLineWords("the index has no version 1.5.0 of vendorlib", m, "3.7")).toBe(
      "the index has no version 1.5.0 of vendorlib; requirements.txt:3 (vendorlib==1.5.0) is the line that keeps the spec from installing: without it, the rest installs on Python 3.7",
    );
    expect(withoutLineWords("the index has no version 1.5.0 of vendorlib", m, null)).toBe(
      "the index has no version 1.5.0 of vendorlib",
    );
  });
});
