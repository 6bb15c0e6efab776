// Hosted experiment trackers a training starts, and whether a rerun can run without their account.
import { describe, expect, it } from "vitest";
import { switchOnForPlan } from "../../../../src/extract/families/training-setup/tracker-switches.js";
import { trackerStarts } from "../../../../src/extract/families/training-setup/trackers.js";

const starts = (text: string) => trackerStarts(text).map((t) => [t.line, t.tracker, t.name, t.switchable]);

describe("trackerStarts", () => {
  it("reads unconditional starts of wandb, neptune and comet as needing an account", () => {
    const text = [
      "import wandb, neptune, comet_ml",
      "wandb.init(project='x', entity='me')",
      "run = neptune.init_run(project='me/x',",
      "    api_token=TOKEN)",
      "exp = comet_ml.Experiment(api_key='k')",
      "logger = WandbLogger(project='x')",
    ].join("\n");
    expect(starts(text)).toEqual([
      [2, "wandb", "wandb.init", false],
      [3, "neptune", "neptune.init_run", false],
      [5, "comet", "comet_ml.Experiment", false],
      [6, "wandb", "WandbLogger", false],
    ]);
  });

  it("takes a mode argument, an if, a try or a conditional expression as a switch", () => {
    const text = [
      "import wandb",
      "wandb.init(project='x',",
      "           mode=args.wandb_mode)",
      "if args.use_wandb:",
      "    wandb.init(project='x')",
      "try:",
      "    run = neptune.init_run(project='me/x')",
      "except Exception:",
      "    run = None",
      "logger = WandbLogger(project='x') if cfg.log else None",
      "logger = WandbLogger(project='x', offline=cfg.wandb_offline)",
    ].join("\n");
    expect(starts(text).map((s) => s[3])).toEqual([true, true, true, true, true]);
  });

  it("does not take a mode that forces the hosted service as a switch, nor a function body as guarded", () => {
    const text = [
      "import wandb",
      "def setup(cfg):",
      "    if cfg.fold == 0:",
      "        pass",
      "    wandb.init(project='x', mode='online')",
    ].join("\n");
    expect(starts(text)).toEqual([[5, "wandb", "wandb.init", false]]);
  });

  it("does not take an if that tests something else (a debug run) as a switch for the tracker", () => {
    const text = ["import wandb", "if not args.debug:", "    wandb.init(project='x')"].join("\n");
    expect(starts(text)).toEqual([[3, "wandb", "wandb.init", false]]);
  });

  it("takes a mode of None, or one that only a debug flag turns off, as no switch: debugging is not running offline", () => {
    const text = [
      "import wandb",
      "wandb.init(project='x', mode=None)",
      "wandb.init(project='x', mode='disabled' if args.debug else None)",
      "wandb.init(project='x', mode=None if not args.debug else 'disabled')",
      "mode = 'disabled' if cfg.debug else 'online'",
      "wandb.init(project='x', mode=mode)",
      "if args.debug:",
      "    run_mode = 'disabled'",
      "else:",
      "    run_mode = None",
      "wandb.init(project='x', mode=run_mode)",
      "if args.debug:",
      "    pass",
      "else:",
      "    wandb.init(project='x')",
      "run = wandb.init(project='x') if not args.debug else None",
      "logger = WandbLogger(project='x', offline=cfg.debug)",
    ].join("\n");
    expect(starts(text).map((s) => [s[0], s[3]])).toEqual([
      [2, false],
      [3, false],
      [4, false],
      [6, false],
      [11, false],
      [15, false],
      [16, false],
      [17, false],
    ]);
  });

  it("takes a mode from the environment, a tracker flag or the caller, and an else of a tracker test, as a switch", () => {
    const text = [
      "import os, wandb",
      "wandb.init(mode=os.environ.get('WANDB_MODE', 'online'))",
      "wandb.init(mode='offline' if args.offline else 'online')",
      "wb_mode = 'disabled' if args.no_wandb else 'online'",
      "wandb.init(mode=wb_mode)",
      "def start(mode):",
      "    wandb.init(project='x', mode=mode)",
      "if not args.wandb:",
      "    pass",
      "else:",
      "    wandb.init(project='x')",
    ].join("\n");
    expect(starts(text).map((s) => [s[0], s[3]])).toEqual([
      [2, true],
      [3, true],
      [5, true],
      [7, true],
      [11, true],
    ]);
  });

  it("reads a bare Experiment( as comet's only where the file imports comet_ml, and skips comments", () => {
    expect(starts("exp = Experiment(name='a')\n# wandb.init()\n")).toEqual([]);
    expect(starts("from comet_ml import Experiment\nexp = Experiment(api_key='k')\n")).toEqual([
      [2, "comet", "Experiment", false],
    ]);
  });
});

