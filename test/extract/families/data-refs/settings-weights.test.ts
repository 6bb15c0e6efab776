// Weights named by a settings file's key and loaded by default: a file the rerun must have, like a literal path.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";

const SETTINGS = '{\n  "DATA_DIR": "./data/",\n  "MODEL_PT_WEIGHTS": "./data/models/pretrained_x.pth"\n}\n';

describe("datasets-weights-shipped: weights a settings JSON names", () => {
  const files = (extra: Record<string, string>) => ({
    "README.md": "# S\n\n```bash\npython train.py\n```\n",
    "requirements.txt": "torch==2.1.0\n",
    "SETTINGS.json": SETTINGS,
    "model.py":
      "import json\nimport torch\nsettings = json.load(open('SETTINGS.json'))\n\ndef build(m):\n" +
      "    m.load_state_dict(torch.load(settings['MODEL_PT_WEIGHTS']))\n    return m\n",
    "train.py": "from model import build\nm = build(object())\n",
    ...extra,
  });

  it("reports the file the key names when nothing ships, fetches or writes it", async () => {
    const findings = await findingsOf(files({}), ["datasets-weights-shipped"]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-weights-shipped", "model.py", 6],
    ]);
  });

  it("is quiet when the repo ships that file", async () => {
    const findings = await findingsOf(files({ "data/models/pretrained_x.pth": "weights" }), [
      "datasets-weights-shipped",
    ]);
    expect(findings).toEqual([]);
  });
});
