// data-refs: a file the pipeline writes itself is produced, however the write spells its path.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { extractor as readmeExtractor } from "../../../../src/extract/families/readme/index.js";
import { extractor as kaggleKernel } from "../../../../src/extract/families/kaggle-kernel/index.js";
import { notebook, run } from "../helpers.js";

/** Each read of the repo: [path, the write that produces it]. */
async function producers(files: Record<string, string>): Promise<Array<[unknown, unknown]>> {
  const records = await run(dataRefs, files);
  return records.filter((r) => r.kind === "read" || r.kind === "weights").map((r) => [r.path, r.producedBy]);
}

describe("data-refs: files the pipeline produces", () => {
  it("matches format strings on either side of the read and the write", async () => {
    expect(
      await producers({
        "train.py":
          "import torch\nfor fold in range(5):\n    torch.save(m.state_dict(), f'{OUT}/{name}_fold{fold}.pth')\n",
        "infer.py": "import torch\nw = torch.load('weights/effnet_fold{}.pth'.format(k))\n",
        "swa.py": "import torch\nTEMPLATE = 'swa/fold{}_avg.pth'\ntorch.save(avg, TEMPLATE.format(fold))\n",
        "submit.py": "import torch\nw = torch.load('swa/fold3_avg.pth')\n",
      }),
    ).toEqual([
      ["weights/effnet_fold*.pth", "train.py:3"],
      ["swa/fold3_avg.pth", "swa.py:3"],
    ]);
  });

  it("a save that names no file (only {name}.pth, anywhere) produces no named read, only its own pattern", async () => {
    expect(
      await producers({
        "train.py":
          "import torch\ntorch.save(m.state_dict(), f'{OUT}/{name}.pth')\ntorch.save(e.state_dict(), f'checkpoints/{name}.pth')\n",
        "infer.py":
          "import torch\nw = torch.load('pretrained/resnet50.pth')\nv = torch.load(f'{OUT}/{name}.pth')\nb = torch.load('checkpoints/best.pth')\n",
      }),
    ).toEqual([
      ["pretrained/resnet50.pth", null],
      ["*/*.pth", "train.py:2"],
      ["checkpoints/best.pth", "train.py:3"],
    ]);
  });

  it("follows a local function whose body saves its argument", async () => {
    expect(
      await producers({
        "utils/dist.py":
          "import torch\ndef save_on_master(*args, **kwargs):\n    if is_main_process():\n        torch.save(*args, **kwargs)\n",
        "main.py":
          "import os\nfrom utils.dist import save_on_master\nsave_on_master(state, os.path.join(args.output_dir, 'checkpoint.pth'))\n",
        "evaluate.py": "import torch\nckpt = torch.load('output/checkpoint.pth')\n",
      }),
    ).toEqual([["output/checkpoint.pth", "main.py:3"]]);
  });

  it("follows the repo's own logger class whose methods append to the file its constructor kept", async () => {
    expect(
      await producers({
        "src/logger.py":
          "class CSVLogger:\n    def __init__(self, columns, file):\n        self.columns = columns\n        self.file = file\n\n    def log(self, row):\n        with open(self.file, 'a') as f:\n            f.write(','.join(row))\n",
        "src/train.py":
          "from logger import CSVLogger\nlogger = CSVLogger(cols, f'{args.exp}/logs/fold{args.fold}.csv')\n",
        "src/best.py": "import pandas as pd\nfor j in range(5):\n    df = pd.read_csv(f'{exp}/logs/fold{j}.csv')\n",
      }),
    ).toEqual([["*/logs/fold*.csv", "src/train.py:2"]]);
  });

  it("follows the repo's own dump method that joins its folder, a sub-folder and the name it gives an extension", async () => {
    expect(
      await producers({
        "exp.py": [
          "import os, yaml",
          "class Experiment:",
          "    def dump_cfg(self, cfg, file_name):",
          '        file_name = file_name if file_name.endswith(".yaml") else f"{file_name}.yaml"',
          '        dump_path = os.path.join(self.dump_dir, "config", file_name)',
          '        with open(dump_path, "w") as f:',
          "            yaml.dump(cfg, f)",
          "    def load_cfg(self):",
          '        with open(os.path.join(self.dump_dir, "config", "cfg.yaml")) as f:',
          "            return yaml.safe_load(f)",
          "    def load_other(self):",
          '        return open(os.path.join(self.dump_dir, "config", "other.yaml")).read()',
          "",
        ].join("\n"),
        "train.py": 'from exp import Experiment\nexp = Experiment()\nexp.dump_cfg(exp.cfg, "cfg")\n',
      }),
    ).toEqual([
      ["*/config/cfg.yaml", "train.py:3"],
      ["*/config/other.yaml", null],
    ]);
  });

  it("reads a config class's bare checkpoint name, an f-string one too, as the file a load of it reads", async () => {
    expect(
      await producers({
        "config.py":
          'class CFG:\n    depth = 34\n    weight_path = "r3d34.pth"\n    weight_3d = f"r3d{depth}_KM.pth"\n',
        "model.py":
          "import torch\ndef build(cfg):\n    a = torch.load(cfg.weight_path)\n    return torch.load(cfg.weight_3d)\n",
      }),
    ).toEqual([
      ["r3d34.pth", null],
      ["r3d*_KM.pth", null],
    ]);
  });

  it("adds the suffix np.save adds, and reads joins of Path objects and concatenated strings", async () => {
    expect(
      await producers({
        "extract.py":
          "import numpy as np\nfrom pathlib import Path\nnp.save(Path('results') / cfg.name / 'feats', arr)\nSAVE = 'cache'\nnp.save(SAVE + '/' + image_id + '/mask.npy', m)\n",
        "stack.py": "import numpy as np\nx = np.load('results/exp1/feats.npy')\ny = np.load(f'cache/{i}/mask.npy')\n",
      }),
    ).toEqual([
      ["results/exp1/feats.npy", "extract.py:3"],
      ["cache/*/mask.npy", "extract.py:5"],
    ]);
  });

  it("takes a notebook's ! lines as steps: the output folder they fill", async () => {
    expect(
      await producers({
        "run.ipynb": notebook("!python make_oof.py --output_dir oof --output_file_name oof_effnet.csv\n"),
        "blend.py": "import pandas as pd\ndf = pd.read_csv('oof/oof_effnet.csv')\n",
      }),
    ).toEqual([["oof/oof_effnet.csv", "run.ipynb:1"]]);
  });

  it("takes the shell commands Python runs as steps", async () => {
    expect(
      await producers({
        "prep.py": "import os\nos.system('mv data/tmp.csv data/folds.csv')\n",
        "train.py": "import pandas as pd\ndf = pd.read_csv('data/folds.csv')\n",
      }),
    ).toEqual([["data/folds.csv", "prep.py:2"]]);
  });

  it("reads with_suffix and change_extension as the new extension of the same file", async () => {
    expect(
      await producers({
        "convert.py":
          "import cv2\nfor p in paths:\n    cv2.imwrite(str(p.with_suffix('.png')), img)\n    cv2.imwrite(change_extension(p, '.jpg'), img)\n",
        "train.py":
          "import cv2\nimgs = [cv2.imread(f'data/train/{i}.png') for i in ids]\nb = cv2.imread(f'data/train/{i}.jpg')\n",
      }),
    ).toEqual([
      ["data/train/*.png", "convert.py:3"],
      ["data/train/*.jpg", "convert.py:4"],
    ]);
  });

  it("knows where training frameworks write: Catalyst's logdir, Lightning's dirpath, Hugging Face's output_dir, a named trainer", async () => {
    expect(
      await producers({
        "train_catalyst.py":
          "runner = SupervisedRunner()\nrunner.train(model=model, loaders=loaders, logdir='logs/seg', num_epochs=10)\n",
        "train_pl.py": "import pytorch_lightning as pl\ncb = ModelCheckpoint(dirpath='ckpt/pl', monitor='val_loss')\n",
        "train_hf.py":
          "from transformers import Trainer, TrainingArguments\nargs = TrainingArguments(output_dir='runs/bert', num_train_epochs=3)\n",
        "train_kuma.py":
          "for k in range(5):\n    trainer = TorchTrainer(model, serial=f'fold{k}')\n    trainer.fit(loader, export_dir=EXPORT)\n",
        "predict.py": [
          "import torch",
          "a = torch.load('logs/seg/checkpoints/best.pth')",
          "b = torch.load('ckpt/pl/epoch=3.ckpt')",
          "c = AutoModel.load_state_dict(torch.load('runs/bert/checkpoint-500/pytorch_model.bin'))",
          "d = torch.load(f'results/demo/fold{k}.pt')",
          "",
        ].join("\n"),
      }),
    ).toEqual([
      ["logs/seg/checkpoints/best.pth", "train_catalyst.py:2"],
      ["ckpt/pl/epoch=3.ckpt", "train_pl.py:2"],
      ["runs/bert/checkpoint-500/pytorch_model.bin", "train_hf.py:2"],
      ["results/demo/fold*.pt", "train_kuma.py:2"],
    ]);
  });

  it("knows where argus's checkpoint callback writes: MonitorCheckpoint's dir_path, globbed reads included", async () => {
    expect(
      await producers({
        "train.py":
          "from argus.callbacks import MonitorCheckpoint\ncb = MonitorCheckpoint(dir_path='experiments/exp1', monitor='val_loss')\n",
        "predict.py":
          "import glob\nimport torch\npaths = glob.glob('experiments/exp1/model-*.pth')\nm = torch.load('experiments/exp1/model-010.pth')\n",
      }),
    ).toEqual([
      ["experiments/exp1/model-*.pth", "train.py:2"],
      ["experiments/exp1/model-010.pth", "train.py:2"],
    ]);
  });

  it("matches writers in a sibling team folder, a glob searching a formatted name, a tool's stem and a wrapper's option", async () => {
    expect(
      await producers({
        "a/src/mlp.py":
          "import pandas as pd\ndf.to_parquet('../features/oof_{}_{}_train.parquet'.format(arch, loss))\nfor c in cols:\n    df.to_parquet('../features/lda_col1_{}_col2_{}.parquet'.format(c, d))\ndf.to_csv('../output/xgb_oof_train.csv')\n",
        "a/src/stack.py":
          "import glob\nfs = glob.glob('../features/*col1_user_id*')\ngs = glob.glob('../features/*col9_user_id*.csv')\n",
        "a/src/ft.py":
          "import os\nimport fastText\nos.system('fasttext skipgram -input ../tmp/x.txt -output ../model/ft_m -dim 100')\nm = fastText.load_model('../model/ft_m.bin')\n",
        "b/final/stack.py":
          "import pandas as pd\nx = pd.read_parquet('../features/oof_base_bce_train.parquet')\ny = pd.read_csv('../input/xgb_oof_train.csv')\nz = pd.read_csv('../input/lgb_oof_train.csv')\n",
        "b/feat.py": "import pickle\nwith open('../input/img_feats_1.p', 'wb') as f:\n    pickle.dump(x, f)\n",
        "c/models/lgb.py": "import pickle\nwith open('../input/img_feats_1.p', 'rb') as f:\n    x = pickle.load(f)\n",
        "d/run.sh":
          'infer() {\n  local OUT_DIR=$ROOT/"$TAG"\n  local OUTPUT_JSON="$OUT_DIR/ans.json"\n  python ../src/infer.py \\\n    --images x \\\n    --output_json "$OUTPUT_JSON"\n}\npython ../src/agg.py --root $ROOT\n',
        "d/src/agg.py": "for rd in roots:\n    files = list(rd.rglob('ans.json'))\n",
      }),
    ).toEqual([
      ["../model/ft_m.bin", "a/src/ft.py:3"],
      ["../features/*col1_user_id*", "a/src/mlp.py:4"],
      // A search whose name ends otherwise than any write's, and a file no folder writes: still missing.
      ["../features/*col9_user_id*.csv", null],
      ["../features/oof_base_bce_train.parquet", "a/src/mlp.py:2"],
      // Written into another folder (../output): a copy nothing says to make.
      ["../input/xgb_oof_train.csv", null],
      ["../input/lgb_oof_train.csv", null],
      ["../input/img_feats_1.p", "b/feat.py:2"],
      ["*/ans.json", "d/run.sh:4"],
    ]);
  });
});

