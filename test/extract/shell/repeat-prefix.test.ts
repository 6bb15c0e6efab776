// The count of runs a README line puts before its command.
import { describe, expect, it } from "vitest";
import { repeatPrefix } from "../../../src/extract/shell/repeat-prefix.js";

describe("repeatPrefix", () => {
  it.each([
    ["5x python train.py --config cfg_1", 5, "python train.py --config cfg_1"],
    ["- 3 × bash train.sh", 3, "bash train.sh"],
    ["$ 2X python a.py", 2, "python a.py"],
    ["1. 10x python a.py", 10, "python a.py"],
  ])("reads %j as %i runs of its command", (line, times, rest) => {
    expect(repeatPrefix(line)).toEqual({ times, rest });
  });

  it.each(["python train.py", "1x python a.py", "500x python a.py", "5x", "0x0 python a.py"])(
    "reads %j as no repeat",
    (line) => {
      expect(repeatPrefix(line)).toBeNull();
    },
  );
});
