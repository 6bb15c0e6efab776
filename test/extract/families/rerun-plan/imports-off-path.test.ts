// A step's script imports read as Python's sys.path reads them: the script's own folder first.
import { expect, it } from "vitest";
import { planOf } from "./plan-repo.js";

it("records the root packages a script in a subfolder imports, and nothing for a script at the root", async () => {
  const plan = await planOf({
    "README.md": "# Run\n\n```\npython src/train.py\npython run.py\n```\n",
    "src/__init__.py": "",
    "src/models.py": "X = 1\n",
    "src/train.py": "from src.models import X\nimport models\n",
    "run.py": "from src.models import X\n",
  });
  const steps = plan.filter((r) => r.kind === "step").map((r) => [r.program, r.importsOffPath, r.searchedFolder]);
  expect(steps).toEqual([
    ["src/train.py", "src.models (src/models.py)", "src"],
    ["run.py", undefined, undefined],
  ]);
});

it("leaves the imports alone when the repo says to set PYTHONPATH", async () => {
  const plan = await planOf({
    "README.md": "# Run\n\n```\nexport PYTHONPATH=.\npython src/train.py\n```\n",
    "src/__init__.py": "",
    "src/models.py": "X = 1\n",
    "src/train.py": "from src.models import X\n",
  });
  expect(plan.filter((r) => r.kind === "step" && r.importsOffPath !== undefined)).toEqual([]);
});
