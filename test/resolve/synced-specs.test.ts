// Specs a documented step installs with `uv pip sync` (exact pins, no resolution).
import { describe, expect, it } from "vitest";
import { syncedSpecs } from "../../src/resolve/synced-specs.js";

describe("syncedSpecs", () => {
  const has = (p: string) => ["envA/requirements.txt", "requirements.txt"].includes(p);

  it("finds the spec a script syncs, beside the script first, and a README's sync from the root", () => {
    const out = syncedSpecs(
      [
        { file: "envA/setup.sh", line: 4, text: "uv pip sync requirements.txt" },
        { file: "README.md", line: 9, text: "uv pip sync requirements.txt # exact" },
      ],
      has,
    );
    expect([...out]).toEqual([
      ["envA/requirements.txt", "envA/setup.sh:4"],
      ["requirements.txt", "README.md:9"],
    ]);
  });

  it("an install that resolves, or a strict sync that checks the set, is not one", () => {
    const out = syncedSpecs(
      [
        { file: "setup.sh", line: 1, text: "uv pip install -r requirements.txt" },
        { file: "README.md", line: 2, text: "uv pip sync --strict requirements.txt" },
      ],
      has,
    );
    expect(out.size).toBe(0);
  });
});
