// The commands an `inv <task>` runs, read from a tasks.py of invoke.
import { describe, expect, it } from "vitest";
import { invokeRuns } from "../../../../src/extract/families/rerun-plan/invoke-tasks.js";

const TASKS = [
  "from invoke import task",
  "",
  "@task",
  "def clean(c):",
  '    c.run("rm -rf out")',
  "",
  "@task(clean, post=[report])",
  "def make_data(c, small=False):",
  "    jobs = [",
  '        "prep/a.py",',
  '        ("prep/b.py", "x"),',
  "    ]",
  "    for job in jobs:",
  '        cmd = f"python {job} --out data"',
  "        if small:",
  '            cmd += " --small"',
  "        c.run(cmd)",
  "",
  "@task",
  "def report(c):",
  "    c.run('python report.py')",
  "",
  "@task",
  "def fit(c, debug=False):",
  '    runs = [("fit/a.py", "s1"), ("fit/b.py", "s2")]',
  "    for script, stage in runs:",
  "        if debug:",
  '            cmd = f"python {script} stage={stage} debug=True"',
  "        else:",
  '            cmd = f"python {script} stage={stage}"',
  "        c.run(cmd)",
  "",
].join("\n");

describe("invoke tasks", () => {
  it("runs pre-tasks first and post-tasks after, each once, and one command per item of a listed loop", () => {
    expect(invokeRuns(TASKS, ["make-data", "clean"])).toEqual([
      { line: 5, text: "rm -rf out" },
      { line: 17, text: "python prep/a.py --out data" },
      { line: 17, text: "python prep/b.py --out data" },
      { line: 21, text: "python report.py" },
    ]);
  });

  it("reads a loop over tuples by position, and the default branch's command", () => {
    expect(invokeRuns(TASKS, ["fit"])).toEqual([
      { line: 31, text: "python fit/a.py stage=s1" },
      { line: 31, text: "python fit/b.py stage=s2" },
    ]);
  });

  it("runs a task another task calls as a function where it is called, and a `with c.cd(...)` block's commands from that folder", () => {
    const tasks = [
      "from invoke import task",
      "",
      "@task",
      "def prep(c):",
      '    with c.cd("part"):',
      '        c.run("python -m run.prep")',
      '    c.run("python check.py")',
      "",
      "@task",
      "def all_steps(c):",
      "    prep(c)",
      '    c.run("python fit.py")',
      "",
    ].join("\n");
    expect(invokeRuns(tasks, ["all-steps"])).toEqual([
      { line: 6, text: "cd part && python -m run.prep" },
      { line: 7, text: "python check.py" },
      { line: 12, text: "python fit.py" },
    ]);
  });

  it("runs nothing for a name no task has", () => {
    expect(invokeRuns(TASKS, ["deploy"])).toEqual([]);
  });
});