describe("data-refs: data the README documents", () => {
  const documented = async (files: Record<string, string>, families = {}) =>
    (await run(dataRefs, files, families)).filter((r) => r.kind === "read").map((r) => [r.path, r.documentedBy]);

  it("reads the data links of a committed note beside the code; a configured root under a downloaded Kaggle dataset", async () => {
    expect(
      await documented({
        "README.md": "# X\n",
        "data/download.txt": "feedback set: https://www.kaggle.com/datasets/bob/pref-ultrafeedback\n",
        "prep.py":
          "import pandas as pd\nu = pd.read_parquet('./input/ultrafeedback.parquet')\nv = pd.read_csv('./input/private.csv')\n",
      }),
    ).toEqual([
      ["./input/ultrafeedback.parquet", "data/download.txt:1"],
      ["./input/private.csv", null],
    ]);
    expect(
      await documented({
        "README.md": "Download it from [here](https://www.kaggle.com/datasets/alice/scrolls-split) and extract it.\n",
        "utils.py": "import cv2\ndef load(cfg):\n    return cv2.imread(f'{cfg.root}/train/a/mask.png')\n",
      }),
    ).toEqual([["*/train/a/mask.png", "README.md:1"]]);
    // Its checkpoints are not the downloaded data set.
    const weights = await run(dataRefs, {
      "README.md": "Download it from [here](https://www.kaggle.com/datasets/alice/scrolls-split) and extract it.\n",
      "model.py": "import torch\ndef build(cfg):\n    return torch.load(f'{cfg.root}/r3d34.pth')\n",
    });
    expect(weights.filter((r) => r.kind === "weights").map((r) => [r.path, r.documentedBy])).toEqual([
      ["*/r3d34.pth", null],
    ]);
  });

  it("takes a documented Kaggle dataset download, or a data archive's address, as the source of reads under a given root", async () => {
    const withReadme = async (files: Record<string, string>) =>
      documented(files, { readme: await run(readmeExtractor, files) });
    const config = {
      "configs/cfg_1.py":
        "from types import SimpleNamespace\ncfg = SimpleNamespace()\ncfg.data_folder = '/kaggle/input/frames-v0/train_npy/'\nwith open(cfg.data_folder + 'inference_args.json') as f:\n    x = f.read()\noof = open(cfg.data_folder + 'oof_df.csv').read()\n",
      "data/ds.py":
        "import numpy as np\nclass DS:\n    def __init__(self, cfg):\n        self.data_folder = cfg.data_folder\n    def load(self, file_id, seq):\n        return np.load(self.data_folder + f'{file_id}/{seq}.npy')\n",
    };
    const download =
      "```\ncd datamount/\nkaggle datasets download -d alice/sign-frames-npy\nunzip -n sign-frames-npy.zip\n```\n";
    expect(await withReadme({ "README.md": `# X\n\n${download}`, ...config })).toEqual([
      ["*inference_args.json", "README.md:5"],
      // The pipeline's own out-of-fold table is no file of the download.
      ["*oof_df.csv", null],
      ["**/*.npy", "README.md:5"],
    ]);
    expect(await withReadme({ "README.md": "# X\n", ...config })).toEqual([
      ["*inference_args.json", null],
      ["*oof_df.csv", null],
      ["**/*.npy", null],
    ]);
    // A folder passed as `--dataset-path`, globbed through the attribute that keeps it.
    const embed = {
      "embed.py":
        "import os\nfrom pathlib import Path\nclass DS:\n    def __init__(self, root):\n        self.root = Path(root)\n        self.images = list(self.root.rglob('*.jpg'))\n        self.gallery = open(os.path.join(root, 'gallery.csv')).read()\n",
    };
    expect(
      await withReadme({
        "README.md": "# X\n\nDownload and unzip the raw dataset from https://storage.example.net/comp/products.zip\n",
        ...embed,
      }),
    ).toEqual([
      ["*/*.jpg", "README.md:3"],
      // A named file the README never mentions is not known to be in the archive.
      ["*/gallery.csv", null],
    ]);
    expect(await withReadme({ "README.md": "# X\n\nSee https://example.net/comp for the rules.\n", ...embed })).toEqual(
      [
        ["*/*.jpg", null],
        ["*/gallery.csv", null],
      ],
    );
  });

  it("reads a path from the folder the README runs the script in", async () => {
    const files = {
      "README.md":
        "Download the competition data and extract it into `workdir/data`.\n\n```\ncd workdir\npython ../src/train.py\n```\n",
      "src/train.py": "import pandas as pd\ndf = pd.read_csv('data/train.csv')\n",
    };
    const readme = await run(readmeExtractor, files);
    expect(await documented(files, { readme })).toEqual([["data/train.csv", "README.md:1"]]);
  });

  it("finds what a step writes, and what the repo ships, from the folder the README runs the reading script in", async () => {
    const files = {
      "README.md": "```\npython prep.py\ncd workdir\npython ../src/train.py\n```\n",
      "prep.py": "import pandas as pd\npd.DataFrame().to_csv('workdir/data/folds.csv')\n",
      "src/train.py":
        "import pandas as pd\nfolds = pd.read_csv('data/folds.csv')\nlabels = pd.read_csv('meta/labels.csv')\n",
      "workdir/meta/labels.csv": "id,label\n",
    };
    const readme = await run(readmeExtractor, files);
    const records = (await run(dataRefs, files, { readme })).filter((r) => r.kind === "read");
    expect(records.map((r) => [r.path, r.producedBy, r.inRepo])).toEqual([
      ["data/folds.csv", "prep.py:2", false],
      ["meta/labels.csv", null, true],
    ]);
  });

  it("takes ../input in a notebook meant for Kaggle as the platform's layout", async () => {
    const files = {
      "kernels/kernel-metadata.json":
        '{"id": "alice/infer", "code_file": "infer.ipynb", "kernel_type": "notebook", "dataset_sources": ["alice/weights"]}',
      "kernels/infer.ipynb": notebook("import pandas as pd\ndf = pd.read_csv('../input/siim-extra/labels.csv')\n"),
      "eda.ipynb": notebook("import pandas as pd\ndf = pd.read_csv('../input/siim-extra/labels.csv')\n"),
    };
    const kernel = await run(kaggleKernel, files);
    expect(await documented(files, { "kaggle-kernel": kernel })).toEqual([
      ["../input/siim-extra/labels.csv", null],
      ["../input/siim-extra/labels.csv", "kernels/kernel-metadata.json:1"],
    ]);
  });
});

