// How many audit processes a batch starts (never more than the cores) and how many audits each runs at once.
import { describe, expect, it } from "vitest";
import { auditProcesses } from "../../src/batch/process-count.js";

describe("auditProcesses", () => {
  it("starts no more processes than cores, whatever the concurrency", () => {
    expect(auditProcesses(4, 2, true).processes).toBe(2);
    expect(auditProcesses(4, 2, false).processes).toBe(2);
    expect(auditProcesses(64, 4, true).processes).toBe(4);
    expect(auditProcesses(5, 0, true).processes).toBe(1);
    expect(auditProcesses(1, 16, true).processes).toBe(1);
    expect(auditProcesses(3, 16, false).processes).toBe(3);
  });

  it("runs audits that only read one at a time in each process, and lets audits that build share them", () => {
    expect(auditProcesses(4, 2, true)).toEqual({ processes: 2, perProcess: 1, coresEach: 1 });
    expect(auditProcesses(4, 2, false)).toEqual({ processes: 2, perProcess: 2, coresEach: 1 });
    expect(auditProcesses(5, 2, false)).toEqual({ processes: 2, perProcess: 3, coresEach: 1 });
    expect(auditProcesses(2, 2, false)).toEqual({ processes: 2, perProcess: 1, coresEach: 1 });
  });

  it("takes the number it is told, at most one per lane, the lanes spread over them; ignores what is not a positive whole number", () => {
    expect(auditProcesses(4, 2, true, "2")).toEqual({ processes: 2, perProcess: 2, coresEach: 1 });
    expect(auditProcesses(4, 2, true, "4")).toEqual({ processes: 4, perProcess: 1, coresEach: 1 });
    expect(auditProcesses(4, 16, true, "1")).toEqual({ processes: 1, perProcess: 4, coresEach: 4 });
    expect(auditProcesses(2, 2, true, "8")).toEqual({ processes: 2, perProcess: 1, coresEach: 1 });
    for (const bad of ["0", "-1", "two", "1.5", ""])
      expect(auditProcesses(4, 2, true, bad)).toEqual({ processes: 2, perProcess: 1, coresEach: 1 });
  });

  it("gives each running audit its share of the cores, so N lanes on N cores leave none for a pool per audit", () => {
    // One lane alone may use every core; two audits on two cores one each.
    expect(auditProcesses(1, 2, true).coresEach).toBe(2);
    expect(auditProcesses(4, 2, true).coresEach).toBe(1);
    expect(auditProcesses(2, 8, true).coresEach).toBe(4);
    // A static batch runs one audit per process: 4 lanes on 16 cores are 4 audits, 4 cores each.
    expect(auditProcesses(4, 16, true).coresEach).toBe(4);
    // Lanes that share processes are audits at once all the same.
    expect(auditProcesses(8, 4, false).coresEach).toBe(1);
    expect(auditProcesses(3, 8, false).coresEach).toBe(2);
    expect(auditProcesses(4, 0, true).coresEach).toBe(1);
  });
});
