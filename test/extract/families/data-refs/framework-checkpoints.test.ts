// data-refs: checkpoints a training framework names itself, and the source tree before a stale build copy.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { run } from "../helpers.js";

/** Each weights read of the repo: [path, the write that produces it]. */
async function producers(files: Record<string, string>): Promise<Array<[unknown, unknown]>> {
  const records = await run(dataRefs, files);
  return records.filter((r) => r.kind === "weights").map((r) => [r.path, r.producedBy]);
}

describe("data-refs: framework checkpoints", () => {
  it("takes Lightning's ModelCheckpoint(save_last=True) as the write of last.ckpt, and filename= as its name", async () => {
    expect(
      await producers({
        "run.py":
          "from pytorch_lightning.callbacks import ModelCheckpoint\n" +
          "ckpt = ModelCheckpoint(\n    dirpath=out_dir,\n    filename='best-{epoch:02d}',\n    save_last=True,\n)\n",
        "predict.py":
          "import os, torch\na = torch.load(os.path.join(cfg.out_dir, 'last.ckpt'))\n" +
          "b = torch.load(os.path.join(cfg.out_dir, 'best-03.ckpt'))\nc = torch.load(os.path.join(cfg.out_dir, 'swa.ckpt'))\n",
      }),
    ).toEqual([
      ["*/last.ckpt", "run.py:5"],
      ["*/best-03.ckpt", "run.py:4"],
      ["*/swa.ckpt", null],
    ]);
  });

  it("names a metric field as Lightning does (`{epoch}` -> epoch=3.ckpt), and `{epoch}-{step}` where no name is given", async () => {
    const load = "import os, torch\na = torch.load(os.path.join(cfg.out_dir, 'epoch=3-step=120.ckpt'))\n";
    expect(
      await producers({
        "fit.py": "import lightning as L\na = L.callbacks.ModelCheckpoint(dirpath=d, filename='{epoch}')\n",
        "predict.py": load,
      }),
    ).toEqual([["*/epoch=3-step=120.ckpt", "fit.py:2"]]);
    expect(
      await producers({
        "fit.py": "import lightning as L\nb = L.callbacks.ModelCheckpoint(dirpath=e, monitor='val_loss')\n",
        "predict.py": load + "b = torch.load(os.path.join(cfg.out_dir, 'best-3.ckpt'))\n",
      }),
    ).toEqual([
      ["*/epoch=3-step=120.ckpt", "fit.py:2"],
      ["*/best-3.ckpt", null],
    ]);
  });

  it("prefers the source tree's writer to a committed build/lib copy of the package", async () => {
    const executor = "import os, torch\ndef save(m, d):\n    torch.save(m, os.path.join(d, 'final.pth'))\n";
    expect(
      await producers({
        "pkg/build/lib/pkg/executor.py": executor,
        "pkg/pkg/executor.py": executor,
        "predict.py": "import os, torch\na = torch.load(os.path.join(cfg.out_dir, 'final.pth'))\n",
      }),
    ).toEqual([["*/final.pth", "pkg/pkg/executor.py:3"]]);
  });
});
