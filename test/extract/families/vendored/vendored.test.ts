import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/vendored/index.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { findVendored, licenseHolder, projectName } from "../../../../src/extract/view/vendored.js";
import { emptyFacts } from "../../../../src/model/facts.js";

describe("vendored copies", () => {
  it("names a project folder by its library, version and branch suffixes removed", () => {
    expect(projectName("yolov5-5.0")).toBe("yolov5");
    expect(projectName("pretrained-models.pytorch-master")).toBe("pretrained-models.pytorch");
    expect(licenseHolder("MIT License\n\nCopyright (c) 2020 Preferred Networks, Inc.\n")).toBe(
      "preferred networks inc",
    );
    expect(licenseHolder("GNU GENERAL PUBLIC LICENSE\n   Version 3\n")).toBeNull();
  });

  it("finds package copies, project copies, committed environments and projects under another licence holder", () => {
    // Distilled from real solutions: timm and yolov5 copied per fold, a net-yolov5 folder, Cadene's
    // pretrained-models beside the code, a committed venv, and the team's own library (same holder).
    const view = memoryView({
      LICENSE: "MIT License\nCopyright (c) 2021 Preferred Networks, Inc.\n",
      "train.py": "import timm\n",
      "none/B7/fold0/timm/__init__.py": "\n",
      "none/B7/fold0/timm/models/vit.py": "x = 1\n",
      "none/B7/fold0/train0.py": "import timm\n",
      "net-yolov5/train.py": "import torch\n",
      "src/pretrained-models.pytorch-master/LICENSE": "BSD 3-Clause License\nCopyright (c) 2017, Remi Cadene\n",
      "src/pretrained-models.pytorch-master/setup.py": "from setuptools import setup\n",
      "src/pretrained-models.pytorch-master/pretrainedmodels/__init__.py": "\n",
      "src/LovaszSoftmax-master/LICENSE": "MIT License\nCopyright (c) 2018 Maxim Berman\n",
      "src/LovaszSoftmax-master/requirements.txt": "torch\n",
      "src/LovaszSoftmax-master/lovasz_losses.py": "x = 1\n",
      "venv/lib/python3.8/site-packages/six.py": "x = 1\n",
      "somen/LICENSE": "MIT License\nCopyright (c) 2020 Preferred Networks, Inc.\n",
      "somen/setup.py": "from setuptools import setup\n",
      "somen/somen/__init__.py": "\n",
      "utils/__init__.py": "\n",
    });
    expect(findVendored(view).map((c) => [c.root, c.name, c.why])).toEqual([
      ["net-yolov5", "yolov5", "known-project"],
      ["none/B7/fold0/timm", "timm", "known-package"],
      ["src/LovaszSoftmax-master", "lovaszsoftmax", "own-license"],
      ["src/pretrained-models.pytorch-master", "pretrained-models.pytorch", "known-project"],
      ["venv", "venv", "environment"],
    ]);
  });

  it("in a fork of a known library, takes the library's own top folders for its copy and keeps the solution's", () => {
    // From a real solution: an mmsegmentation fork with the team's work_configs/ and inference.py.
    const view = memoryView({
      "setup.py": "setup(\n    name='mmsegmentation',\n)\n",
      "mmseg/__init__.py": "\n",
      "docs/train.md": "Run `sh tools/slurm_train.sh`\n",
      "tests/test_config.py": "import pytest\n",
      "tools/train.py": "x = 1\n",
      "work_configs/tract/a.py": "x = 1\n",
      "inference.py": "x = 1\n",
    });
    expect(findVendored(view).map((c) => [c.root, c.why])).toEqual([
      ["docs", "fork"],
      ["mmseg", "known-package"],
      ["tests", "fork"],
      ["tools", "fork"],
    ]);
  });

  it("keeps the copies out of what the other extractors judge, but their files still exist and import as local", async () => {
    const view = memoryView({
      "README.md": "Run `python yolov5/train.py`\n",
      "yolov5/train.py": "p = '/home/glenn/data'\nimport wandb\n",
      "yolov5/models/__init__.py": "\n",
      "train.py": "from yolov5.models import yolo\nimport numpy\n",
      "requirements.txt": "numpy==1.26.4\n",
    });
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    expect(facts.families["vendored"]).toEqual([
      { kind: "copy", file: "yolov5", name: "yolov5", why: "known-project", files: 2 },
    ]);
    expect(facts.families["path-literals"]).toEqual([]);
    expect(facts.families["imports"]!.map((r) => [r.file, r.module, r.origin])).toEqual([
      ["train.py", "yolov5.models", "local"],
      ["train.py", "numpy", "third-party"],
    ]);
    expect(facts.families["readme"]!.filter((r) => r.kind === "mention")).toEqual([
      {
        kind: "mention",
        file: "README.md",
        line: 1,
        target: "file",
        name: "yolov5/train.py",
        exists: true,
        runBy: "train",
      },
    ]);
    expect(await extractor.extract({ view, facts: emptyFacts(), branches: null })).toHaveLength(1);
  });
});
