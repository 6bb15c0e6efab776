// Names a library fetches from a hub are no data files: a metric's name (`evaluate.load("wer")`) and a
// `from_pretrained` hub id after a notebook's `%cd` to an absolute folder.
import { describe, expect, it } from "vitest";
import { findingsOf } from "../rerun-plan/plan-repo.js";
import { notebook } from "../helpers.js";

const RULES = ["datasets-data-available", "datasets-weights-shipped"];

describe("data-refs: hub names", () => {
  it("takes a metric's name as a hub id; a metric script's path stays a read", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\n```bash\npython metric.py\n```\n",
        "metric.py": "import evaluate\nwer = evaluate.load('wer')\nown = evaluate.load('./metrics/own_metric.py')\n",
      },
      RULES,
    );
    expect(findings.map(([rule, file, line]) => [rule, file, line])).toEqual([
      ["datasets-data-available", "metric.py", 3],
    ]);
  });

  it("leaves an org/name of from_pretrained a hub id after %cd to an absolute folder", async () => {
    const findings = await findingsOf(
      {
        "README.md": "# S\n\nRun `infer.ipynb`.\n",
        "infer.ipynb": notebook(
          "%cd /abs/dir\n",
          "from transformers import WhisperFeatureExtractor, WhisperProcessor\n" +
            "fe = WhisperFeatureExtractor.from_pretrained('openai/whisper-large-v2')\n" +
            "MODEL = 'openai/whisper-large-v3'\np = WhisperProcessor.from_pretrained(MODEL)\n" +
            "m = WhisperProcessor.from_pretrained('./ckpt/best')\n",
        ),
      },
      RULES,
    );
    expect(findings.map(([rule, file]) => [rule, file])).toEqual([["datasets-weights-shipped", "infer.ipynb"]]);
  });
});
