// A config path the code reads only to hand wandb (`wandb.save(f"{config['code_dir']}/*")`) is where logs go,
// no input: paths-portable passes it over; a key also read elsewhere keeps its finding.
import { describe, expect, it } from "vitest";
import { readOnlyForLogging } from "../../../../src/extract/families/path-literals/logging-only.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const TRAIN = [
  "import json, sys, wandb",
  "config = json.load(open(sys.argv[1]))",
  "wandb.init(project='p', dir=config['log_dir'])",
  "wandb.save(f\"{config['code_dir']}/*.py\")",
  "print(open(config['data_dir'] + '/a.csv').read())",
  "wandb.save(config['data_dir'])",
].join("\n");

describe("path-literals: paths only handed to a tracker", () => {
  it("holds a key every read of which is a wandb call's", () => {
    expect(readOnlyForLogging("code_dir", [TRAIN])).toBe(true);
    expect(readOnlyForLogging("log_dir", [TRAIN])).toBe(true);
    expect(readOnlyForLogging("data_dir", [TRAIN])).toBe(false);
    expect(readOnlyForLogging("absent", [TRAIN])).toBe(false);
  });

  it("drops paths-portable's finding for the logged path only", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```\npython train.py cfg.json\n```\n",
        "cfg.json": '{\n  "code_dir": "/content/someone/code",\n  "data_dir": "/content/someone/data"\n}\n',
        "train.py": TRAIN + "\n",
      },
      ["paths-portable"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([["paths-portable", "cfg.json", 3]]);
  });
});
