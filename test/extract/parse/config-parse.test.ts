import { describe, expect, it } from "vitest";
import { parseConfig, MAX_YAML_EXPANDED_NODES } from "../../../src/extract/parse/config-parse.js";
import { jsonErrorOffset } from "../../../src/extract/parse/json-error.js";

describe("parseConfig", () => {
  it("parses each format", () => {
    expect(parseConfig('{"a": [1, 2]}', "json")).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(parseConfig("a: 1\nb: [x, y]\n", "yaml")).toEqual({ ok: true, value: { a: 1, b: ["x", "y"] } });
    expect(parseConfig("a: 1\n---\nb: 2\n", "yaml")).toEqual({ ok: true, value: [{ a: 1 }, { b: 2 }] });
    expect(parseConfig("[tool.x]\nname = 'y'\n", "toml")).toEqual({ ok: true, value: { tool: { x: { name: "y" } } } });
    expect(parseConfig("[metadata]\nname = demo\ndescription: two\n  lines\n; comment\n", "ini")).toEqual({
      ok: true,
      value: { metadata: { name: "demo", description: "two\nlines" } },
    });
  });

  it("says where a malformed file breaks", () => {
    expect(parseConfig('{\n  "a": 1,\n  "b": \n}\n', "json")).toEqual({
      ok: false,
      line: 4,
      message: expect.any(String),
    });
    expect(parseConfig("a: [1, 2\nb: 3\n", "yaml")).toEqual({
      ok: false,
      line: 2,
      message: "missed comma between flow collection entries",
    });
    expect(parseConfig("a = 1\nb = = 2\n", "toml")).toEqual({ ok: false, line: 2, message: "invalid value" });
    expect(parseConfig("key = before section\n", "ini")).toEqual({
      ok: false,
      line: 1,
      message: "a key before any [section] header",
    });
    expect(parseConfig("[s]\n=novalue\n", "ini")).toMatchObject({ ok: false, line: 2 });
  });

  it("refuses a YAML alias bomb instead of handing out a value that explodes when walked", () => {
    let doc = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    let prev = "a";
    for (let i = 0; i < 9; i++) {
      doc += `n${i}: &n${i} [${Array(10).fill(`*${prev}`).join(", ")}]\n`;
      prev = `n${i}`;
    }
    expect(parseConfig(doc, "yaml")).toEqual({
      ok: false,
      line: null,
      message: `aliases expand to more than ${MAX_YAML_EXPANDED_NODES} nodes (alias bomb)`,
    });
    expect(parseConfig("base: &b {lr: 1}\ntrain: {<<: *b, epochs: 3}\n", "yaml")).toEqual({
      ok: true,
      value: { base: { lr: 1 }, train: { lr: 1, epochs: 3 } },
    });
  });
});

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a": 1}', null],
    ["[1, 2,]", 6],
    ['{"a" 1}', 5],
    ["{,}", 1],
    ['"\\q"', 2],
    ["[1] x", 4],
    ["", 0],
    ['{"a": [1, {"b": tru}]}', 16],
  ])("%s -> %s", (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });
});

describe("YAML with the tags a Python program's own loader reads", () => {
  it("parses PyYAML's python/ tags and local tags as plain values: yaml.Loader reads them, so they are no syntax error", () => {
    const text = [
      "lr: !!python/float 1e-3",
      "size: !!python/tuple [512, 512]",
      "aug: !!python/object/apply:collections.OrderedDict",
      "  - [[p, 0.5]]",
      "model: !Resnet { depth: 34 }",
    ].join("\n");
    const parsed = parseConfig(text, "yaml");
    expect(parsed).toEqual({
      ok: true,
      value: { lr: "1e-3", size: [512, 512], aug: [[["p", 0.5]]], model: { depth: 34 } },
    });
    expect(parseConfig("a: [1, 2\nb: 3\n", "yaml").ok).toBe(false);
  });
});
