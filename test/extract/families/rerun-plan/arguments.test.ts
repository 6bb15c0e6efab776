// A step's arguments checked against its program's own parser, the configs it loads and its training values.
import { describe, expect, it } from "vitest";
import { planOf } from "./plan-repo.js";

const stepOf = async (readme: string, files: Record<string, string>, order = 1) => (await planOf({ "README.md": `# Run\n\n\`\`\`\n${readme}\n\`\`\`\n`, ...files })).find((r) => r.kind === "step" && r.order === order)!;

describe("rerun-plan arguments", () => {
  const argparse = (parse: string) => `import argparse\np = argparse.ArgumentParser()\np.add_argument("--epochs", type=int, default=10)\np.add_argument("-b", "--batch-size", type=int, default=8)\np.add_argument("--use_amp", type=bool, default=True)\nargs = p.${parse}\n`;

  it("names an option argparse does not declare under parse_args(), and accepts abbreviations and short flags", async () => {
    expect((await stepOf("python train.py --epochs 3 --lr 0.1", { "train.py": argparse("parse_args()") })).rejected).toBe("--lr: argparse declares no such option (parse_args() exits with 'unrecognized arguments')");
    expect((await stepOf("python train.py --epo 3 -b 4 --batch-size=2", { "train.py": argparse("parse_args()") })).rejected).toBeNull();
  });

  it("lets unknown options through parse_known_args()", async () => {
    expect((await stepOf("python train.py --lr 0.1", { "train.py": argparse("parse_known_args()[0]") })).rejected).toBeNull();
  });

  it("names a type=bool option given False", async () => {
    expect((await stepOf("python train.py --use_amp False", { "train.py": argparse("parse_args()") })).rejected).toBe('--use_amp False: type=bool turns any non-empty string, "False" included, into True');
  });

  it("names an option a click command does not declare", async () => {
    const click = `import click\n@click.command()\n@click.option("--epochs", type=int, default=5)\ndef main(epochs):\n    pass\n\nif __name__ == "__main__":\n    main()\n`;
    expect((await stepOf("python train.py --epochs 2 --gpus 1", { "train.py": click })).rejected).toBe("--gpus: click declares no such option (click exits with 'No such option')");
    expect((await stepOf("python train.py --epochs 2", { "train.py": click })).rejected).toBeNull();
  });

  it("leaves a program whose parser it cannot see unjudged", async () => {
    expect((await stepOf("python train.py --anything 1", { "train.py": "import sys\nprint(sys.argv)\n" })).rejected).toBeNull();
  });
});

describe("rerun-plan configs and training values", () => {
  const withConfig = `import argparse\nimport yaml\np = argparse.ArgumentParser()\np.add_argument("--config", default="configs/base.yaml")\np.add_argument("--epochs", type=int, default=10)\nargs = p.parse_args()\n`;

  it("loads the config passed as an argument; the argument overrides the config, the config the program's default", async () => {
    const step = await stepOf("python train.py --config configs/big.yaml --batch_size 16", {
      "train.py": withConfig,
      "configs/base.yaml": "epochs: 3\n",
      "configs/big.yaml": "model_name: tf_efficientnet_b5\nimg_size: 512\nepochs: 30\nbatch_size: 4\n",
    });
    expect([step.configs, step.model, step.imageSize, step.epochs, step.batchSize, step.trainingSource]).toEqual(["configs/big.yaml", "tf_efficientnet_b5", 512, 30, 16, "README.md:4,configs/big.yaml:1,configs/big.yaml:2,configs/big.yaml:3"]);
  });

  it("loads the default config path when no argument names one", async () => {
    const step = await stepOf("python train.py", { "train.py": withConfig, "configs/base.yaml": "epochs: 3\nn_folds: 5\n" });
    expect([step.configs, step.epochs, step.folds, step.trainingSource]).toEqual(["configs/base.yaml", 3, 5, "configs/base.yaml:1,configs/base.yaml:2"]);
  });

  it("falls back on the program's own defaults and the constants of the modules it imports", async () => {
    const step = await stepOf("python train.py", { "train.py": "import argparse\nfrom settings import *\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=7)\nargs = p.parse_args()\n", "settings.py": "IMAGE_SIZE = 384\n" });
    expect([step.epochs, step.imageSize, step.trainingSource]).toEqual([7, 384, "train.py:4,settings.py:1"]);
  });
});
