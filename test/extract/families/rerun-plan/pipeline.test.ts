// The trainings a pipeline runs, as the carbon estimate costs them: each training step with its own
// repeat, epochs and size from its arguments and configs.
import { describe, expect, it } from "vitest";
import { planOf } from "./plan-repo.js";

describe("rerun-plan trainings", () => {
  it("costs `bash run.sh` looping 5 folds of train.py --epochs 30 and a YOLO config of 160 epochs as 5 + 1 trainings", async () => {
    const records = await planOf({
      "README.md": "# Reproduce\n\n```bash\npip install -r requirements.txt\nbash run.sh\n```\n",
      "requirements.txt": "torch\n",
      "run.sh":
        "set -e\nfor fold in 0 1 2 3 4; do\n  python train.py --epochs 30 --fold $fold --model tf_efficientnet_b3\ndone\npython yolov5/train.py --cfg configs/yolo.yaml\n",
      "train.py":
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--epochs', type=int, default=3)\np.add_argument('--fold', type=int)\np.add_argument('--model', default='resnet18')\np.add_argument('--batch_size', type=int, default=32)\nargs = p.parse_args()\n",
      "yolov5/train.py":
        "import argparse\np = argparse.ArgumentParser()\np.add_argument('--cfg', default='')\nargs = p.parse_args()\n",
      "configs/yolo.yaml": "model: yolov5x\nepochs: 160\nimg_size: 1024\nbatch_size: 8\n",
    });
    const trainings = records.filter((r) => r.kind === "step" && r.purpose === "train");
    expect(
      trainings.map((t) => [
        t.program,
        t.repeat,
        t.repeatSource,
        t.model,
        t.imageSize,
        t.epochs,
        t.batchSize,
        t.folds,
        t.rejected,
      ]),
    ).toEqual([
      ["train.py", 5, "run.sh:2", "tf_efficientnet_b3", null, 30, 32, 1, null],
      ["yolov5/train.py", 1, null, "yolov5x", 1024, 160, 8, null, null],
    ]);
    expect(trainings.map((t) => t.trainingSource)).toEqual([
      "run.sh:3,train.py:6",
      "configs/yolo.yaml:1,configs/yolo.yaml:2,configs/yolo.yaml:3,configs/yolo.yaml:4",
    ]);
  });

  it("counts a config that names one fold beside its fold count (`n_fold: 20`, `fold: 0`) as one fold", async () => {
    const train =
      "import argparse, yaml\np = argparse.ArgumentParser()\np.add_argument('--config')\nargs = p.parse_args()\ncfg = yaml.safe_load(open(args.config))\n";
    const records = await planOf({
      "README.md":
        "# Reproduce\n\n```bash\npip install -r requirements.txt\npython train.py --config config/a.yaml\npython train.py --config config/b.yaml\n```\n",
      "requirements.txt": "torch\n",
      "train.py": train,
      "config/a.yaml": "data:\n  n_fold: 20\n  fold: 0\ntrain:\n  epochs: 5\n",
      "config/b.yaml": "data:\n  n_fold: 10\ntrain:\n  epochs: 5\n",
    });
    const trainings = records.filter((r) => r.kind === "step" && r.purpose === "train");
    expect(trainings.map((t) => [t.args, t.folds])).toEqual([
      ["--config config/a.yaml", 1],
      ["--config config/b.yaml", 10],
    ]);
  });
});
