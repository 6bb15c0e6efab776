// A folder a documented `git clone` makes, that the code reaches through sys.path, is that clone's code: not the
// repo's own uncommitted module, nor a package a spec should declare.
import { describe, expect, it } from "vitest";
import { clonedFolders } from "../../../../src/extract/shell/cloned-folders.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const MODELS =
  "import sys\nsys.path.append('pyconv')\nfrom pyconv.models.pyconvresnet import PyConvResNet, pyconvresnet50\n" +
  "def build():\n    return pyconvresnet50()\n";

describe("clonedFolders", () => {
  it("names the folder each `git clone` of a README or setup script makes, with its URL and place", () => {
    const clones = clonedFolders(
      memoryView({
        "README.md":
          "# S\n\nGet the backbone:\n\n```bash\ngit clone --depth 1 https://github.com/iduta/pyconv.git\n" +
          "git clone -b dev https://gitlab.com/x/apex-lib.git third/apex && cd third/apex\n```\n",
        "setup.sh": "#!/bin/sh\ngit clone https://github.com/org/Tools tk\n",
        "notes.txt": "git clone https://github.com/org/ignored\n",
      }),
    );
    expect([...clones.entries()]).toEqual([
      ["pyconv", "https://github.com/iduta/pyconv.git (README.md:6)"],
      ["third/apex", "https://gitlab.com/x/apex-lib.git (README.md:7)"],
      ["tk", "https://github.com/org/Tools (setup.sh:2)"],
    ]);
  });
});

describe("code-own-modules-committed: a documented clone on sys.path", () => {
  it("is no uncommitted own module and no undeclared package", async () => {
    const findings = await findingsOf(
      {
        "README.md":
          "# S\n\n```bash\npip install -r requirements.txt\ngit clone https://github.com/iduta/pyconv\npython train.py\n```\n",
        "requirements.txt": "torch==2.1.0\n",
        "models.py": MODELS,
        "train.py": "from models import build\nm = build()\n",
      },
      ["code-own-modules-committed", "requirements-imports-declared"],
    );
    expect(findings).toEqual([]);
  });

  it("without the clone, the missing sys.path folder is still the repo's own uncommitted code", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npip install -r requirements.txt\npython train.py\n```\n",
        "requirements.txt": "torch==2.1.0\n",
        "models.py": MODELS,
        "train.py": "from models import build\nm = build()\n",
      },
      ["code-own-modules-committed"],
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["code-own-modules-committed", "models.py", 3],
    ]);
  });
});
