// A config a script loads through a helper of its own (`load_paths('configs/paths.yaml')`, the helper opening
// its parameter) is read as a direct `open` is: absent and written by no step, it is a finding.
import { describe, expect, it } from "vitest";
import { configLoaders, configLoads } from "../../../../src/extract/families/data-refs/config-loaders.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const TRAIN = [
  "import yaml", // 1
  "def load_paths(fp, strict=True):", // 2
  "    with open(fp, 'rb') as f:", // 3
  "        return yaml.safe_load(f)", // 4
  "class Cfg:", // 5
  "    def read(self, name):", // 6
  "        return OmegaConf.load(name)", // 7
  "def log(msg):", // 8
  "    print(msg)", // 9
  "paths = load_paths('configs/paths.yaml')", // 10
  "model = load_paths('configs/model.yaml')", // 11
  "log('configs/note.yaml')", // 12
].join("\n");

describe("data-refs: config loaders", () => {
  it("finds the helpers that load a parameter, by its position", () => {
    expect([...configLoaders(TRAIN)]).toEqual([
      ["load_paths", 0],
      ["read", 0],
    ]);
    expect(configLoads(TRAIN).map((l) => [l.line, l.path])).toEqual([
      [10, "configs/paths.yaml"],
      [11, "configs/model.yaml"],
    ]);
  });

  it("reports a config a helper loads that the repo lacks, not one it ships or a string logged", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```\npython train.py\n```\n",
        "configs/model.yaml": "lr: 1\n",
        "train.py": TRAIN + "\n",
      },
      ["datasets-data-available"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "train.py", 10],
    ]);
  });
});
