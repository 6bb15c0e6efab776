// Whether a Python constraint admits a Python: an index's Requires-Python (what tells a source distribution pip
// would build from one it refuses) and a repo's own looser statements, read by one reader.
import { describe, expect, it } from "vitest";
import { allowsPython, lowestPython, statesMinor } from "../../src/provision/python-version.js";

const index = { syntax: "requires-python", unreadable: null } as const;
const stated = { syntax: "stated", unreadable: false } as const;

describe("allowsPython on an index's Requires-Python", () => {
  it("reads lower and upper bounds, patch bounds and compatible releases", () => {
    expect(allowsPython(">=3.8", "3.7", index)).toBe(false);
    expect(allowsPython(">=3.8", "3.11", index)).toBe(true);
    expect(allowsPython(">=3.6, <3.10", "3.10", index)).toBe(false);
    expect(allowsPython(">=3.6,<3.10", "3.9", index)).toBe(true);
    expect(allowsPython(">=3.6.1", "3.6", index)).toBe(true);
    expect(allowsPython("~=3.7", "3.12", index)).toBe(true);
    expect(allowsPython("~=3.7.0", "3.8", index)).toBe(false);
  });

  it("an unreadable range is unknown, never a refusal", () => {
    expect(allowsPython(">=3.6; os_name == 'nt'", "3.7", index)).toBeNull();
    expect(allowsPython("", "3.7", index)).toBeNull();
  });

  it("takes none of a repo's looser forms: every clause must read", () => {
    expect(allowsPython(">=3.5 <3.9", "3.8", index)).toBeNull();
    expect(allowsPython("python-3.6", "3.6", index)).toBeNull();
    expect(allowsPython(">=3.6, os_name", "3.7", index)).toBeNull();
  });
});

describe("allowsPython on a repo's own statement", () => {
  it("reads a python- prefix, an exact patch version as its minor, spaces between clauses and carets", () => {
    expect(allowsPython("python-3.6.8", "3.6", stated)).toBe(true);
    expect(allowsPython("3.6.8", "3.6", stated)).toBe(true);
    expect(allowsPython("3.6.8", "3.7", stated)).toBe(false);
    expect(allowsPython(">=3.5 <3.9", "3.8", stated)).toBe(true);
    expect(allowsPython(">=3.5 <3.9", "3.9", stated)).toBe(false);
    expect(allowsPython("^3.6", "3.9", stated)).toBe(true);
    expect(allowsPython(">=3.5", "3.6", stated)).toBe(true);
  });

  it("an unreadable statement allows nothing when the caller asks for false", () => {
    expect(allowsPython("the latest", "3.11", stated)).toBe(false);
    expect(allowsPython("", "3.11", stated)).toBe(false);
  });

  it("the unreadable answer is the caller's choice, not the syntax's", () => {
    expect(allowsPython("the latest", "3.11", { syntax: "stated", unreadable: null })).toBeNull();
    expect(allowsPython(">=3.6; os_name", "3.7", { syntax: "requires-python", unreadable: false })).toBe(false);
  });
});

describe("a statement of only the major", () => {
  it("names no minor, so the build chooses none from it", () => {
    expect(statesMinor(">=3")).toBe(false);
    expect(statesMinor("3")).toBe(false);
    expect(statesMinor("3.*")).toBe(false);
    expect(lowestPython(">=3")).toBeNull();
    expect(lowestPython(">=3", ["3.9"])).toBeNull();
  });

  it("a minor anywhere in it still chooses", () => {
    expect(statesMinor(">=3.6")).toBe(true);
    expect(statesMinor(">=3,<3.9")).toBe(true);
    expect(statesMinor("3.8.10")).toBe(true);
    expect(lowestPython(">=3.9")).toBe("3.9");
    expect(lowestPython(">=3,<3.10", ["3.9"])).toBe("3.9");
  });
});
