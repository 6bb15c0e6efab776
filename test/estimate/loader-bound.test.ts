// Which plan trainings are costed loader-bound: a decoder import in a file their program reaches, by any step.
import { describe, expect, it } from "vitest";
import { LOADER_SHARE, loaderBound } from "../../src/estimate/loader-bound.js";
import type { FactRecord } from "../../src/model/facts.js";

const step = (order: number, program: string): FactRecord => ({ kind: "step", order, program, purpose: "train" });
const reach = (file: string, order: number): FactRecord => ({ kind: "reach", file, step: order });
const imports = (file: string, line: number, top: string): FactRecord => ({ file, line, module: top, top });

describe("loader-bound trainings", () => {
  it("names the decoder import a later step's program reaches through the first step running it", () => {
    const plan = [step(1, "train.py"), reach("train.py", 1), reach("data/dicom.py", 1), step(2, "train.py")];
    const found = loaderBound(plan[3]!, plan, [
      imports("data/dicom.py", 3, "pydicom"),
      imports("train.py", 1, "torch"),
    ]);
    expect(found).toEqual({
      ...LOADER_SHARE,
      source:
        "data/dicom.py:3 imports pydicom (reached by train.py): images decoded on the CPU as the GPU waits, a third of the GPU-bound utilisation, a tenth at the low end",
    });
  });

  it("ignores decoders in files no run of the program reaches, and plain image readers", () => {
    const plan = [step(1, "train.py"), reach("train.py", 1), step(2, "prep.py"), reach("prep.py", 2)];
    expect(loaderBound(plan[0]!, plan, [imports("prep.py", 1, "pydicom"), imports("train.py", 2, "cv2")])).toBeNull();
  });
});
