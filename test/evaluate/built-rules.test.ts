// The shipped rules parsed with the package (dist/built-rules.json): fresh, refused once a rule's text
// changes, and the same documents the YAML parser makes of the files.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { builtRuleDocs, builtRulesPath, rulesHash, type RuleText } from "../../src/evaluate/built-rules.js";
import { builtinRulesDir } from "../../src/evaluate/load-rules.js";

function shippedTexts(): RuleText[] {
  const dir = builtinRulesDir();
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

describe("built rules", () => {
  it("the build parsed the current text of every shipped rule (rebuild: npm run build)", () => {
    expect(builtRuleDocs(shippedTexts()), `${builtRulesPath()} is stale or missing`).not.toBeNull();
  });

  it("holds the documents the YAML parser makes of each file", () => {
    const texts = shippedTexts();
    const built = builtRuleDocs(texts)!;
    expect([...built.keys()].sort()).toEqual(texts.map((t) => t.name));
    for (const { name, text } of texts)
      expect(built.get(name), name).toEqual(yaml.load(text, { schema: yaml.JSON_SCHEMA }));
  });

  it("is refused when a rule's text, a name or the set of files differs from what it was built from", () => {
    const texts = shippedTexts();
    const [first, ...rest] = texts;
    expect(builtRuleDocs([{ ...first!, text: `${first!.text}\n# edited\n` }, ...rest])).toBeNull();
    expect(builtRuleDocs([{ ...first!, name: `x-${first!.name}` }, ...rest])).toBeNull();
    expect(builtRuleDocs(rest)).toBeNull();
  });

  it("is refused when the built file is missing or not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "ra-built-rules-"));
    try {
      const texts = shippedTexts();
      expect(builtRuleDocs(texts, join(dir, "none.json"))).toBeNull();
      writeFileSync(join(dir, "bad.json"), "{");
      expect(builtRuleDocs(texts, join(dir, "bad.json"))).toBeNull();
      writeFileSync(
        join(dir, "ok.json"),
        JSON.stringify({ sha256: rulesHash(texts), docs: { "a.yaml": { id: "a" } } }),
      );
      expect(builtRuleDocs(texts, join(dir, "ok.json"))?.get("a.yaml")).toEqual({ id: "a" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
