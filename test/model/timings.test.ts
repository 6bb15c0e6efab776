// Timed steps: the sink hears each step once, with its phase and name, even when the step throws; no sink, no timing.
import { describe, expect, it } from "vitest";
import { timed, timedSync, type Timing } from "../../src/model/timings.js";

describe("timed", () => {
  it("tells the sink each step's phase, name and a non-negative time, and returns the step's value", async () => {
    const heard: Timing[] = [];
    const sink = (t: Timing) => void heard.push(t);
    expect(await timed(sink, "walk", "walk", async () => 7)).toBe(7);
    expect(timedSync(sink, "extract", "imports", () => "x")).toBe("x");
    expect(heard.map((t) => [t.phase, t.name])).toEqual([
      ["walk", "walk"],
      ["extract", "imports"],
    ]);
    expect(heard.every((t) => t.seconds >= 0)).toBe(true);
  });

  it("times a step that throws, and passes the error on", async () => {
    const heard: Timing[] = [];
    await expect(
      timed(
        (t) => void heard.push(t),
        "index",
        "python",
        async () => Promise.reject(new Error("no grammar")),
      ),
    ).rejects.toThrow("no grammar");
    expect(() =>
      timedSync(
        (t) => void heard.push(t),
        "rules",
        "load",
        () => {
          throw new Error("bad rule");
        },
      ),
    ).toThrow("bad rule");
    expect(heard.map((t) => t.name)).toEqual(["python", "load"]);
  });

  it("only runs the step when there is no sink", async () => {
    expect(await timed(undefined, "walk", "walk", () => 1)).toBe(1);
    expect(timedSync(undefined, "walk", "walk", () => 2)).toBe(2);
  });
});
