// An import of a name the repo's own module lacks, and a name an import rebinds before its use, are code bugs
// that fail on every machine: an error where the rerun runs the file, info where nothing runs it.
import { expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

it("grades a missing local name and a rebound import by whether the plan runs the file", async () => {
  const findings = await findingsOf(
    {
      "README.md": "# Solution\n\n```\npip install -r requirements.txt\npython train.py\n```\n",
      "requirements.txt": "numpy==1.26.4\n",
      "train.py":
        "import numpy\nfrom tools import make_model\nfrom glob import glob\nimport glob\nprint(glob('x/*'))\n",
      "tools.py": "def build_model():\n    pass\n",
      "scratch/eda.py":
        "import random\nfrom random import random\nprint(random.choice([1, 2]))\nfrom notes import plot\n",
      "scratch/notes.py": "def draw():\n    pass\n",
    },
    ["code-local-import-names-exist", "code-imports-rebound"],
  );
  expect(findings.sort()).toEqual(
    [
      ["code-local-import-names-exist", "train.py", 2, "error"],
      ["code-imports-rebound", "train.py", 5, "error"],
      ["code-imports-rebound", "scratch/eda.py", 3, "info"],
      ["code-local-import-names-exist", "scratch/eda.py", 4, "info"],
    ].sort(),
  );
});
