import { describe, expect, it } from "vitest";
import { indentedKeyPaths } from "../../../src/extract/parse/indented-keys.js";

const KEY = /^(\s*)([A-Za-z_][\w.-]*)\s*:(?:\s|$)/;

describe("indentedKeyPaths", () => {
  it("gives each key line its dotted path from the indentation, leaving other lines out", () => {
    const text = "model:\n  path: /a\n  head:\n    depth: 2\n# note: x\ndata:\n  root: d\n";
    expect([...indentedKeyPaths(text, KEY)]).toEqual([
      [1, "model"],
      [2, "model.path"],
      [3, "model.head"],
      [4, "model.head.depth"],
      [6, "data"],
      [7, "data.root"],
    ]);
  });
});
