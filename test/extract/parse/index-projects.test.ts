// The index-projects table: a backport the standard library shadows is harmless, one that breaks Python 3 is not.
import { describe, expect, it } from "vitest";
import { indexProjectFields } from "../../../src/extract/parse/index-projects.js";

describe("indexProjectFields", () => {
  it("marks a shadowed backport harmless and keeps a breaking one a fault", () => {
    expect(indexProjectFields("pathlib", "==1.0.1")).toMatchObject({ indexHarmless: true });
    expect(indexProjectFields("argparse", "")).toMatchObject({ indexHarmless: true });
    const enum34 = indexProjectFields("enum34", "==1.1.10");
    expect(enum34.indexProblem).toMatch(/breaks the re module/);
    expect(enum34).not.toHaveProperty("indexHarmless");
    expect(indexProjectFields("typing", "==3.6.6")).not.toHaveProperty("indexHarmless");
    expect(indexProjectFields("apex", "==0.1")).not.toHaveProperty("indexHarmless");
  });
});
