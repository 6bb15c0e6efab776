// Config files a step passes by option that the repo lacks, and the configs beside them.
import { describe, expect, it } from "vitest";
import {
  configsBeside,
  missingConfigArguments,
  writes,
} from "../../../../src/extract/families/rerun-plan/missing-configs.js";

describe("missing-configs", () => {
  const has = (p: string) => ["src/configs/a.yaml", "b.yml"].includes(p);

  it("names a config option's file the repo lacks, from the step's folder", () => {
    expect(missingConfigArguments(["-c", "configs/x.yaml", "--fold", "0"], "src", has)).toEqual(["src/configs/x.yaml"]);
    expect(missingConfigArguments(["--config_file=configs/a.yaml"], "src", has)).toEqual([]);
    expect(missingConfigArguments(["--cfg", "b.yml"], "src", has)).toEqual([]);
    expect(missingConfigArguments(["--out", "pred.json", "data.yml"], "", has)).toEqual([]);
  });

  it("leaves placeholders and paths outside the repo to the reader", () => {
    for (const value of [
      "path/to/config.yaml",
      "<cfg>.yml",
      "your_config.yml",
      "$CFG.yml",
      "/abs/c.yml",
      "~/c.yml",
      "../c.yml",
    ])
      expect(missingConfigArguments(["-c", value], "", has)).toEqual([]);
  });

  it("matches a write with unread parts, and lists the configs of the folder named", () => {
    expect(writes("experiments/*.yml", "experiments/gen.yml")).toBe(true);
    expect(writes("experiments/*.yml", "experiments/sub/gen.yml")).toBe(false);
    expect(writes("out/a.yml", "out/a.yml")).toBe(true);
    expect(
      configsBeside("experiments/config.yml", [
        "experiments/b.yml",
        "experiments/a.yml",
        "experiments/x/c.yml",
        "experiments/notes.md",
      ]),
    ).toEqual(["experiments/a.yml", "experiments/b.yml"]);
  });
});
