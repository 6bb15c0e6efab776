// Code is parsed as the Python the repo states: a generator bare in an f-string's braces parses up to 3.11
// (CPython wraps the field in parentheses) and is an error from 3.12 on.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf, gatedSeverity, gatedWarning } from "../rerun-plan/plan-repo.js";

const TRAIN = "def shapes(xs):\n    return f'{len(x) for x in xs}'\n\nprint(shapes([[1]]))\n";
const files = (spec: Record<string, string>) => ({
  "README.md": "```\npython train.py\n```\n",
  "train.py": TRAIN,
  ...spec,
});

describe("a generator bare in an f-string's braces", () => {
  it("is no syntax error in a repo that states Python 3.7", async () => {
    expect(await findingsOf(files({ "runtime.txt": "python-3.7.12\n" }), ["code-syntax-valid"])).toEqual([]);
  });

  it("is unconfirmed where no Python is stated, and says which Pythons parse it", async () => {
    const repo = files({});
    expect(await findingsOf(repo, ["code-syntax-valid"])).toEqual([
      ["code-syntax-valid", "train.py", 2, gatedWarning("code-syntax-valid")],
    ]);
    const [record] = await familyOf(repo, "syntax");
    expect(record?.message).toMatch(/parses only on Python 3\.11 or older/);
  });

  it("is a confirmed error in a repo that states Python 3.12 (as far as the first-look gate lets the rule act)", async () => {
    const repo = files({ "runtime.txt": "python-3.12.1\n" });
    expect(await findingsOf(repo, ["code-syntax-valid"])).toEqual([
      ["code-syntax-valid", "train.py", 2, gatedSeverity("code-syntax-valid")],
    ]);
    const [record] = await familyOf(repo, "syntax");
    expect(record?.pythonUnstated).toBeUndefined();
  });
});