describe("data-refs: what a public hub serves", () => {
  it("takes torch.hub.load of a GitHub repo as a fetch from a public source; a local hub dir and a checkpoint path are read", async () => {
    const records = await run(dataRefs, {
      "model.py": [
        "import torch",
        "m = torch.hub.load('facebookresearch/dino:main', 'dino_vits16')",
        "y = torch.hub.load('ultralytics/yolov5', 'custom', path='best.pt')",
        "l = torch.hub.load('third_party/yolov5', 'custom', source='local')",
        "",
      ].join("\n"),
    });
    expect(records.filter((r) => r.kind === "read" || r.kind === "weights").map((r) => [r.path, r.line])).toEqual([
      ["best.pt", 3],
      ["third_party/yolov5", 4],
    ]);
  });

  it("takes a model name given to CLIP's or open_clip's loader as fetched by the library; a checkpoint path is read", async () => {
    const records = await run(dataRefs, {
      "model.py": [
        "import clip",
        "import open_clip",
        "a = clip.load('ViT-L/14')[0].visual",
        "b = clip.clip.load('RN50x16', device='cuda')",
        "c = open_clip.create_model_and_transforms('ViT-H-14', pretrained='laion2b_s32b_b79k')[0]",
        "d = clip.load('weights/clip_finetuned.pt')",
        "",
      ].join("\n"),
    });
    expect(records.filter((r) => r.kind === "read" || r.kind === "weights").map((r) => [r.path, r.line])).toEqual([
      ["weights/clip_finetuned.pt", 6],
    ]);
  });
});

describe("data-refs: Kaggle's ../input layout in scripts", () => {
  it("lists a root script's ../input/<competition> as a Kaggle dataset read, and a subfolder's as the repo's own", async () => {
    const records = await run(dataRefs, {
      "train.py": "import os\nTRAIN = '../input/siim-isic-melanoma/train_images'\n",
      "src/load.py": "import os\nIN_REPO = '../input/other-comp/test.csv'\n",
    });
    expect(records.filter((r) => r.kind === "kaggle-dataset").map((r) => [r.file, r.line, r.slug])).toEqual([
      ["train.py", 2, "siim-isic-melanoma"],
    ]);
  });
});
