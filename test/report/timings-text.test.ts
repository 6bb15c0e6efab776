// The --timings table: phases in the audit's order with total and share, steps slowest first, one-step phases on one line.
import { describe, expect, it } from "vitest";
import { renderTimings } from "../../src/report/timings-text.js";

describe("renderTimings", () => {
  it("lists phases in order, each step under its phase slowest first, shares of the steps' sum", () => {
    const text = renderTimings(
      [
        { phase: "extract", name: "imports", seconds: 0.1 },
        { phase: "walk", name: "walk", seconds: 0.5 },
        { phase: "extract", name: "readme", seconds: 0.3 },
        { phase: "judge", name: "judge, score and assemble", seconds: 0.1 },
      ],
      2,
    );
    expect(text).toBe(
      [
        "timings: 1.000 s in the steps below, 2.000 s for the whole audit",
        "  walk                           0.500 s   50.0%",
        "  extract                        0.400 s   40.0%",
        "    readme                       0.300 s   30.0%",
        "    imports                      0.100 s   10.0%",
        "  judge                          0.100 s   10.0%",
        "    judge, score and assemble    0.100 s   10.0%",
        "",
      ].join("\n"),
    );
  });

  it("says no share when nothing took time", () => {
    expect(renderTimings([{ phase: "walk", name: "walk", seconds: 0 }], 0)).toContain("0.000 s       -");
  });
});
