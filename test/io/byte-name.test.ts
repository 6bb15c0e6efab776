// Names read as bytes: shown so that bytes that are not UTF-8 stay distinct.
import { describe, expect, it } from "vitest";
import { shownName, utf8Name } from "../../src/io/byte-name.js";

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p) : Buffer.from(p))));

describe("shownName", () => {
  it("keeps UTF-8 and escapes every other byte", () => {
    expect(shownName(bytes("bad-", [0xff], ".py"))).toBe("bad-\\xff.py");
    expect(shownName(bytes("bad-", [0xfe], ".py"))).toBe("bad-\\xfe.py");
    expect(shownName(bytes("café-", [0xc3], "x"))).toBe("café-\\xc3x");
    expect(shownName(bytes("日本", [0xe6, 0x97]))).toBe("日本\\xe6\\x97");
  });

  it("says whether a name is UTF-8", () => {
    expect(utf8Name(bytes("ok.py"))).toBe("ok.py");
    expect(utf8Name(bytes("no-", [0xff]))).toBeNull();
  });
});
