// `suppressions`: ignore comments in every file kind that takes `#` comments, and the line each one quiets.
import { describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/suppressions/index.js";
import { notebook, run } from "../helpers.js";

describe("suppressions", () => {
  it("records a trailing comment for its own line and a lone comment for the next line with code", async () => {
    const records = await run(extractor, {
      "train.py": [
        "import os",
        "DATA = '/home/alice/data'  # repro-audit: ignore[paths-portable] our cluster's data root",
        "# repro-audit: ignore[code-names-defined, paths-portable]   set by the launcher",
        "",
        "# another comment",
        "print(undefined_name)",
      ].join("\n"),
    });
    expect(records).toEqual([
      { file: "train.py", line: 2, rules: "paths-portable", reason: "our cluster's data root", target: 2 },
      {
        file: "train.py",
        line: 3,
        rules: "code-names-defined,paths-portable",
        reason: "set by the launcher",
        target: 6,
      },
    ]);
  });

  it("reads YAML, shell, requirements and Dockerfiles, and notebooks with their cell", async () => {
    const records = await run(extractor, {
      "config.yaml": "data_root: /mnt/data  # repro-audit: ignore[paths-portable] mounted by the job\n",
      "run.sh": "#!/bin/sh\n# repro-audit: ignore[paths-portable]\ncd /home/alice\n",
      "requirements.txt": "torch>=2  # repro-audit: ignore[requirements-pinned] any 2.x\n",
      "docker/Dockerfile":
        "FROM python:3.11\n# repro-audit: ignore[requirements-pinned] base pins it\nRUN pip install numpy\n",
      "notebooks/eda.ipynb": notebook(
        "x = 1",
        "path = '/kaggle/input/a.csv'  # repro-audit: ignore[paths-portable] Kaggle layout",
      ),
      "notes.txt": "# repro-audit: ignore[paths-portable] not a file kind that is read\n",
    });
    expect(records).toEqual(
      expect.arrayContaining([
        { file: "config.yaml", line: 1, rules: "paths-portable", reason: "mounted by the job", target: 1 },
        { file: "run.sh", line: 2, rules: "paths-portable", reason: "", target: 3 },
        { file: "requirements.txt", line: 1, rules: "requirements-pinned", reason: "any 2.x", target: 1 },
        { file: "docker/Dockerfile", line: 2, rules: "requirements-pinned", reason: "base pins it", target: 3 },
        {
          file: "notebooks/eda.ipynb",
          line: 2,
          cell: 2,
          cellLine: 1,
          rules: "paths-portable",
          reason: "Kaggle layout",
          target: 2,
        },
      ]),
    );
    expect(records).toHaveLength(5);
  });

  it("records nothing for files without the marker, and an empty list for empty brackets", async () => {
    expect(await run(extractor, { "a.py": "x = 1  # noqa\n" })).toEqual([]);
    expect(await run(extractor, { "a.py": "x = 1  # repro-audit: ignore[] why\n" })).toEqual([
      { file: "a.py", line: 1, rules: "", reason: "why", target: 1 },
    ]);
  });
});
