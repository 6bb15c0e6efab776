// Hosted experiment trackers a training starts, and whether a rerun can run without their account.
import { describe, expect, it } from "vitest";
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
      "logger = WandbLogger(project='x', offline=cfg.debug)",
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

  it("reads a bare Experiment( as comet's only where the file imports comet_ml, and skips comments", () => {
    expect(starts("exp = Experiment(name='a')\n# wandb.init()\n")).toEqual([]);
    expect(starts("from comet_ml import Experiment\nexp = Experiment(api_key='k')\n")).toEqual([
      [2, "comet", "Experiment", false],
    ]);
  });
});
