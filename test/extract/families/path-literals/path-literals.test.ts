import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/path-literals/index.js";
import { notebook, run } from "../helpers.js";

describe("path-literals", () => {
  it("classifies machine-specific paths in code and skips URLs, system files and relative paths", async () => {
    const code = [
      "import pandas as pd",
      "df = pd.read_csv('/kaggle/input/titanic/train.csv')",
      "OUT = '/kaggle/working/sub.csv'",
      "H = '/home/alice/data/x.npy'",
      "W = r'C:\\Users\\bob\\train.csv'",
      "D = '/content/drive/MyDrive/x'",
      "M = '/mnt/disk/x'",
      "R = '/data/train'",
      "A = '/srv/x/y.csv'",
      "T = '~/datasets/x'",
      "U = 'https://example.com/a/b'",
      "N = '/dev/null'",
      "L = 'data/train.csv'",
      "F = f'/kaggle/input/{name}/x.png'",
    ].join("\n");
    const records = await run(extractor, { "train.py": code });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [2, "kaggle-input", "/kaggle/input/titanic/train.csv"],
      [3, "kaggle-working", "/kaggle/working/sub.csv"],
      [4, "home", "/home/alice/data/x.npy"],
      [5, "windows-drive", "C:\\Users\\bob\\train.csv"],
      [6, "colab-drive", "/content/drive/MyDrive/x"],
      [7, "mnt", "/mnt/disk/x"],
      [8, "data-root", "/data/train"],
      [9, "absolute", "/srv/x/y.csv"],
      [10, "home", "~/datasets/x"],
      [14, "kaggle-input", "/kaggle/input/{}/x.png"],
    ]);
  });

  it("locates notebook paths by cell and line, and config values by line", async () => {
    const records = await run(extractor, {
      "nb.ipynb": notebook("import os\n", "x = 1\npath = '/kaggle/input/comp/a.csv'\n"),
      "configs/base.yaml": "data:\n  root: /home/me/data\n  name: train\nlr: 0.1\n",
      "conf.json": '{\n  "out": "/mnt/out",\n  "x": "y"\n}\n',
    });
    expect(records).toEqual([
      {
        file: "nb.ipynb",
        line: 4,
        cell: 2,
        cellLine: 2,
        value: "/kaggle/input/comp/a.csv",
        kind: "kaggle-input",
        source: "code",
      },
      { file: "conf.json", line: 2, value: "/mnt/out", kind: "mnt", source: "config" },
      { file: "configs/base.yaml", line: 2, value: "/home/me/data", kind: "home", source: "config" },
    ]);
  });
  it("finds a machine path that heads a `+` or `%` join, and leaves the joined tail alone", async () => {
    const code = [
      "import glob",
      "X = '/raid/x/' + name",
      "Y = glob.glob('D:\\\\a\\\\' + '*.csv')",
      "Z = '/home/u/%s/data' % user",
      "W = out_dir + '/train'",
    ].join("\n");
    const records = await run(extractor, { "train.py": code });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [2, "data-root", "/raid/x/"],
      [3, "windows-drive", "D:\\a\\"],
      [4, "home", "/home/u/%s/data"],
    ]);
  });

  it("leaves out the pieces a name holds only to hand to a string method, and keeps a name also opened", async () => {
    const code = [
      "renamed = {}",
      "for block in range(1, 4):",
      "    swap = ['/attention_layer/', f'/attention_layer_{block}/']",
      "    renamed.update({k.replace(*swap): v for k, v in weights.items()})",
      "PREFIX = '/srv/weights/'",
      "names = [p.replace(PREFIX, '') for p in paths]",
      "state = open(PREFIX + 'a.bin')",
    ].join("\n");
    const records = await run(extractor, { "convert.py": code });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([[5, "absolute", "/srv/weights/"]]);
  });

  it("reads prompt text with a one-letter label before an escape as prose, not a drive path", async () => {
    const code = [
      "def build(p, ra, rb):",
      "    a = f'{p}\\n\\n### Response A:\\n{ra}'",
      "    b = '### Response B:\\t' + rb",
      "    c = f'Answer A:\\r\\n{ra}'",
      "    return r'C:\\new_data\\x.csv'",
    ].join("\n");
    const records = await run(extractor, { "prompt.py": code });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([[5, "windows-drive", "C:\\new_data\\x.csv"]]);
  });

  it("finds a machine path in the middle of a string", async () => {
    const code = [
      "import os",
      'cmd = f"srun /home/u/env/bin/python {script}"',
      'c2 = "cp /mnt/data/x ."',
      "u = 'see https://x.org/home/a for more'",
    ].join("\n");
    const records = await run(extractor, { "launch.py": code });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [2, "home", "/home/u/env/bin/python"],
      [3, "mnt", "/mnt/data/x"],
    ]);
  });

  it("finds interpreter and search paths in shell and job scripts, and cluster roots", async () => {
    const records = await run(extractor, {
      "run.sh":
        "#!/bin/bash\n/home/u/anaconda3/envs/x/bin/python -m train\nexport PYTHONPATH=/home/u/lib:$PYTHONPATH\n",
      "job.slurm": "#!/bin/bash\n#SBATCH -o /home/u/logs/%j.out\nsrun python train.py --data /gpfs/proj/u/data\n",
      "train.py": "A = '/lustre/u/x'\nB = '/groups/gcb/u/data'\n",
    });
    expect(records.map((r) => [r.file, r.line, r.kind, r.value])).toEqual([
      ["train.py", 1, "data-root", "/lustre/u/x"],
      ["train.py", 2, "data-root", "/groups/gcb/u/data"],
      ["job.slurm", 3, "data-root", "/gpfs/proj/u/data"],
      ["run.sh", 2, "home", "/home/u/anaconda3/envs/x/bin/python"],
      ["run.sh", 3, "home", "/home/u/lib"],
    ]);
  });

  it("reads machine paths in Python 2 files with the tokenizer", async () => {
    const code = [
      "print 'start'",
      "DATA = '/home/u/data/train.csv'",
      "exec 'x = 1'",
      "os.chmod(p, 0777)",
      "y = `x`",
      "Z = ur'/mnt/old/x'",
    ].join("\n");
    const records = await run(extractor, { "old.py": code });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [2, "home", "/home/u/data/train.csv"],
      [6, "mnt", "/mnt/old/x"],
    ]);
  });

  it("finds a machine path inside a config value that holds a command", async () => {
    const records = await run(extractor, {
      "conf.yaml": "cmd: python /home/u/src/train.py --fold 0\nnote: see the docs\nout: /srv/out\n",
    });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [1, "home", "/home/u/src/train.py"],
      [3, "absolute", "/srv/out"],
    ]);
  });
  it("finds absolute paths under any non-system root in a YAML config, scalars and inline lists alike", async () => {
    const records = await run(extractor, {
      "config/mask_yolo.yaml": [
        "root_path: /store/cellseg",
        "img_dir: '/store/train'",
        "input: /ml-docker/input",
        "folds: [/store/f0, '/store/f1']",
        "cache: /tmp/cache",
        "python: [/usr/bin/python3]",
        "sizes: [256, 512]",
      ].join("\n"),
    });
    expect(records.map((r) => [r.line, r.kind, r.value])).toEqual([
      [1, "absolute", "/store/cellseg"],
      [2, "absolute", "/store/train"],
      [3, "absolute", "/ml-docker/input"],
      [4, "absolute", "/store/f0"],
      [4, "absolute", "/store/f1"],
    ]);
  });
  it("leaves out a conda export's `prefix:` line: where the author's environment lived, no path the code reads", async () => {
    const records = await run(extractor, {
      "environment.yaml":
        "name: rna\ndependencies:\n  - python=3.9.18=h955ad1f_0\nprefix: /home/alice/miniconda3/envs/rna\n",
      "configs/train.yaml": "prefix: /home/alice/runs\n",
    });
    expect(records.map((r) => [r.file, r.line, r.value])).toEqual([["configs/train.yaml", 1, "/home/alice/runs"]]);
  });

  it("records an absolute hydra config_path as the container's layout where the Dockerfile sets it up, else as a machine path", async () => {
    const code = [
      "import hydra",
      "@hydra.main(config_path='/app/config', config_name='cfg')",
      "def main(cfg):",
      "    pass",
    ].join("\n");
    const bare = await run(extractor, { "train.py": code });
    expect(bare.map((r) => [r.line, r.kind, r.value, r.container])).toEqual([
      [2, "absolute", "/app/config", undefined],
    ]);
    const docker = await run(extractor, { "train.py": code, Dockerfile: "FROM python:3.10\nWORKDIR /app\nCOPY . .\n" });
    expect(docker.map((r) => [r.line, r.kind, r.value, r.container])).toEqual([[2, "absolute", "/app/config", "/app"]]);
  });
  it("records a script's ../input/<competition> above the repo root as Kaggle's input layout, not one machine's", async () => {
    const records = await run(extractor, {
      "train.py": "import os\nTRAIN = '../input/siim-isic-melanoma/train_images'\nOWN = '../input/train/x.csv'\n",
      "src/load.py": "import os\nIN_REPO = '../input/siim-isic-melanoma/test.csv'\n",
    });
    expect(records.map((r) => [r.file, r.line, r.kind, r.value, r.mount])).toEqual([
      ["train.py", 2, "kaggle-input", "../input/siim-isic-melanoma/train_images", "/kaggle/input"],
    ]);
  });

  it("takes a path outside the repo in the config the README quotes after an edit sentence as the reader's to set", async () => {
    const records = await run(
      extractor,
      {
        "README.md":
          "## Inference\nChange these variables to your folders:\n```python\nclass CFG:\n    models_dir = '../../models'\n```\n",
        "inference/config.py": "class CFG:\n    models_dir = '../../models'\n",
        "inference/predict.py": "OUT = '../../preds'\n",
      },
      { readme: [{ kind: "readme", file: "README.md" }] },
    );
    expect(records.map((r) => [r.file, r.value, r.settable])).toEqual([
      ["inference/config.py", "../../models", "config-to-edit"],
      ["inference/predict.py", "../../preds", undefined],
    ]);
  });

  it("marks a leftover config class's machine path that nothing the rerun calls reads", async () => {
    const records = await run(extractor, {
      "gpr.py":
        "import os\n\nclass CFG:\n    out = '/home/u/exp'\n    data = '/home/u/train.csv'\n\n" +
        "    @staticmethod\n    def next_id():\n        return len(os.listdir(CFG.out))\n\n" +
        "def main():\n    return open(CFG.data).read()\n",
    });
    expect(records.map((r) => [r.line, r.value, r.unread])).toEqual([
      [4, "/home/u/exp", "CFG.out"],
      [5, "/home/u/train.csv", undefined],
    ]);
  });
});
