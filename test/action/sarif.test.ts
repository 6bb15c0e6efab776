// Fitting the report's SARIF to the workflow's repository (pure).
import { describe, expect, it } from "vitest";
import { fitSarif } from "../../src/action/sarif.js";

const location = (uri: string) => ({
  physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } },
});
const log = {
  version: "2.1.0",
  runs: [
    {
      results: [
        { ruleId: "a", locations: [location("x.py")], relatedLocations: [location("y%20z.py")] },
        { ruleId: "b", locations: [location("README.md")] },
      ],
    },
  ],
};
const results = (text: string) => JSON.parse(text).runs[0].results;

describe("fitSarif", () => {
  it("prefixes every location with the audited folder, percent-encoded", () => {
    const fitted = results(
      fitSarif(JSON.stringify(log), { prefix: "entries/team a", known: null, rules: ["a", "b"] }).text,
    );
    expect(fitted[0].locations[0].physicalLocation.artifactLocation.uri).toBe("entries/team%20a/x.py");
    expect(fitted[0].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe("entries/team%20a/y%20z.py");
    expect(fitted[0].baselineState).toBeUndefined();
  });

  it("marks each result new or unchanged when the results line up with the findings", () => {
    const fitted = fitSarif(JSON.stringify(log), { prefix: "", known: [true, false], rules: ["a", "b"] });
    expect(fitted.aligned).toBe(true);
    expect(results(fitted.text).map((r: { baselineState: string }) => r.baselineState)).toEqual(["unchanged", "new"]);
    expect(results(fitted.text)[0].locations[0].physicalLocation.artifactLocation.uri).toBe("x.py");
  });

  it("adds no baselineState when they do not line up", () => {
    const fitted = fitSarif(JSON.stringify(log), { prefix: "", known: [true, false], rules: ["b", "a"] });
    expect(fitted.aligned).toBe(false);
    expect(results(fitted.text).map((r: { baselineState?: string }) => r.baselineState)).toEqual([
      undefined,
      undefined,
    ]);
  });
});