describe("tracker switches", () => {
  it("names the switches an if tests for truth, and none behind a try, an else, a negation or a mode", () => {
    const text = [
      "import wandb",
      "if cfg.use_wandb and not cfg.debug:",
      "    wandb.init(project='a')",
      "if cfg.get('log_wandb', False):",
      "    wandb.init(project='b')",
      "try:",
      "    wandb.init(project='c')",
      "except Exception:",
      "    pass",
      "if not cfg.no_wandb:",
      "    wandb.init(project='d')",
      "if args.wandb:",
      "    wandb.init(project='e', mode=args.mode)",
    ].join("\n");
    expect(trackerStarts(text).map((t) => [t.line, t.switchable, t.switches])).toEqual([
      [3, true, ["use_wandb"]],
      [5, true, ["log_wandb"]],
      [7, true, undefined],
      [11, true, undefined],
      [13, true, undefined],
    ]);
  });
  it("names the callers' switch for a start inside a function every call of which it guards", () => {
    const lib = "import wandb\n\ndef init_wandb(cfg):\n    return wandb.init(project='x')\n";
    const main = ["if cfg['use_wandb']:", "    init_wandb(cfg)"];
    const sites = () => [{ lines: main, i: 1 }];
    expect(trackerStarts(lib, sites).map((t) => [t.switchable, t.switches])).toEqual([[true, ["use_wandb"]]]);
  });
});

describe("switchOnForPlan", () => {
  const python = [{ path: "train.py", text: "import argparse\np.add_argument('--use_wandb', action='store_true')\n" }];
  const none = { steps: [], planConfigs: [], otherConfigs: [], python: [] };
  it("reads the plan's arguments, then the configs it loads, then the code's defaults", () => {
    expect(switchOnForPlan(["use_wandb"], { ...none, python })).toBeNull();
    const passed = { ...none, python, steps: [{ args: "--use_wandb --epochs 3", at: "README.md:5" }] };
    expect(switchOnForPlan(["use_wandb"], passed)?.off).toBe("drop `--use_wandb` from the command at README.md:5");
    const config = { path: "configs/a.yaml", text: "train:\n  use_wandb: true\n" };
    expect(switchOnForPlan(["use_wandb"], { ...none, python, planConfigs: [config] })).toEqual({
      name: "use_wandb",
      at: "configs/a.yaml:2",
      written: "use_wandb: true",
      off: "set `use_wandb: false` in configs/a.yaml",
    });
    // The plan's override wins over the config's value.
    const overridden = { ...none, planConfigs: [config], steps: [{ args: "use_wandb=false", at: "run.sh:1" }] };
    expect(switchOnForPlan(["use_wandb"], overridden)).toBeNull();
  });
  it("takes a dataclass field or an argparse default of True as on", () => {
    const field = [{ path: "cfg.py", text: "@dataclass\nclass Config:\n    use_wandb: bool = True\n" }];
    expect(switchOnForPlan(["use_wandb"], { ...none, python: field })?.off).toBe(
      "set `use_wandb` to False at cfg.py:3",
    );
    const option = [{ path: "train.py", text: "p.add_argument(\n    '--use-wandb',\n    default=True,\n)\n" }];
    expect(switchOnForPlan(["use_wandb"], { ...none, python: option })?.at).toBe("train.py:2");
  });
});
