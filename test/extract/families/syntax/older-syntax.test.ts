// Constructs older Pythons parse, read off an error's line.
import { describe, expect, it } from "vitest";
import { parsedUpTo } from "../../../../src/extract/families/syntax/older-syntax.js";

describe("parsedUpTo", () => {
  it("gives 3.11 for a generator bare in an f-string's braces, and nothing for other lines", () => {
    expect(parsedUpTo("    return f'{len(x) for x in xs}'")?.version).toBe(311);
    expect(parsedUpTo('print(rf"{x.shape for x in batch} done")')?.version).toBe(311);
    expect(parsedUpTo("f'{[len(x) for x in xs]}'")).toBeNull();
    expect(parsedUpTo("'{x for x in xs}'.format()")).toBeNull();
    expect(parsedUpTo("s = {x for x in xs}")).toBeNull();
    expect(parsedUpTo(`f'{"{".repeat(5000)}'`)).toBeNull();
  });
});
