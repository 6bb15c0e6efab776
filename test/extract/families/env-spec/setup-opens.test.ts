// Files a setup.py opens when it runs that the repo does not commit: pip stops at FileNotFoundError.
import { describe, expect, it } from "vitest";
import { missingSetupOpens } from "../../../../src/extract/families/env-spec/setup-opens.js";

const SETUP = [
  "import os",
  "from setuptools import setup",
  "",
  "def readme():",
  "    with open(os.path.join(os.path.dirname(__file__), 'README.md'), encoding='utf-8') as f:",
  "        return f.read()",
  "",
  "def unused():",
  "    return open('CHANGES.rst').read()",
  "",
  "try:",
  "    history = open('HISTORY.md').read()",
  "except OSError:",
  "    history = ''",
  "setup(name='x', long_description=readme(), install_requires=parse_requirements('requirements/runtime.txt'))",
].join("\n");

describe("missingSetupOpens", () => {
  it("names the opens that run and miss, with a committed name that differs only in case", () => {
    const files = ["pkg/setup.py", "pkg/readme.md", "README.md"];
    expect(
      missingSetupOpens(
        "pkg/setup.py",
        SETUP,
        (p) => files.includes(p),
        (dir) => files.filter((f) => f.startsWith(`${dir}/`)),
      ),
    ).toEqual([
      { line: 5, opens: "README.md", nearMatch: "readme.md" },
      { line: 15, opens: "requirements/runtime.txt" },
    ]);
  });

  it("leaves a file setup.py writes itself before reading it back", () => {
    const text = "with open('pkg/version.py', 'w') as f:\n    f.write(v)\nexec(open('pkg/version.py').read())\n";
    expect(
      missingSetupOpens(
        "setup.py",
        text,
        () => false,
        () => [],
      ),
    ).toEqual([]);
  });

  it("is empty when every file it opens is committed", () => {
    const files = ["setup.py", "README.md", "requirements/runtime.txt"];
    expect(
      missingSetupOpens(
        "setup.py",
        SETUP,
        (p) => files.includes(p),
        () => files,
      ),
    ).toEqual([]);
  });
});
