// The repo config's allowed fields, as SECURITY.md lists them, are exactly the `repo` column of the tunables table.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { specOf, TUNABLE_NAMES } from "../../src/config/tunables.js";

/** The fields SECURITY.md says the repo's own .repro-audit.yml may set (its "describe the training" sentence). */
function fieldsSecurityAllows(): string[] {
  const text = readFileSync(new URL("../../SECURITY.md", import.meta.url), "utf8");
  const section = text.split("### What the repository's own `.repro-audit.yml` may do")[1] ?? "";
  const sentence = /may only \*\*describe the training\*\*:([^.]*(?:\.[a-zA-Z][^.]*)*)\./.exec(section)?.[1] ?? "";
  return [...sentence.matchAll(/`([\w.]+)`/g)].map((m) => m[1]!).sort();
}

describe("the tunables table", () => {
  it("lets the repo's own config set exactly the fields SECURITY.md lists", () => {
    const allowed = fieldsSecurityAllows();
    expect(allowed.length).toBeGreaterThan(0);
    const repoColumn = TUNABLE_NAMES.filter((n) => specOf(n).repo)
      .map((n) => specOf(n).config!.join("."))
      .sort();
    expect(repoColumn).toEqual(allowed);
  });
});
