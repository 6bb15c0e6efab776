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
