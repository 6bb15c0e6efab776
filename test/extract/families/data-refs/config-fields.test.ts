// A file name whose fields a config fills: the names the run reads.
import { describe, expect, it } from "vitest";
import { configFilledNames } from "../../../../src/extract/families/data-refs/config-fields.js";
import { ConfigKeys } from "../../../../src/extract/families/data-refs/config-keys.js";

const keys = () => {
  const k = new ConfigKeys();
  k.addConfigText("config/data/default.yaml", 'dp:\n  feats_ver: "3_deic"\n');
  k.addConfigText("config/data/dl.yaml", 'dp:\n  feats_ver: "13_nn"\n');
  return k;
};

describe("configFilledNames", () => {
  it("fills an f-string's fields from the config values of their last names, one name per value", () => {
    expect(
      configFilledNames(
        "*/feats/v*.pkl",
        `with open(self.data_path / "feats" / f"v{self.feats_ver}.pkl", "rb") as f:`,
        keys(),
      ),
    ).toEqual([
      { path: "*/feats/v3_deic.pkl", by: "config/data/default.yaml:2" },
      { path: "*/feats/v13_nn.pkl", by: "config/data/dl.yaml:2" },
    ]);
  });

  it("fills nothing where a field has no config value, or the line's f-string spells another name", () => {
    expect(configFilledNames("*/feats/v*.pkl", `open(f"{root}/feats/v{fold}.pkl")`, keys())).toEqual([]);
    expect(configFilledNames("*/feats/v*.pkl", `open(f"{root}/feats/w{self.feats_ver}.pkl")`, keys())).toEqual([]);
    expect(configFilledNames("*/feats/v1.pkl", `open(f"{root}/feats/v1.pkl")`, keys())).toEqual([]);
  });
});
