// A Python block read line by line: indents with tabs, the body's last line past blank and comment lines.
import { describe, expect, it } from "vitest";
import { blockLast, indentOf } from "../../../src/extract/python/blocks.js";

describe("indentOf", () => {
  it("counts a tab as four spaces", () => {
    expect(indentOf("\tx = 1")).toBe(4);
    expect(indentOf("  \ty")).toBe(6);
    expect(indentOf("z")).toBe(0);
  });
});

describe("blockLast", () => {
  it("ends the body at the first code line no deeper than its header, past blank and comment lines", () => {
    const lines = ["if flag:", "    a = 1", "", "# note", "    b = 2", "c = 3"];
    expect(blockLast(lines, 0)).toBe(4);
  });

  it("is the header itself when nothing is indented under it", () => {
    expect(blockLast(["if flag: a = 1", "b = 2"], 0)).toBe(0);
  });
});
