import { describe, expect, it } from "vitest";
import { interpretLine, scriptRun } from "../../../src/extract/shell/readme-commands.js";

const run = (line: string, files: string[], cwd = "", from = "") => {
  const { command } = interpretLine(line, cwd);
  return scriptRun(command!, (p) => files.includes(p), from);
};

describe("scriptRun", () => {
  it("finds the script from the folder cd moved to, then from the root", () => {
    expect(run("python train.py", ["src/train.py", "train.py"], "src")).toBe("src/train.py");
    expect(run("python src/train.py", ["src/train.py"], "src")).toBe("src/train.py");
  });

  it("then from the folder of the script that holds the line, then the module -m names", () => {
    expect(run("python fit.py", ["jobs/fit.py"], "", "jobs")).toBe("jobs/fit.py");
    expect(run("python -m pkg.train", ["pkg/train/__main__.py"])).toBe("pkg/train/__main__.py");
  });

  it("is null when the repo holds none of them", () => {
    expect(run("python missing.py", ["train.py"])).toBeNull();
    expect(run("pip install numpy", ["train.py"])).toBeNull();
  });
});

describe("interpretLine: interpreters other than `python`", () => {
  it("takes pypy, pypy3, python2, python3.8, ipython and /usr/bin/env python to run the script they name", () => {
    const lines = [
      "pypy train.py",
      "pypy3 train.py",
      "python2 train.py",
      "python3.8 train.py",
      "ipython train.py",
      "/usr/bin/env python train.py",
      "env CUDA_VISIBLE_DEVICES=0 python3 train.py",
    ];
    expect(
      lines.map((l) => [interpretLine(l, "").command?.script ?? null, interpretLine(l, "").command?.purpose ?? null]),
    ).toEqual(lines.map(() => ["train.py", "train"]));
  });

  it("reads `pypy3 -m pkg.predict` as a module run", () => {
    expect(interpretLine("pypy3 -m pkg.predict", "").command).toMatchObject({
      purpose: "predict",
      moduleFiles: ["pkg/predict.py", "pkg/predict/__main__.py"],
    });
  });
});

describe("a parser's usage synopsis in a README", () => {
  it("is no command: its options are shown, not given", () => {
    expect(
      interpretLine("python3 -m pkg.examples.test [-h] (--network-path NETWORK | --network-offtheshelf NETWORK)", "")
        .command,
    ).toBeNull();
    expect(interpretLine("usage: train.py [--help] [--epochs N]", "").command).toBeNull();
    expect(interpretLine("python3 -m pkg.examples.test --network-path x [--gpu-id N]", "").command).not.toBeNull();
  });
});

describe("interpretLine placeholders", () => {
  it("takes a placeholder with spaces as one argument to fill: no config file, no script of the repo", () => {
    const { command } = interpretLine(
      "python train.py --config configs/[config name].yaml --data <path to data.csv>",
      "",
    );
    expect([command!.script, command!.inputs]).toEqual(["train.py", []]);
    expect(interpretLine("python train.py --config configs/base.yaml", "").command!.inputs).toEqual([
      "configs/base.yaml",
    ]);
  });
});
