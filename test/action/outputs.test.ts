// Output values and the $GITHUB_OUTPUT format (pure).
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/index.js";
import { actionOutputs, co2Figure, figure, outputFileText, OUTPUT_NAMES } from "../../src/action/outputs.js";
import { parseOutputFile } from "../support/github-output.js";

const consumption = (co2g: number) => ({ epochs: 1, seconds: 1, energyKWh: 0.001, co2g, kmByCar: 0 });
const base = { score: { total: 71.6 } } as unknown as Report;
const withCarbon = (carbon: unknown) => ({ ...base, carbon }) as unknown as Report;

describe("co2Figure", () => {
  it("takes the prediction on its basis", () => {
    expect(co2Figure(withCarbon({ prediction: { basis: "estimated", total: consumption(12.5) } }))).toEqual({
      grams: 12.5,
      basis: "estimated",
    });
  });
  it("takes a run that measured every epoch when there is no prediction", () => {
    const measurement = { complete: true, energyMeasured: true, actual: consumption(0.4) };
    expect(co2Figure(withCarbon({ prediction: null, measurement }))).toEqual({ grams: 0.4, basis: "measured" });
    expect(co2Figure(withCarbon({ prediction: null, measurement: { ...measurement, energyMeasured: false } }))).toEqual(
      { grams: null, basis: "none" },
    );
    expect(co2Figure(base)).toEqual({ grams: null, basis: "none" });
  });
});

describe("actionOutputs", () => {
  it("gives every output, the score rounded, an unassessed score empty", () => {
    const paths = { report: "/t/r.json", sarif: "/t/s.sarif", badge: "/t/b.json" };
    const outputs = actionOutputs(
      withCarbon({ prediction: { basis: "measured", total: consumption(0.0900304698) } }),
      paths,
    );
    expect(Object.keys(outputs)).toEqual([...OUTPUT_NAMES]);
    expect(outputs).toMatchObject({
      score: "72",
      "co2-g": "0.09003",
      "co2-basis": "measured",
      "report-path": "/t/r.json",
    });
    expect(actionOutputs({ score: { total: null } } as unknown as Report, paths).score).toBe("");
    expect(figure(1234567)).toBe("1235000");
  });
});

describe("outputFileText", () => {
  it("writes heredoc blocks the runner reads back, newlines and '=' included", () => {
    const text = outputFileText({ a: "1", b: "x=y\nsecond line", c: "" }, "ghadelimiter_test");
    expect(text).toBe(
      "a<<ghadelimiter_test\n1\nghadelimiter_test\nb<<ghadelimiter_test\nx=y\nsecond line\nghadelimiter_test\nc<<ghadelimiter_test\n\nghadelimiter_test\n",
    );
    expect(parseOutputFile(text)).toEqual({ a: "1", b: "x=y\nsecond line", c: "" });
  });
  it("uses a fresh random delimiter and refuses a value that holds it", () => {
    const one = outputFileText({ a: "1" });
    expect(one).toMatch(/^a<<ghadelimiter_[0-9a-f-]{36}\n1\nghadelimiter_[0-9a-f-]{36}\n$/);
    expect(one).not.toBe(outputFileText({ a: "1" }));
    expect(() => outputFileText({ a: "x\nD\ny" }, "D")).toThrow("output a holds its delimiter");
  });
});
