// `import utils.py` is a code bug, not a missing package: an error where the rerun runs the importing file,
// info where nothing runs it.
import { expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

it("grades an import spelt with .py by whether the plan runs the importing file, and never as a package to install", async () => {
  const findings = await findingsOf(
    {
      "README.md": "# Solution\n\n```\npip install -r requirements.txt\npython train.py\n```\n",
      "requirements.txt": "numpy==1.26.4\n",
      "train.py": "import numpy\nimport utils.py\n",
      "scratch/eda.py": "from helpers.py import plot\n",
      "scratch/helpers.py": "def plot(): pass\n",
      "utils.py": "x = 1\n",
    },
    ["code-imports-named-as-modules", "requirements-imports-declared", "requirements-imports-resolve"],
  );
  expect(findings).toEqual([
    ["code-imports-named-as-modules", "train.py", 2, "error"],
    ["code-imports-named-as-modules", "scratch/eda.py", 1, "info"],
  ]);
});
