// The Python index built with worker threads: the same indexes, in the same order, and the same static
// facts as one thread, on a generated solution-like repo (300 files, 4 notebooks, about 2.6 MB).
// Workers run the TypeScript sources through test-only module hooks (ts-register.mjs).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateRepo } from "../../../bench/generate-repo.js";
import { STATIC_EXTRACTORS } from "../../../src/extract/families/index.js";
import { extractFacts } from "../../../src/extract/index.js";
import { indexSources, type PoolOptions } from "../../../src/extract/python/index-pool.js";
import { preparePythonIndex, pythonIndex } from "../../../src/extract/python/repo-index.js";
import type { RepoView } from "../../../src/model/repo-view.js";
import { walkRepo } from "../../../src/extract/view/walk.js";

const HELPERS: PoolOptions = {
  helpers: 1,
  url: new URL("../../../src/extract/python/index-worker.ts", import.meta.url),
  execArgv: ["--import", new URL("./ts-register.mjs", import.meta.url).href],
};

describe("Python index on worker threads", () => {
  let root = "";
  // One pool run (worker start-up with the test hooks is the slow part), compared with one thread.
  let threaded: RepoView;
  let single: RepoView;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "repro-audit-pool-"));
    generateRepo(root, 7, 300, 4);
    threaded = await walkRepo(root);
    await preparePythonIndex(threaded, HELPERS);
    single = await walkRepo(root);
    await preparePythonIndex(single, { helpers: 0 });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("makes the same indexes as one thread, in source order, with one parse per file that needs it", async () => {
    const many = pythonIndex(threaded).files;
    expect(many).toHaveLength(304);
    expect(JSON.stringify(many)).toBe(JSON.stringify(pythonIndex(single).files));
    // Parsed: 10 files with a __main__ guard, 4 notebooks, 3 modules with an unbound name.
    const parsed = many.filter((f) => f.tree).map((f) => f.path);
    expect(parsed).toHaveLength(17);
    expect(parsed.filter((p) => p.endsWith(".ipynb"))).toEqual([
      "notebooks/nb0.ipynb",
      "notebooks/nb1.ipynb",
      "notebooks/nb2.ipynb",
      "notebooks/nb3.ipynb",
    ]);
    expect(many.find((f) => f.path === "pkg7/mod107.py")?.tree).toEqual({
      error: null,
      unbound: [{ name: "undefined_config", line: 14, atImport: true }],
    });
    expect(many.find((f) => f.path === "notebooks/nb2.ipynb")?.lineMap?.[0]).toEqual({ cell: 1, cellLine: 1 });
  });

  it("collects the same static facts from a worker-built index as from one thread", async () => {
    const a = await extractFacts(threaded, STATIC_EXTRACTORS, { branches: null });
    const b = await extractFacts(single, STATIC_EXTRACTORS, { branches: null });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.families["undefined-names"]?.filter((r) => r.name === "undefined_config")).toHaveLength(7);
    expect(a.families["syntax"]).toEqual([]);
    expect(a.families["imports"]).toHaveLength(4420);
  });

  it("fails with the worker's error instead of hanging", async () => {
    const broken: PoolOptions = { helpers: 1, url: new URL("data:text/javascript,throw new Error('worker boom')") };
    await expect(indexSources(threaded.python(), broken)).rejects.toThrow(/worker boom/);
  });
});
