// A README's commands behind a shell prompt that names the active environment or the user, host and folder
// (`(venv) $ pip install ...`): the command after the prompt is the step.
import { describe, expect, it } from "vitest";
import { findingsOf, planOf } from "./plan-repo.js";

const commands = (records: Awaited<ReturnType<typeof planOf>>) =>
  records.filter((r) => r.kind === "step").map((r) => r.command);

describe("shell prompts with an environment's name", () => {
  it("reads `(venv) $ pip install` and `(base) user@host:~/x$ python` as the commands after the prompt", async () => {
    const files = {
      "README.md": [
        "# Setup",
        "",
        "```",
        "$ python -m venv venv",
        "$ source venv/bin/activate",
        "(venv) $ pip install -r requirements.txt",
        "(base) someone@box:~/solution$ python train.py",
        ">>> import torch",
        "```",
        "",
      ].join("\n"),
      "requirements.txt": "torch\n",
      "env/requirements.txt": "torch\n",
      "train.py": "print(1)\n",
    };
    const records = await planOf(files);
    expect(commands(records)).toEqual([
      "python -m venv venv",
      "source venv/bin/activate",
      "pip install -r requirements.txt",
      "python train.py",
    ]);
    expect(await findingsOf(files, ["instructions-install-documented"])).toEqual([]);
  });
});
