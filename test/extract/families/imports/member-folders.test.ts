// A team solution's members' folders each carry their own environment: an import is declared only by the
// spec of the member folder it lies in, never by a sibling member's.
import { describe, expect, it } from "vitest";
import { extractor as imports } from "../../../../src/extract/families/imports/index.js";
import { memberFolders } from "../../../../src/extract/families/imports/member-folders.js";
import { run } from "../helpers.js";

const pkg = (name: string, file: string, line: number) => ({ kind: "package", name, file, line });
const specFile = (file: string) => ({ kind: "spec-file", file, format: "conda" });

describe("imports: members' folders", () => {
  const files = {
    "member_a/train.py": "import decord\nimport numpy\n",
    "member_b/infer.py": "import decord\nimport numpy\n",
  };
  const envSpec = [
    specFile("member_a/env/environment-gpu.yml"),
    specFile("member_b/env/environment-cpu.yml"),
    pkg("numpy", "member_a/env/environment-gpu.yml", 5),
    pkg("numpy", "member_b/env/environment-cpu.yml", 5),
    pkg("decord", "member_b/env/environment-cpu.yml", 6),
  ];

  it("judges each member's imports against its own folder's environment file", async () => {
    const records = await run(imports, files, { "env-spec": envSpec });
    expect(
      records.filter((r) => r.top === "decord" || r.top === "numpy").map((r) => [r.file, r.top, r.declared]),
    ).toEqual([
      ["member_a/train.py", "decord", false],
      ["member_a/train.py", "numpy", true],
      ["member_b/infer.py", "decord", true],
      ["member_b/infer.py", "numpy", true],
    ]);
  });

  it("keeps an environment file in a folder of a single project as the whole repo's", async () => {
    const records = await run(
      imports,
      { "src/train.py": "import decord\n", "env/run.py": "import decord\n" },
      { "env-spec": [specFile("env/environment.yml"), pkg("decord", "env/environment.yml", 3)] },
    );
    expect(records.filter((r) => r.top === "decord").map((r) => [r.file, r.declared])).toEqual([
      ["env/run.py", true],
      ["src/train.py", true],
    ]);
  });

  it("names members only where two or more top folders hold code and a spec", () => {
    expect([
      ...memberFolders(["a/requirements.txt", "b/env.yml", "docs/environment.yml"], ["a/x.py", "b/y.py"]),
    ]).toEqual(["a", "b"]);
    expect([...memberFolders(["a/requirements.txt", "docker/Dockerfile"], ["a/x.py"])]).toEqual([]);
  });
});
