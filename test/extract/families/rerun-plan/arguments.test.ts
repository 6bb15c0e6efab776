// A step's arguments checked against its program's own parser, the configs it loads and its training values.
import { describe, expect, it } from "vitest";
import { planOf } from "./plan-repo.js";

const stepOf = async (readme: string, files: Record<string, string>, order = 1) =>
  (await planOf({ "README.md": `# Run\n\n\`\`\`\n${readme}\n\`\`\`\n`, ...files })).find(
    (r) => r.kind === "step" && r.order === order,
  )!;

describe("rerun-plan arguments", () => {
  const argparse = (parse: string) =>
    `import argparse\np = argparse.ArgumentParser()\np.add_argument("--epochs", type=int, default=10)\np.add_argument("-b", "--batch-size", type=int, default=8)\np.add_argument("--use_amp", type=bool, default=True)\nargs = p.${parse}\n`;

  it("names an option argparse does not declare under parse_args(), and accepts abbreviations and short flags", async () => {
    expect(
      (await stepOf("python train.py --epochs 3 --lr 0.1", { "train.py": argparse("parse_args()") })).rejected,
    ).toBe("--lr: argparse declares no such option (parse_args() exits with 'unrecognized arguments')");
    expect(
      (await stepOf("python train.py --epo 3 -b 4 --batch-size=2", { "train.py": argparse("parse_args()") })).rejected,
    ).toBeNull();
  });

  it("names a required option the command leaves out, unless it asks for --help or the parser reads a file", async () => {
    const test = (extra = "") =>
      `import argparse\np = argparse.ArgumentParser(${extra})\np.add_argument("-c", "--ckpt_path", required=True)\np.add_argument("--tta", action="store_true")\nargs = p.parse_args()\n`;
    expect((await stepOf("python test.py --tta", { "test.py": test() })).rejected).toBe(
      "--ckpt_path: argparse requires it and the command does not give it (parse_args() exits with 'the following arguments are required: --ckpt_path')",
    );
    for (const command of [
      "python test.py --ckpt_path m.pth",
      "python test.py -c m.pth",
      "python test.py --ckpt m.pth",
    ])
      expect((await stepOf(command, { "test.py": test() })).rejected, command).toBeNull();
    expect((await stepOf("python test.py --help", { "test.py": test() })).rejected).toBeNull();
    expect((await stepOf("python test.py $ARGS", { "test.py": test() })).rejected).toBeNull();
    expect(
      (await stepOf("python test.py @args.txt", { "test.py": test("fromfile_prefix_chars='@'") })).rejected,
    ).toBeNull();
    const fromConfig = test().replace("args = ", "p.set_defaults(**yaml.safe_load(open('c.yaml')))\nargs = ");
    expect((await stepOf("python test.py", { "test.py": fromConfig })).rejected).toBeNull();
  });

  it("names bare words where an option's dash was left out, when argparse declares no positional", async () => {
    const prepare = `import argparse\np = argparse.ArgumentParser()\np.add_argument("-train_path")\np.add_argument("-test_path")\nargs = p.parse_args()\n`;
    expect(
      (await stepOf("python prepare.py -train_path a test_path b > log.txt 2>&1", { "prepare.py": prepare })).rejected,
    ).toBe(
      "test_path b: argparse declares no positional argument (parse_args() exits with 'unrecognized arguments: test_path b'); -test_path was meant?",
    );
    expect(
      (await stepOf("python prepare.py -train_path a -test_path b > log.txt", { "prepare.py": prepare })).rejected,
    ).toBeNull();
    // A positional, a many-valued option or a list of the program's own takes bare words; a shell variable may be options.
    const withPositional = prepare.replace("args =", 'p.add_argument("data")\nargs =');
    expect(
      (await stepOf("python prepare.py -train_path a test_path", { "prepare.py": withPositional })).rejected,
    ).toBeNull();
    const many = prepare.replace('"-test_path")', '"-test_path", nargs="+")');
    expect((await stepOf("python prepare.py -test_path a b", { "prepare.py": many })).rejected).toBeNull();
    const ownList = prepare.replace("p.parse_args()", "p.parse_args(sys.argv[2:])");
    expect((await stepOf("python prepare.py run -train_path a", { "prepare.py": ownList })).rejected).toBeNull();
    expect(
      (await stepOf("python prepare.py -train_path a $EXTRA <dir>", { "prepare.py": prepare })).rejected,
    ).toBeNull();
  });

  it("takes a placeholder with spaces in it (`<number of epochs>`, `[batch size]`, `{n}`) as one argument to fill", async () => {
    const step = await stepOf(
      "python train.py --epochs <number of epochs> --batch-size [batch size here] --use_amp {true or false}",
      {
        "train.py": argparse("parse_args()"),
      },
    );
    expect([step.args, step.rejected]).toEqual([
      "--epochs <number of epochs> --batch-size [batch size here] --use_amp {true or false}",
      null,
    ]);
  });

  it("lets unknown options through parse_known_args() where the program reads the leftovers", async () => {
    const read =
      argparse("parse_known_args()").replace("args =", "args, rest =") +
      "for k, v in zip(rest[::2], rest[1::2]):\n    print(k, v)\n";
    expect((await stepOf("python train.py --lr 0.1", { "train.py": read })).rejected).toBeNull();
    const passed = argparse("parse_known_args()") + "main(*args)\n";
    expect((await stepOf("python train.py --lr 0.1", { "train.py": passed })).rejected).toBeNull();
  });

  it("names an option parse_known_args() leaves over where the program never reads the leftovers", async () => {
    const ignored =
      "--lr: argparse declares no such option (parse_known_args() leaves it over and the program never reads the leftovers: it is ignored)";
    for (const parse of ["parse_known_args()[0]", "parse_known_args(sys.argv)"]) {
      const bound = parse.endsWith("[0]") ? argparse(parse) : argparse(parse).replace("args =", "args, other_args =");
      expect((await stepOf("python train.py --epochs 3 --lr 0.1", { "train.py": bound })).rejected).toBe(ignored);
    }
    const underscore = argparse("parse_known_args()").replace("args =", "args, _ =");
    expect((await stepOf("python train.py --lr 0.1", { "train.py": underscore })).rejected).toBe(ignored);
  });

  it('takes any option from a parser whose option names are built at run time (a loop over a config, `"--" + name`)', async () => {
    const looped =
      'import argparse\nclass Config:\n    lr = 0.1\n    epochs = 3\np = argparse.ArgumentParser()\np.add_argument("--seed", type=int)\nfor k, v in vars(Config).items():\n    p.add_argument(f"--{k}", type=type(v))\nargs = p.parse_args()\n';
    expect((await stepOf("python train.py --seed 1 --lr 0.01 --epochs 2", { "train.py": looped })).rejected).toBeNull();
    const joined = looped.replace('f"--{k}"', '"--" + k');
    expect((await stepOf("python train.py --lr 0.01", { "train.py": joined })).rejected).toBeNull();
    // Literal names only: the set is closed and an undeclared option is still named.
    const closed = looped.replace('f"--{k}"', '"--lr"');
    expect((await stepOf("python train.py --epochs 2", { "train.py": closed })).rejected).toBe(
      "--epochs: argparse declares no such option (parse_args() exits with 'unrecognized arguments')",
    );
  });

  it("names a type=bool option given False", async () => {
    expect((await stepOf("python train.py --use_amp False", { "train.py": argparse("parse_args()") })).rejected).toBe(
      '--use_amp False: type=bool turns any non-empty string, "False" included, into True',
    );
  });

  it("names an option a click command does not declare", async () => {
    const click = `import click\n@click.command()\n@click.option("--epochs", type=int, default=5)\ndef main(epochs):\n    pass\n\nif __name__ == "__main__":\n    main()\n`;
    expect((await stepOf("python train.py --epochs 2 --gpus 1", { "train.py": click })).rejected).toBe(
      "--gpus: click declares no such option (click exits with 'No such option')",
    );
    expect((await stepOf("python train.py --epochs 2", { "train.py": click })).rejected).toBeNull();
  });

  it("checks options against the function fire runs: its parameters, either spelling, `--no` for a flag; **kwargs takes any", async () => {
    const fire =
      "import fire\n\ndef main(data_dir, lr_max=1e-3,\n         fold: int = 0, amp=False):\n    pass\n\nif __name__ == '__main__':\n    fire.Fire(main)\n";
    expect(
      (await stepOf("python train.py --data_dir d --lr-max 0.1 --fold=2 --noamp", { "train.py": fire })).rejected,
    ).toBeNull();
    expect((await stepOf("python train.py --data_dir d --epochs 3", { "train.py": fire })).rejected).toBe(
      "--epochs: the function fire runs takes no such parameter (fire exits with 'Could not consume arg')",
    );
    expect(
      (await stepOf("python train.py --epochs 3", { "train.py": fire.replace("amp=False)", "amp=False, **kw)") }))
        .rejected,
    ).toBeNull();
  });

  it("takes a class fire runs as subcommands: a method's parameters and __init__'s", async () => {
    const fire =
      "import fire\n\nclass Runner:\n    def __init__(self, seed=0):\n        self.seed = seed\n\n    def train(self, epochs=10):\n        pass\n\n    def predict(self, ckpt):\n        pass\n\nfire.Fire(Runner)\n";
    expect((await stepOf("python run.py train --epochs 3 --seed 1", { "run.py": fire })).rejected).toBeNull();
    expect((await stepOf("python run.py predict --epochs 3", { "run.py": fire })).rejected).toBe(
      "--epochs: the function fire runs takes no such parameter (fire exits with 'Could not consume arg')",
    );
  });

  it("checks options against typer: hyphenated parameter names, a bool's --no- form, names typer.Option gives, and commands", async () => {
    const single =
      "import typer\n\ndef main(data_dir: str, batch_size: int = 8, use_amp: bool = True, out: str = typer.Option('out', '--output', '-o')):\n    pass\n\nif __name__ == '__main__':\n    typer.run(main)\n";
    expect(
      (await stepOf("python train.py d --batch-size 4 --no-use-amp --output x -o y", { "train.py": single })).rejected,
    ).toBeNull();
    expect((await stepOf("python train.py d --batch_size 4", { "train.py": single })).rejected).toBe(
      "--batch_size: typer declares no such option (it exits with 'No such option')",
    );
    const app =
      "import typer\napp = typer.Typer()\n\n@app.command()\ndef train(epochs: int = 3):\n    pass\n\n@app.command(\"make-sub\")\ndef predict(ckpt: str = 'a.pt'):\n    pass\n\napp()\n";
    expect((await stepOf("python cli.py train --epochs 2", { "cli.py": app })).rejected).toBeNull();
    expect((await stepOf("python cli.py make-sub --epochs 2", { "cli.py": app })).rejected).toBe(
      "--epochs: typer declares no such option (it exits with 'No such option')",
    );
    expect((await stepOf("python cli.py fit --epochs 2", { "cli.py": app })).rejected).toBe(
      "fit: typer declares no such command (it exits with 'No such command')",
    );
  });

  it("checks hydra overrides against the config tree: keys of the primary file and the group files its defaults pick", async () => {
    const files = {
      "src/train.py":
        "import hydra\n\n@hydra.main(config_path='../conf', config_name='config')\ndef main(cfg):\n    pass\n\nmain()\n",
      "conf/config.yaml": "defaults:\n  - model: resnet\n  - _self_\ntrainer:\n  epochs: 10\n  lr: 0.1\n",
      "conf/model/resnet.yaml": "depth: 50\n",
      "conf/model/effnet.yaml": "width: 1.0\n",
    };
    expect(
      (
        await stepOf(
          "python src/train.py trainer.epochs=3 model=effnet model.depth=18 +extra.seed=1 hydra.run.dir=out",
          files,
        )
      ).rejected,
    ).toBeNull();
    expect((await stepOf("python src/train.py trainer.epoch=3", files)).rejected).toBe(
      "trainer.epoch=3: the config tree (conf) has no key trainer.epoch (hydra exits with 'Could not override'; add it with +trainer.epoch=)",
    );
    expect((await stepOf("python src/train.py model=vit", files)).rejected).toBe(
      "model=vit: conf/model/ holds no vit.yaml (hydra exits with 'Could not find')",
    );
    // A defaults entry the audit does not follow leaves an unknown key undecided.
    const partial = {
      ...files,
      "conf/config.yaml": "defaults:\n  - model: resnet\n  - override hydra/launcher: joblib\ntrainer:\n  epochs: 10\n",
    };
    expect((await stepOf("python src/train.py trainer.epoch=3", partial)).rejected).toBeNull();
  });

  it("checks overrides against the tree hydra's compose API builds: initialize or initialize_config_dir, then compose", async () => {
    const conf = {
      "conf/config.yaml": "defaults:\n  - model: resnet\n  - _self_\ntrainer:\n  epochs: 10\n",
      "conf/model/resnet.yaml": "depth: 50\n",
    };
    const initialize = {
      ...conf,
      "src/train.py":
        "import sys\nfrom hydra import compose, initialize\n\nwith initialize(version_base=None, config_path='../conf'):\n    cfg = compose(config_name='config', overrides=sys.argv[1:])\n",
    };
    expect((await stepOf("python src/train.py trainer.epochs=3 model.depth=18", initialize)).rejected).toBeNull();
    expect((await stepOf("python src/train.py trainer.epoch=3", initialize)).rejected).toBe(
      "trainer.epoch=3: the config tree (conf) has no key trainer.epoch (hydra exits with 'Could not override'; add it with +trainer.epoch=)",
    );
    const configDir = {
      ...conf,
      "train.py":
        "import sys\nfrom pathlib import Path\nimport hydra\n\nwith hydra.initialize_config_dir(config_dir=str(Path(__file__).parent / 'conf')):\n    cfg = hydra.compose('config', overrides=sys.argv[1:])\n",
    };
    expect((await stepOf("python train.py model=vit", configDir)).rejected).toBe(
      "model=vit: conf/model/ holds no vit.yaml (hydra exits with 'Could not find')",
    );
    // compose reads only the overrides the code hands it: with none from the command line, its words are not hydra's.
    const fixed = {
      ...conf,
      "train.py":
        "from hydra import compose, initialize\n\nwith initialize(config_path='conf'):\n    cfg = compose(config_name='config', overrides=['trainer.epochs=1'])\n",
    };
    expect((await stepOf("python train.py trainer.epoch=3", fixed)).rejected).toBeNull();
  });

  it("leaves a program whose parser it cannot see unjudged", async () => {
    expect(
      (await stepOf("python train.py --anything 1", { "train.py": "import sys\nprint(sys.argv)\n" })).rejected,
    ).toBeNull();
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
    expect([step.configs, step.model, step.imageSize, step.epochs, step.batchSize, step.trainingSource]).toEqual([
      "configs/big.yaml",
      "tf_efficientnet_b5",
      512,
      30,
      16,
      "README.md:4,configs/big.yaml:1,configs/big.yaml:2,configs/big.yaml:3",
    ]);
  });

  it("loads a Python-syntax config a framework's train script takes as its first argument", async () => {
    const train = `import argparse\nfrom mmcv import Config\np = argparse.ArgumentParser()\np.add_argument("config")\nargs = p.parse_args()\ncfg = Config.fromfile(args.config)\n`;
    const step = await stepOf("python tools/train.py configs/cascade_rcnn.py", {
      "tools/train.py": train,
      "configs/cascade_rcnn.py": "data_root = 'data/coco/'\n",
    });
    expect(step.configs).toBe("configs/cascade_rcnn.py");
    // A script run with another script's name as its argument is not loading a config.
    const other = await stepOf("python run.py train.py", { "run.py": "import sys\n", "train.py": "print(1)\n" });
    expect(other.configs).toBe("");
  });

  it("loads the default config path when no argument names one", async () => {
    const step = await stepOf("python train.py", {
      "train.py": withConfig,
      "configs/base.yaml": "epochs: 3\nn_folds: 5\n",
    });
    expect([step.configs, step.epochs, step.folds, step.trainingSource]).toEqual([
      "configs/base.yaml",
      3,
      5,
      "configs/base.yaml:1,configs/base.yaml:2",
    ]);
  });

  it("falls back on the program's own defaults and the constants of the modules it imports", async () => {
    const step = await stepOf("python train.py", {
      "train.py":
        "import argparse\nfrom settings import *\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=7)\nargs = p.parse_args()\n",
      "settings.py": "IMAGE_SIZE = 384\n",
    });
    expect([step.epochs, step.imageSize, step.trainingSource]).toEqual([7, 384, "train.py:4,settings.py:1"]);
  });
});
