// Hydra's `???` values: a documented command that sets none of what the config leaves mandatory, and the code
// reads, stops with MissingMandatoryValue; one that sets it, a composed file that fills it, or code that assigns it
// first does not.
import { describe, expect, it } from "vitest";
import { readsUnassigned } from "../../../../src/extract/families/rerun-plan/mandatory-reads.js";
import { findingsOf, planOf } from "./plan-repo.js";

const TRAIN =
  "import hydra\n\n@hydra.main(config_path='conf', config_name='config')\ndef main(cfg):\n    print(cfg.data.fold_file, cfg.model.name)\n\nmain()\n";
const CONF = {
  "train.py": TRAIN,
  "conf/config.yaml": "defaults:\n  - model: small\n  - _self_\ndata:\n  fold_file: ???\n  batch: 8\n",
  "conf/model/small.yaml": "name: ???\n",
  "conf/model/large.yaml": "name: big-net\n",
};
const withReadme = (command: string) => ({ ...CONF, "README.md": `# Solution\n\n\`\`\`bash\n${command}\n\`\`\`\n` });
const mandatoryOf = async (command: string, files = withReadme(command)) =>
  (await planOf(files)).find((r) => r.kind === "step" && r.program === "train.py")?.mandatoryUnset;

describe("hydra mandatory values on the plan", () => {
  it("names each ??? the command leaves unset, with the file that leaves it", async () => {
    expect(await mandatoryOf("python train.py")).toBe(
      "data.fold_file (conf/config.yaml), model.name (conf/model/small.yaml)",
    );
  });

  it("counts a value the command sets, and a group the command re-picks, as given", async () => {
    expect(await mandatoryOf("python train.py data.fold_file=folds.csv model=large")).toBeUndefined();
    expect(await mandatoryOf("python train.py data.fold_file=folds.csv")).toBe("model.name (conf/model/small.yaml)");
  });

  it("leaves out a value the code assigns before reading it", async () => {
    const files = {
      ...withReadme("python train.py model=large"),
      "train.py": TRAIN.replace("    print(", "    cfg.data.fold_file = 'folds.csv'\n    print("),
    };
    expect(await mandatoryOf("python train.py model=large", files)).toBeUndefined();
  });

  it("reports a defaults group left ??? that the command does not pick", async () => {
    const files = {
      ...withReadme("python train.py data.fold_file=f.csv"),
      "conf/config.yaml": "defaults:\n  - model: ???\n  - _self_\ndata:\n  fold_file: ???\n",
    };
    expect(await mandatoryOf("python train.py data.fold_file=f.csv", files)).toBe("model (conf/config.yaml)");
    expect(
      await mandatoryOf("python train.py data.fold_file=f.csv model=large", {
        ...files,
        "README.md": "# S\n\n```bash\npython train.py data.fold_file=f.csv model=large\n```\n",
      }),
    ).toBeUndefined();
  });

  it("says nothing when a defaults entry it cannot follow may fill the value", async () => {
    const files = {
      ...withReadme("python train.py"),
      "conf/config.yaml": "defaults:\n  - model: small\n  - override hydra/launcher: joblib\ndata:\n  fold_file: ???\n",
    };
    expect(await mandatoryOf("python train.py", files)).toBeUndefined();
  });

  it("is a warning of instructions-mandatory-values-set", async () => {
    const findings = await findingsOf(withReadme("python train.py model=large"), ["instructions-mandatory-values-set"]);
    expect(findings).toEqual([["instructions-mandatory-values-set", "README.md", 4, "warning"]]);
  });
});

describe("readsUnassigned", () => {
  it("reads attribute, item and get reads, and any assignment rules the key out", () => {
    expect(readsUnassigned("a.lr", ["x = cfg.a.lr * 2\n"])).toBe(true);
    expect(readsUnassigned("a.lr", ["x = cfg['lr']\n"])).toBe(true);
    expect(readsUnassigned("a.lr", ["x = cfg.a.get('lr')\n"])).toBe(true);
    expect(readsUnassigned("a.lr", ["x = 1\n"])).toBe(false);
    expect(readsUnassigned("a.lr", ["cfg.a.lr = 3\n", "print(cfg.a.lr)\n"])).toBe(false);
    expect(readsUnassigned("a.lr", ["OmegaConf.update(cfg, 'a.lr', 3)\nprint(cfg.a.lr)\n"])).toBe(false);
    expect(readsUnassigned("a.lr", ["if cfg.a.lr == 3: pass\n"])).toBe(true);
  });
});

describe("reads under a flag the config turns off", () => {
  it("leaves out a ??? read only under an `if` whose flag the composed config sets false, unless the command sets it", async () => {
    const guarded = {
      ...withReadme("python train.py model=large"),
      "train.py":
        "import hydra\n\n@hydra.main(config_path='conf', config_name='config')\ndef main(cfg):\n    if cfg.data.use_folds:\n        for f in cfg.data.fold_file:\n            print(f)\n    print(cfg.model.name)\n\nmain()\n",
      "conf/config.yaml": "defaults:\n  - model: small\n  - _self_\ndata:\n  use_folds: false\n  fold_file: ???\n",
    };
    expect(await mandatoryOf("python train.py model=large", guarded)).toBeUndefined();
    const on = "python train.py model=large data.use_folds=true";
    expect(await mandatoryOf(on, { ...guarded, "README.md": `# S\n\n\`\`\`bash\n${on}\n\`\`\`\n` })).toBe(
      "data.fold_file (conf/config.yaml)",
    );
  });
});

describe("a command line that names another primary config", () => {
  it("checks the values and overrides against the config `--config-name` names, not the decorator's", async () => {
    const cmd = "python train.py --config-name other model=large data.fold_file=f.csv";
    const files = {
      ...CONF,
      "conf/other.yaml": "defaults:\n  - model: small\n  - _self_\ndata:\n  fold_file: ???\n  extra: ???\n",
      "train.py": TRAIN.replace("cfg.model.name)", "cfg.model.name, cfg.data.extra)"),
      "README.md": `# S\n\n\`\`\`bash\n${cmd}\n\`\`\`\n`,
    };
    const step = (await planOf(files)).find((r) => r.kind === "step" && r.program === "train.py");
    expect(step?.mandatoryUnset).toBe("data.extra (conf/other.yaml)");
    expect(step?.rejected).toBeNull();
    // The decorator's own config need not exist when every command names another.
    const { "conf/config.yaml": _gone, ...without } = files;
    const named = (await planOf(without)).find((r) => r.kind === "step" && r.program === "train.py");
    expect(named?.mandatoryUnset).toBe("data.extra (conf/other.yaml)");
  });
});
