// Generate a deterministic solution-like repo (~5,000 .py files, ~50 notebooks, 40-50 MB) for the bench.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** Small deterministic PRNG (mulberry32), so every run benches the same bytes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LIBS = [
  "numpy as np",
  "pandas as pd",
  "torch",
  "torch.nn as nn",
  "cv2",
  "albumentations as A",
  "timm",
  "os",
  "sys",
  "json",
  "math",
  "random",
];

function module(r: () => number, i: number, pkg: string, size: number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [`"""Module ${i} of ${pkg}: generated for the static-audit bench."""`];
  for (const lib of LIBS) out.push(`import ${lib}`);
  if (i % 100 === 7) out.push("print(undefined_config)  # a genuine NameError, as real repos have a few");
  out.push("from typing import List, Optional", `from ${pkg}.common import helper_${i % 7}`, "");
  out.push(
    `DATA_DIR = '/kaggle/input/comp-${i % 13}/'`,
    `EPOCHS = ${5 + (i % 30)}`,
    `IMG_SIZE = ${128 * (1 + (i % 4))}`,
    "",
  );
  let n = 0;
  while (out.join("\n").length < size) {
    n++;
    const kind = r();
    if (kind < 0.4) {
      out.push(
        `class Block${n}(nn.Module):`,
        `    """A residual block with ${n} channels: f-strings, slicing and comprehensions."""`,
        `    def __init__(self, channels: int = ${n * 8}, dropout: float = 0.${n % 9}) -> None:`,
        "        super().__init__()",
        "        self.conv = nn.Conv2d(channels, channels, kernel_size=3, padding=1)",
        "        self.drop = nn.Dropout(dropout)",
        `        self.names = [f"layer_{k}_{channels}" for k in range(${(n % 5) + 1})]`,
        "",
        "    def forward(self, x: torch.Tensor) -> torch.Tensor:",
        "        y = self.drop(self.conv(x))",
        "        if y.shape[-1] > 1 and (z := y.mean()) is not None:",
        "            y = y - z  # centre",
        "        return x + y[:, :, ::2] if False else x + y",
        "",
      );
    } else if (kind < 0.7) {
      out.push(
        `def load_fold_${n}(fold: int, root: str = DATA_DIR) -> Optional[pd.DataFrame]:`,
        `    path = os.path.join(root, 'train_fold_${n}.csv')`,
        "    df = pd.read_csv(path)",
        "    df = df[df['fold'] != fold].reset_index(drop=True)",
        "    stats = {c: float(df[c].mean()) for c in df.columns if c.startswith('f_')}",
        "    try:",
        "        extra = np.load(os.path.join(root, 'extra.npy'))",
        "    except FileNotFoundError as err:",
        "        print(f'missing: {err!r}', file=sys.stderr)",
        "        extra = None",
        `    return df.assign(extra=0 if extra is None else extra.sum(), **{'n': len(stats)})`,
        "",
      );
    } else if (kind < 0.85) {
      out.push(
        `def augment_${n}(image, size=IMG_SIZE):`,
        "    '''Albumentations pipeline.'''",
        "    transform = A.Compose([",
        "        A.Resize(size, size),",
        "        A.HorizontalFlip(p=0.5),",
        `        A.Normalize(mean=(0.485, 0.456, 0.406), std=(0.229, 0.224, 0.225)),`,
        "    ])",
        `    img = cv2.imread('${pick(["data/images", "/home/user/images", "../input/comp/images"])}/' + str(image) + '.png')`,
        "    return transform(image=img)['image']",
        "",
      );
    } else {
      out.push(
        `def train_${n}(model, loader, optimizer, epochs=EPOCHS, lr=1e-3):`,
        "    for epoch in range(epochs):",
        "        total = 0.0",
        "        for step, (x, y) in enumerate(loader):",
        "            loss = ((model(x) - y) ** 2).mean()",
        "            optimizer.zero_grad(); loss.backward(); optimizer.step()",
        "            total += loss.item()",
        `        print(f"epoch {epoch}: {total / max(1, len(loader)):.4f}")  # TODO: log to wandb`,
        "    return model",
        "",
      );
    }
  }
  if (i % 25 === 0) {
    out.push(
      "if __name__ == '__main__':",
      "    import argparse",
      "    parser = argparse.ArgumentParser()",
      "    parser.add_argument('--epochs', type=int, default=EPOCHS, help='epochs')",
      "    parser.add_argument('--fold', type=int, default=0)",
      "    args = parser.parse_args()",
      "",
    );
  }
  return out.join("\n") + "\n";
}

function notebook(r: () => number, i: number, size: number): string {
  const cells: unknown[] = [];
  let total = 0;
  let n = 0;
  while (total < size) {
    n++;
    const src = module(r, i * 1000 + n, "pkg0", 3000).split(/(?<=\n)/);
    if (n % 3 === 0) src.unshift("!pip install timm\n", "%matplotlib inline\n");
    cells.push({ cell_type: "markdown", metadata: {}, source: [`## Step ${n}\n`] });
    cells.push({ cell_type: "code", metadata: {}, execution_count: n, outputs: [], source: src });
    total += src.join("").length;
  }
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }, null, 1);
}

export interface GeneratedRepo {
  files: number;
  bytes: number;
  pyFiles: number;
}

/** Bytes of each module and notebook: [least, most], drawn evenly between. */
export interface GeneratedSizes {
  module: [number, number];
  notebook: [number, number];
}

const DEFAULT_SIZES: GeneratedSizes = { module: [6000, 11_000], notebook: [40_000, 60_000] };

export function generateRepo(
  root: string,
  seed = 42,
  pyCount = 5000,
  notebooks = 50,
  sizes: GeneratedSizes = DEFAULT_SIZES,
): GeneratedRepo {
  const r = rng(seed);
  const between = ([least, most]: [number, number]) => least + Math.floor(r() * (most - least));
  let bytes = 0;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    bytes += Buffer.byteLength(text);
  };
  write(
    "README.md",
    "# Solution\n\n```\npip install -r requirements.txt\nkaggle competitions download -c comp-0\npython pkg0/mod0.py --epochs 10\n```\n",
  );
  write("requirements.txt", "numpy==1.26.4\npandas==2.2.2\ntorch==2.3.0\nopencv-python==4.9.0.80\nalbumentations\n");
  write(
    "configs/base.yaml",
    "epochs: 20\nimg_size: 512\nbackbone: tf_efficientnet_b3\ndata_dir: /kaggle/input/comp-0\n",
  );
  for (let p = 0; p < 50; p++)
    write(`pkg${p}/common.py`, Array.from({ length: 7 }, (_, k) => `def helper_${k}(x):\n    return x\n`).join("\n"));
  for (let i = 0; i < pyCount - 50; i++) {
    const pkg = `pkg${i % 50}`;
    write(`${pkg}/mod${i}.py`, module(r, i, pkg, between(sizes.module)));
  }
  for (let i = 0; i < notebooks; i++) write(`notebooks/nb${i}.ipynb`, notebook(r, i, between(sizes.notebook)));
  return { files: pyCount + notebooks + 3, bytes, pyFiles: pyCount };
}
