// data-refs: writes the produced-files graph matches however they spell the folder: a save named from a config
// value copied out by a shell step, an absolute folder listed by a glob, the repo's own absolute root.
import { describe, expect, it } from "vitest";
import { extractor as dataRefs } from "../../../../src/extract/families/data-refs/index.js";
import { extractor as readmeExtractor } from "../../../../src/extract/families/readme/index.js";
import { repoRoots, underRoot } from "../../../../src/extract/families/data-refs/repo-root.js";
import { run } from "../helpers.js";

/** Each read of the repo: [path, the write that produces it, the copy's missing source]. */
async function producers(files: Record<string, string>): Promise<Array<[unknown, unknown, unknown]>> {
  const readme = await run(readmeExtractor, files);
  const records = await run(dataRefs, files, { readme });
  return records
    .filter((r) => r.kind === "read" || r.kind === "weights")
    .map((r) => [r.path, r.producedBy, r.emptyCopy ?? null]);
}

describe("data-refs: writers of other spellings", () => {
  it("a copy of the file a save names from its config's value has a source", async () => {
    const files = {
      "README.md": "# x\n```\nsh run.sh\n```\n",
      "run.sh":
        "cd feats\npython extract.py --config cfg.yaml\ncd ..\ncp feats/train_features_vit_large_patch16_224.pt train_features.pt\npython train.py\n",
      "feats/cfg.yaml": "arch: vit_large_patch16_224\n",
      "feats/extract.py": "import torch\ntorch.save(x, f'train_features_{args.arch}.pt')\n",
      "train.py": "import torch\nx = torch.load('train_features.pt')\n",
    };
    expect(await producers(files)).toEqual([["train_features.pt", "run.sh:4", null]]);
    // Saved under another name: the copy's source is empty.
    const other = { ...files, "feats/extract.py": "import torch\ntorch.save(x, f'test_features_{args.arch}.pt')\n" };
    expect((await producers(other))[0]![2]).toMatch(/holds no such file/);
  });

  it("an absolute folder's files listed by a glob are the ones a step writes there", async () => {
    expect(
      await producers({
        "prep.py": "import cv2, os\ncv2.imwrite(os.path.join('/abs/root/train', 'ROI_images/' + name + '.jpg'), img)\n",
        "train.py":
          "import glob\nfs = glob.glob('/abs/root/train/ROI_images/*')\ngs = glob.glob('/abs/root/train/other/*')\n",
      }),
    ).toEqual([
      ["/abs/root/train/ROI_images/*", "prep.py:2", null],
      ["/abs/root/train/other/*", null, null],
    ]);
  });

  it("a folder's files copied in one by one (shutil.copy to a concatenated folder) are listed by its glob", async () => {
    expect(
      await producers({
        "prep.py":
          "import shutil\nroot = '/abs/root/'\ndst_path = root + 'backup/labels_train/'\nfor file in files:\n    shutil.copy(src_path + file, dst_path + file)\n",
        "train.py": "import glob\nfs = glob.glob('/abs/root/backup/labels_train/*')\n",
      }),
    ).toEqual([["/abs/root/backup/labels_train/*", "prep.py:5", null]]);
  });

  it("a read under the repo's own absolute root is the repo's folder a step writes", async () => {
    const writer = "import json\nwith open('./out_json/x.json', 'w') as f:\n    json.dump(x, f)\n";
    const reader = "import os\nfor f in os.listdir('/home/u/proj/out_json/'):\n    pass\n";
    expect(
      await producers({
        "README.md": "# x\nClone the repo into /home/u/proj and run from there.\n",
        "a.py": writer,
        "b.py": reader,
      }),
    ).toEqual([["/home/u/proj/out_json/", "a.py:2", null]]);
    // Another absolute path of the code names the root: its rest is a folder of the repo.
    const code = {
      "a.py": writer,
      "b.py": `import sys\nsys.path.append('/home/u/proj/src/utils')\n${reader}`,
      "src/utils/x.py": "",
    };
    expect(await producers(code)).toEqual([["/home/u/proj/out_json/", "a.py:2", null]]);
    expect(await producers({ "a.py": writer, "b.py": reader })).toEqual([["/home/u/proj/out_json/", null, null]]);
  });

  it("finds the roots named in prose or implied by the code's absolute paths", () => {
    const isDir = (p: string) => p === "src/utils" || p === "data";
    expect(
      repoRoots([{ text: "The repo root is `/home/u/proj`.\nData lives in /mnt/big/data.\n" }], [], isDir),
    ).toEqual(["/home/u/proj"]);
    // A sentence placing the data, or one that only changes folder, names no root of the repo.
    expect(
      repoRoots([{ text: "Clone the repo and download the data to /mnt/d/comp.\ncd /mnt/d/work\n" }], [], isDir),
    ).toEqual([]);
    // A machine's own data/ folder places no root.
    expect(repoRoots([], ["/home/v/work/src/utils", "/mnt/x/data"], isDir)).toEqual(["/home/v/work"]);
    expect(underRoot("/home/u/proj/out_json/", ["/home/u/proj"])).toBe("out_json/");
    expect(underRoot("/home/u/projects/x", ["/home/u/proj"])).toBeNull();
  });
});
