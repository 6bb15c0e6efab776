// Weights named by a settings file's key and loaded by default: a file the rerun must have, like a literal path.
import { describe, expect, it } from "vitest";
import { evidenceOf, findingsOf } from "../rerun-plan/plan-repo.js";

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

describe("datasets-weights-shipped: a config section's key read by its full path", () => {
  const files = (config: string) => ({
    "README.md": "# S\n\n```bash\npython train.py\n```\n",
    "requirements.txt": "transformers==4.40.0\n",
    "config.yaml": config,
    "train.py":
      "import yaml\nfrom transformers import AutoConfig\n\nclass Net:\n    def __init__(self, cfg):\n" +
      "        self.hyper_config = cfg\n        self.c = AutoConfig.from_pretrained(self.hyper_config.model.path)\n\n" +
      "Net(yaml.safe_load(open('config.yaml')))\n",
  });

  it("does not take another section's value with the same last key", async () => {
    const config = "model:\n  path: ../hub/backbone\nmulti_task:\n  path: ../x/eff_preds.csv\n";
    expect(await findingsOf(files(config), ["datasets-weights-shipped"])).toEqual([]);
  });

  it("takes the value under the section the code names", async () => {
    const config = "model:\n  path: ../hub/backbone.bin\nmulti_task:\n  path: ../x/eff_preds.csv\n";
    const findings = await findingsOf(files(config), ["datasets-weights-shipped"]);
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-weights-shipped", "train.py", 7],
    ]);
  });
});

describe("datasets-data-available: a folder a settings JSON names", () => {
  const files = (extra: Record<string, string>) => ({
    "README.md": "# S\n\n```bash\npython predict.py\n```\n",
    "requirements.txt": "pandas==2.0.0\n",
    "settings.json": '{\n  "DATA_DIR": "./data"\n}\n',
    "predict.py":
      "import json\nimport os\nimport pandas as pd\nSETTINGS = json.load(open('settings.json'))\n" +
      "df = pd.read_csv(os.path.join(SETTINGS['DATA_DIR'], 'test.csv'))\n",
    ...extra,
  });

  it("checks the read under the folder the key names, as a read written out in full", async () => {
    expect(await evidenceOf(files({}), ["datasets-data-available"])).toEqual([
      ["datasets-data-available", "predict.py", 5, "conclusive"],
    ]);
  });

  it("is quiet when the repo ships the file under that folder", async () => {
    expect(await evidenceOf(files({ "data/test.csv": "id\n1\n" }), ["datasets-data-available"])).toEqual([]);
  });
});
