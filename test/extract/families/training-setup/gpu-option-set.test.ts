// A GPU option's default pins nothing where every plan step passes the option, or where no code reads its value.
import { describe, expect, it } from "vitest";
import { gpuOptionUnused } from "../../../../src/extract/families/training-setup/gpu-option-set.js";

const script = (use: string) =>
  [
    "import argparse, os",
    "parser = argparse.ArgumentParser()",
    "parser.add_argument('--device_no', type=int, default=6)",
    "args = parser.parse_args()",
    use,
  ].join("\n");

describe("gpuOptionUnused", () => {
  const used = script("os.environ['CUDA_VISIBLE_DEVICES'] = str(args.device_no)");
  const python = (text: string) => [{ path: "fit.py", text }];
  it("takes an option every plan step running the script passes as set by the plan", () => {
    const runs = [
      { program: "fit.py", args: "--size 384 --device_no <GPU>" },
      { program: "fit.py", args: "--device_no=1" },
      { program: "other.py", args: "" },
    ];
    expect(gpuOptionUnused("fit.py", 3, used, runs, python(used))).toBe("set-by-plan");
    // One step that leaves it out runs on the default.
    const partly = [...runs, { program: "fit.py", args: "--size 512" }];
    expect(gpuOptionUnused("fit.py", 3, used, partly, python(used))).toBeNull();
    expect(gpuOptionUnused("fit.py", 3, used, [], python(used))).toBeNull();
  });
  it("takes an option whose value no code reads (its only use commented out) as unread", () => {
    const dead = script("# os.environ['CUDA_VISIBLE_DEVICES'] = str(args.device_no)\nprint(args)");
    expect(gpuOptionUnused("fit.py", 3, dead, [], python(dead))).toBe("unread");
    // Read in another module that gets the parsed args: still a pin.
    const helper = { path: "lib/setup.py", text: "def setup(args):\n    torch.cuda.set_device(args.device_no)\n" };
    expect(gpuOptionUnused("fit.py", 3, dead, [], [...python(dead), helper])).toBeNull();
    // Another script's own option of that name reads its own value, not this one's.
    const twin = { path: "eval.py", text: script("torch.cuda.set_device(args.device_no)") };
    expect(gpuOptionUnused("fit.py", 3, dead, [], [...python(dead), twin])).toBe("unread");
  });
  it("reads the option's dest where one is given, and passes over a line that is no option", () => {
    const text = [
      "parser.add_argument('-g', '--gpu', dest='cuda_index', type=int, default=3)",
      "args = parser.parse_args()",
      "torch.cuda.set_device(args.cuda_index)",
    ].join("\n");
    expect(gpuOptionUnused("fit.py", 1, text, [], python(text))).toBeNull();
    expect(gpuOptionUnused("fit.py", 1, text, [{ program: "fit.py", args: "-g 0" }], python(text))).toBe("set-by-plan");
    expect(gpuOptionUnused("fit.py", 3, text, [], python(text))).toBeNull();
  });
});
