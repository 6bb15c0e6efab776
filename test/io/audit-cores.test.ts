// The cores an audit may use: the share a batch names for its audit processes, else the machine's.
import { describe, expect, it } from "vitest";
import { auditCores } from "../../src/io/audit-cores.js";

describe("auditCores", () => {
  it("takes the share it is given, never more than the machine's cores", () => {
    expect(auditCores("1", 8)).toBe(1);
    expect(auditCores("3", 8)).toBe(3);
    expect(auditCores("16", 4)).toBe(4);
  });

  it("uses the machine's cores (at least one) when no share is given or it is not a positive whole number", () => {
    expect(auditCores(undefined, 8)).toBe(8);
    for (const bad of ["", "0", "-2", "1.5", "two"]) expect(auditCores(bad, 4)).toBe(4);
    expect(auditCores(undefined, 0)).toBe(1);
  });
});
