import { describe, expect, it } from "vitest";
import { overriddenShellDefaults } from "../../../src/extract/shell/overridden-defaults.js";

describe("overriddenShellDefaults", () => {
  it("finds defaults an argument or the environment replaces", () => {
    const text = [
      "TOOL_PATH=/workspace/tool",
      'if [ "$#" -eq 1 ]; then TOOL_PATH=$1; fi',
      "OUT=${2:-/mnt/out}",
      ': "${CACHE:=/home/me/cache}"',
      "DATA=/home/me/data",
      "python run.py $TOOL_PATH $DATA",
    ].join("\n");
    expect([...overriddenShellDefaults(text)]).toEqual([1, 3, 4]);
  });
});
