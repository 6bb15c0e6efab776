import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { extractor } from "../../../../src/extract/families/inventory/index.js";
import { walkRepo } from "../../../../src/extract/view/walk.js";
import { emptyFacts } from "../../../../src/model/facts.js";
import { tempDir, writeFiles } from "../../../clone/git-fixture.js";

let root: string;
beforeEach(() => {
  root = tempDir("ra-inv-");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("inventory extractor over a real walk", () => {
  it("counts files and records what was skipped and what is malformed", async () => {
    writeFiles(root, {
      "train.py": "x = 1\n",
      "big.py": "#".repeat(2000),
      "nb.ipynb": '{"cells": [}',
      "conf.yaml": "a: *missing\n",
      "setup.cfg": "[metadata]\nname = x\n",
    });
    writeFileSync(join(root, "weights.bin"), Buffer.alloc(5000));
    symlinkSync("/etc/hostname", join(root, "host.txt"));
    const view = await walkRepo(root, { maxFileBytes: 1000 });
    const records = await extractor.extract({ view, facts: emptyFacts(), branches: null });
    expect(records).toEqual([
      { kind: "summary", files: 7, pythonFiles: 2, notebooks: 1, configs: 2, bytes: 2000 + 6 + 12 + 12 + 20 + 5000 },
      { kind: "skipped", file: "big.py", reason: "larger than the 1000 B cap (2 KiB)", size: 2000 },
      { kind: "skipped", file: "host.txt", reason: "symlink pointing outside the repo: not followed", size: 0 },
      {
        kind: "malformed",
        file: "conf.yaml",
        line: 1,
        format: "yaml",
        message: 'unidentified alias "missing"',
        reason: 'malformed YAML: unidentified alias "missing"',
      },
      {
        kind: "malformed",
        file: "nb.ipynb",
        line: 1,
        format: "ipynb",
        message: expect.any(String),
        reason: expect.stringMatching(/^malformed IPYNB: /),
      },
    ]);
  });
});

describe("a failing extractor", () => {
  it("marks its family not collected with the error, records it, and the others still run", async () => {
    const { extractFacts } = await import("../../../../src/extract/index.js");
    const { STATIC_EXTRACTORS } = await import("../../../../src/extract/families/index.js");
    const { memoryView } = await import("../../../../src/extract/view/memory-view.js");
    const broken = {
      id: "imports",
      reads: [],
      roles: [],
      extract: () => {
        throw new Error("index out of range\nat somewhere");
      },
    };
    const extractors = STATIC_EXTRACTORS.map((e) => (e.id === "imports" ? broken : e));
    const facts = await extractFacts(memoryView({ "train.py": "import numpy\nx = '/home/a/b'\n" }), extractors, {
      branches: null,
    });
    expect(facts.notCollected.imports).toBe("the imports extractor failed: index out of range");
    expect(facts.families.extraction).toEqual([{ kind: "failed", family: "imports", error: "index out of range" }]);
    expect(facts.families["path-literals"]!.length).toBeGreaterThan(0);
  });
});
