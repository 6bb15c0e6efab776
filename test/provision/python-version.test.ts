// Whether a Requires-Python range admits a Python: what tells a source distribution pip would build from one it refuses.
import { describe, expect, it } from "vitest";
import { rangeAllowsPython } from "../../src/provision/python-version.js";

describe("rangeAllowsPython", () => {
  it("reads lower and upper bounds, patch bounds and compatible releases", () => {
    expect(rangeAllowsPython(">=3.8", "3.7")).toBe(false);
    expect(rangeAllowsPython(">=3.8", "3.11")).toBe(true);
    expect(rangeAllowsPython(">=3.6, <3.10", "3.10")).toBe(false);
    expect(rangeAllowsPython(">=3.6,<3.10", "3.9")).toBe(true);
    expect(rangeAllowsPython(">=3.6.1", "3.6")).toBe(true);
    expect(rangeAllowsPython("~=3.7", "3.12")).toBe(true);
    expect(rangeAllowsPython("~=3.7.0", "3.8")).toBe(false);
  });

  it("an unreadable range is unknown, never a refusal", () => {
    expect(rangeAllowsPython(">=3.6; os_name == 'nt'", "3.7")).toBeNull();
    expect(rangeAllowsPython("", "3.7")).toBeNull();
  });
});
