// Which wheels a Linux x86_64 build could install: the line between a Python mismatch and a source-only pin.
import { describe, expect, it } from "vitest";
import { hasLinuxWheel } from "../../src/resolve/leave-out.js";

describe("leaving out what the resolver cannot judge", () => {
  it("counts pure-Python and linux x86_64 wheels, not a source distribution or another platform's wheel", () => {
    expect(hasLinuxWheel(["numpy-1.22.0-cp38-cp38-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"])).toBe(true);
    expect(hasLinuxWheel(["alpha-1.0-py3-none-any.whl"])).toBe(true);
    expect(hasLinuxWheel(["torch-1.1.0-cp37-cp37m-linux_x86_64.whl"])).toBe(true);
    expect(hasLinuxWheel(["apex-0.1.tar.gz"])).toBe(false);
    expect(hasLinuxWheel(["pywin32-306-cp311-cp311-win_amd64.whl", "x-1.0-cp311-cp311-macosx_11_0_arm64.whl"])).toBe(
      false,
    );
    expect(hasLinuxWheel(["x-1.0-cp311-cp311-manylinux_2_17_aarch64.whl"])).toBe(false);
  });
});
