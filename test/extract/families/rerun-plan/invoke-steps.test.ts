// A README step that runs invoke tasks (`inv build-all`, `poetry run inv score`), in fenced blocks indented under
// numbered items too: each `c.run(...)` of the task is a step, in the tasks file's folder.
import { describe, expect, it } from "vitest";
import { planOf, stepsOf } from "./plan-repo.js";

const steps = (records: Awaited<ReturnType<typeof planOf>>) =>
  records.filter((r) => r.kind === "step").map((r) => [r.order, r.parent, r.cwd, r.program, r.command]);

describe("invoke tasks", () => {
  it("runs each ctx.run command of the task a README's `inv` names, pre-tasks first, a dashed name for an underscored task", async () => {
    const records = await planOf({
      "README.md":
        "# Run\n\n```sh\npip install -r requirements.txt\ncd pipeline\ninv build-all\npoetry run inv score\n```\n",
      "requirements.txt": "invoke\n",
      "pipeline/tasks.py": [
        "from invoke import task",
        "",
        "@task",
        "def prepare(c):",
        '    c.run("python stage/make_folds.py")',
        "",
        "@task(pre=[prepare])",
        "def build_all(ctx, debug=False):",
        '    ctx.run(f"python stage/fit.py --debug {debug}")',
        "    ctx.run('bash stage/export.sh')",
        "",
        "@task",
        "def score(c):",
        '    c.run("python stage/score.py")',
        "",
      ].join("\n"),
      "pipeline/stage/make_folds.py": "print(1)\n",
      "pipeline/stage/fit.py": "print(1)\n",
      "pipeline/stage/export.sh": "python stage/score.py --export\n",
      "pipeline/stage/score.py": "print(1)\n",
    });
    expect(steps(records)).toEqual([
      [1, null, ".", null, "pip install -r requirements.txt"],
      [2, null, "pipeline", "pipeline/tasks.py", "inv build-all"],
      [3, 2, "pipeline", "pipeline/stage/make_folds.py", "python stage/make_folds.py"],
      [4, 2, "pipeline", "pipeline/stage/fit.py", "python stage/fit.py --debug {debug}"],
      [5, 2, "pipeline", "pipeline/stage/export.sh", "bash stage/export.sh"],
      [6, 5, "pipeline", "pipeline/stage/score.py", "python stage/score.py --export"],
      [7, null, "pipeline", "pipeline/tasks.py", "poetry run inv score"],
      [8, 7, "pipeline", "pipeline/stage/score.py", "python stage/score.py"],
    ]);
  });

  it("runs the tasks of fenced blocks indented under numbered items, after a compose shell opened in the same folder", async () => {
    const records = await planOf({
      "README.md": [
        "# Steps",
        "",
        "1. Open the container:",
        "    ```sh",
        "    docker compose run --rm box bash",
        "    ```",
        "",
        "2. Build the features",
        "   ```sh",
        "   invoke features",
        "   ```",
        "",
      ].join("\n"),
      "compose.yaml":
        "services:\n  box:\n    image: python:3.11\n    working_dir: /work/app\n    volumes:\n      - ./:/work\n",
      "app/tasks.py": 'from invoke import task\n\n@task\ndef features(c):\n    c.run("python feats.py")\n',
      "app/feats.py": "print(1)\n",
    });
    expect(stepsOf(records).map((s) => [s[2], s[3]])).toEqual([
      ["app", null],
      ["app", "app/tasks.py"],
      ["app", "app/feats.py"],
    ]);
  });
});
