// Config values read line by line, each with its key and line.
import { describe, expect, it } from "vitest";
import { configValues } from "../../../src/extract/python/config-lines.js";

describe("configValues", () => {
  it("gives each line's key and scalar in YAML, JSON and INI", () => {
    expect(configValues('epochs: 20\n"data_dir": "./input",\nlr = 0.1\n')).toEqual([
      { line: 1, key: "epochs", value: "20" },
      { line: 2, key: "data_dir", value: "./input" },
      { line: 3, key: "lr", value: "0.1" },
    ]);
  });

  it("gives each pair of a one-line JSON mapping with its own key", () => {
    const text = '{"RAW_DATA_DIR": "./data/raw/", "MODEL_DIR": "models", "EPOCHS": 12, "ESCAPED": "a\\\\b"}\n';
    expect(configValues(text)).toEqual([
      { line: 1, key: "RAW_DATA_DIR", value: "./data/raw/" },
      { line: 1, key: "MODEL_DIR", value: "models" },
      { line: 1, key: "EPOCHS", value: "12" },
      { line: 1, key: "ESCAPED", value: "a\\b" },
    ]);
  });

  it("gives a nested one-line mapping's inner keys, not the outer one", () => {
    expect(configValues('paths: {"train": "in/train.csv"}\n')).toEqual([
      { line: 1, key: "train", value: "in/train.csv" },
    ]);
  });
});
