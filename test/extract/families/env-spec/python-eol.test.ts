import { describe, expect, it } from "vitest";
import { pastEndOfLife, releaseLine } from "../../../../src/extract/families/env-spec/python-eol.js";
import { extractor } from "../../../../src/extract/families/env-spec/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

describe("Python end of life", () => {
  it("names the release line a stated version belongs to", () => {
    expect(["3.6.9", "==2.7", "2", "3.10", "v3.8.5", "3", ">=3.8", "3.11.*"].map(releaseLine)).toEqual([
      "3.6",
      "2.7",
      "2.7",
      "3.10",
      "3.8",
      null,
      null,
      "3.11",
    ]);
  });

  it("says a line is past its end of life once its end-of-life month is over", () => {
    expect(pastEndOfLife("3.6", new Date("2021-12-31T23:00:00Z"))).toBeNull();
    expect(pastEndOfLife("3.6", new Date("2022-01-01T00:00:00Z"))).toBe("2021-12");
    expect(pastEndOfLife("3.12.1", new Date("2026-12-01T00:00:00Z"))).toBeNull();
    expect(pastEndOfLife("3.10", new Date("2026-12-01T00:00:00Z"))).toBe("2026-10");
    expect(pastEndOfLife("4.0", new Date("2026-12-01T00:00:00Z"))).toBeNull();
  });

  it("marks the env-spec records of versions past it, on the audit's day", async () => {
    const view = memoryView({ ".python-version": "3.9.18\n", "environment.yml": "dependencies:\n  - python=3.12\n" });
    const at = async (day: string) =>
      (await extractor.extract({ view, facts: emptyFacts(), branches: null, today: new Date(day) }))
        .filter((r) => r.kind === "python-version")
        .map((r) => [r.value, r.endOfLife ?? null]);
    expect((await at("2025-06-01")).sort()).toEqual([
      ["3.12", null],
      ["3.9.18", null],
    ]);
    expect((await at("2026-01-01")).sort()).toEqual([
      ["3.12", null],
      ["3.9.18", "2025-10"],
    ]);
  });
});
