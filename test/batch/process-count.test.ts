// How many audit processes a batch starts: one per lane, at most two per core, or the number it is told.
import { describe, expect, it } from "vitest";
import { auditProcessCount } from "../../src/batch/process-count.js";

describe("auditProcessCount", () => {
  it("gives each lane a process of its own on 2 cores, so the last audits never share one thread", () => {
    expect(auditProcessCount(4, 2)).toBe(4);
    expect(auditProcessCount(3, 2)).toBe(3);
    expect(auditProcessCount(1, 2)).toBe(1);
  });

  it("lets lanes share processes beyond two per core (each process holds its own memory)", () => {
    expect(auditProcessCount(8, 2)).toBe(4);
    expect(auditProcessCount(64, 4)).toBe(8);
    expect(auditProcessCount(2, 1)).toBe(2);
    expect(auditProcessCount(5, 0)).toBe(2);
  });

  it("takes the number it is told, at most one per lane, and ignores what is not a positive whole number", () => {
    expect(auditProcessCount(4, 2, "2")).toBe(2);
    expect(auditProcessCount(4, 16, "1")).toBe(1);
    expect(auditProcessCount(2, 2, "8")).toBe(2);
    for (const bad of ["0", "-1", "two", "1.5", ""]) expect(auditProcessCount(4, 2, bad)).toBe(4);
  });
});
