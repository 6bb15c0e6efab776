import { describe, expect, it } from "vitest";
import { AuditError } from "../../src/model/errors.js";
import { gpuTable, gpuTableProblems, peakFor, pickDevice } from "../../src/carbon/gpu-table.js";

describe("data/gpu-models.json", () => {
  const table = gpuTable();

  it("is sound and has the GPUs the estimate is asked about, each with its datasheet", () => {
    expect(gpuTableProblems(table)).toEqual([]);
    for (const id of ["p100", "t4", "v100", "a100-40gb", "a100-80gb", "h100", "h200", "rtx-3090", "rtx-4090"]) {
      expect(table.models[id], id).toBeDefined();
      expect(table.models[id]!.source).toMatch(/^https:\/\//);
    }
    expect(table.default).toBe("a100-40gb");
    expect(table.models["a100-40gb"]).toMatchObject({ fp32: 19.5, tf32: 156, fp16: 312, boardWatts: 400 });
    expect(table.models.t4).toMatchObject({ fp32: 8.1, tf32: null, fp16: 65, boardWatts: 70 });
    expect(table.models.p100).toMatchObject({ fp32: 9.3, tf32: null, fp16: null, boardWatts: 250 });
  });

  it("names each problem of a broken table by its pointer", () => {
    const broken = {
      default: "nope",
      models: {
        "Bad Id": { name: "", fp32: -1, tf32: 5, fp16: 2, boardWatts: 0, source: "http://x" },
        ok: { name: "ok", fp32: 10, tf32: null, fp16: null, boardWatts: 100, source: "https://x" },
      },
      utilisation: {
        source: "s",
        fp16: { value: 0.5, low: 0.6, high: 0.7 },
        tf32: { value: 0.1, low: 0.05, high: 0.2 },
        fp32: { value: 0.3, low: 0.1, high: 1.5 },
      },
      power: { source: "s", static: { value: 0.3, low: 0.2, high: 0.4 } },
    };
    expect(gpuTableProblems(broken)).toEqual([
      "/models/Bad Id: id must be lower-case letters, digits and dashes",
      "/models/Bad Id/name: must be a non-empty string",
      "/models/Bad Id/fp32: must be a positive number",
      "/models/Bad Id/fp16: below tf32",
      "/models/Bad Id/boardWatts: must be watts between 0 and 2000",
      "/models/Bad Id/source: must be the datasheet's https URL",
      "/default: must name a row of /models",
      "/utilisation/fp16: needs 0 < low <= value <= high <= 1",
      "/utilisation/fp32: needs 0 < low <= value <= high <= 1",
    ]);
    expect(gpuTableProblems(null)).toEqual(["/models: must be an object"]);
  });

  it("picks the default, forgives case and spaces, knows the CPU, and refuses an unknown name listing the choices", () => {
    expect(pickDevice(undefined, table)).toMatchObject({ kind: "gpu", id: "a100-40gb" });
    expect(pickDevice("A100 80GB", table)).toMatchObject({ kind: "gpu", id: "a100-80gb" });
    expect(pickDevice("NVIDIA Tesla V100", table)).toMatchObject({ kind: "gpu", id: "v100" });
    expect(pickDevice("cpu", table)).toEqual({ kind: "cpu", id: "cpu" });
    let error: unknown;
    try {
      pickDevice("b200", table);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).code).toBe("BAD_INPUT");
    expect((error as AuditError).message).toBe("unknown --gpu-model 'b200'");
    expect((error as AuditError).hint).toBe(`Use one of ${Object.keys(table.models).join(", ")}, cpu`);
  });

  it("runs fp32 transformers' matmuls at FP32, fp32 convolutions at TF32, mixed precision on FP16 tensor cores", () => {
    const a100 = table.models["a100-40gb"]!;
    expect(peakFor(a100, "fp32")).toEqual({ tflops: 156, precisionClass: "tf32" });
    expect(peakFor(a100, "fp32", true)).toEqual({ tflops: 19.5, precisionClass: "fp32" });
    expect(peakFor(a100, "mixed", true)).toEqual({ tflops: 312, precisionClass: "fp16" });
  });
});
