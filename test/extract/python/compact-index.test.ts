// The Python index kept for a whole audit holds per file only the facts the extractors read: empty fields share
// one list, repeated strings one copy, and no string keeps its file's text alive once the text is let go.
import { randomUUID } from "node:crypto";
import { getHeapSnapshot, setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { CLEAN_TREE, EMPTY_LIST, StringTable, compactFileIndex } from "../../../src/extract/python/compact-index.js";
import type { PyFileIndex } from "../../../src/extract/python/file-index.js";
import { preparePythonIndex, pythonIndex } from "../../../src/extract/python/repo-index.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";

/** Does any string in this process's heap contain `needle`? Read from a real heap snapshot (taken after a full
 * collection), streamed, so the snapshot is never held whole. */
async function heapHolds(needle: string): Promise<boolean> {
  let tail = "";
  for await (const chunk of getHeapSnapshot()) {
    const text = tail + (chunk as Buffer).toString("latin1");
    if (text.includes(needle)) return true;
    tail = text.slice(-needle.length);
  }
  return false;
}

// V8's own answer to "do these two objects share one hidden class?" (natives are enabled for this file only).
setFlagsFromString("--allow-natives-syntax");
const sameClass = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;

/** A file index with the given fields and every other list empty. */
function fileIndex(fields: Partial<PyFileIndex>): PyFileIndex {
  const empty = () => [] as never[];
  return {
    path: "a.py",
    notebook: false,
    bytes: 1,
    syntaxError: null,
    imports: empty(),
    pathStrings: empty(),
    shellStrings: empty(),
    wordStrings: empty(),
    calls: empty(),
    writes: empty(),
    savers: empty(),
    saveCalls: empty(),
    constants: empty(),
    attributeTargets: empty(),
    kaggleBranches: empty(),
    kwargs: empty(),
    assigns: empty(),
    placeholders: empty(),
    hasMain: false,
    starImport: false,
    unbound: empty(),
    ...fields,
  };
}

describe("the compact Python index", () => {
  it("shares one frozen empty list among every empty field of every file", () => {
    const index = pythonIndex(memoryView({ "a.py": "import numpy\n", "b.py": "import numpy as np\nx = 1\n" }));
    const [a, b] = index.files;
    expect(a!.writes).toBe(EMPTY_LIST);
    expect(b!.calls).toBe(EMPTY_LIST);
    expect(a!.imports[0]!.names).toBe(EMPTY_LIST);
    expect(Object.isFrozen(EMPTY_LIST)).toBe(true);
    // The values the extractors read are unchanged.
    expect(index.files.map((f) => f.imports.map((i) => i.module))).toEqual([["numpy"], ["numpy"]]);
  });

  it("keeps one copy of each distinct string", () => {
    const table = new StringTable();
    const first = table.intern("../input/competition/train.csv");
    expect(table.intern(["../input/competition", "train.csv"].join("/"))).toBe(first);
    table.intern("numpy");
    table.intern("numpy");
    expect(table.size).toBe(2);
  });

  it("holds no file's text once the view that read it is gone, though its paths were cut from that text", async () => {
    // Made at run time, so no module source (this test's own included) holds the marker.
    const marker = `unread_${randomUUID().replace(/-/g, "")}`;
    const path = `/data/${randomUUID()}/train.csv`;
    let files: Record<string, string> | null = {
      "train.py": [
        `# ${marker}: a comment no index field keeps`,
        "import pandas as pd",
        `frame = pd.read_csv('${path}')`,
        "",
      ].join("\n"),
    };
    let view: ReturnType<typeof memoryView> | null = memoryView(files);
    const index = pythonIndex(view);
    files = null;
    view = null;
    expect(index.files[0]!.pathStrings.map((p) => p.value)).toEqual([path]);
    expect(await heapHolds(marker)).toBe(false);
    // The check can see: the path, a string the index holds, is found.
    expect(await heapHolds(path)).toBe(true);
  });

  it("keeps each list as a copy of its items, and an object two fields share as one copy", () => {
    const call = { line: 3, callee: "pd.read_csv", args: [], decorator: false };
    const calls = [call];
    const file = compactFileIndex(fileIndex({ calls, saveCalls: [call] }), new StringTable());
    expect(file.calls).not.toBe(calls);
    expect(file.calls).toEqual([{ line: 3, callee: "pd.read_csv", args: [], decorator: false }]);
    expect(file.saveCalls[0]).toBe(file.calls[0]);
    expect(file.calls[0]!.args).toBe(EMPTY_LIST);
  });

  it("gives records of one shape one hidden class, though spreading in a hot loop made each its own", () => {
    // The arguments' pattern: a record spread into a larger one with a field added only sometimes.
    const made = Array.from({ length: 2000 }, (_, i) => {
      const arg = { name: null, kind: "name" as const, value: `v${i}`, path: "*" };
      const chain = `cfg.r${i}`;
      const root = `r${i}`;
      return { ...arg, root, ...(chain !== root ? { rootPath: chain } : {}) };
    });
    // Without the rebuild the check fails here: V8 gave the last records classes of their own.
    expect(sameClass(made[1998]!, made[1999]!)).toBe(false);
    const table = new StringTable();
    const files = made.map((arg) =>
      compactFileIndex(fileIndex({ calls: [{ line: 1, callee: "open", args: [arg], decorator: false }] }), table),
    );
    const [a, b] = [files[1998]!.calls[0]!.args[0]!, files[1999]!.calls[0]!.args[0]!];
    expect(sameClass(a, b)).toBe(true);
    expect(b).toEqual(made[1999]);
  });

  it("shares one verdict among the clean parses that confirmed nothing", () => {
    const clean = compactFileIndex(fileIndex({ tree: { error: null, unbound: [] } }), new StringTable());
    expect(clean.tree).toBe(CLEAN_TREE);
    const confirmed = { error: null, unbound: [{ name: "cfg", line: 2, atImport: false }] };
    expect(compactFileIndex(fileIndex({ tree: confirmed }), new StringTable()).tree).toEqual(confirmed);
  });

  it("compacts an index prepared in batches as each file lands, notebooks' line maps attached", async () => {
    const notebook = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [{ cell_type: "code", metadata: {}, outputs: [], source: ["import numpy\n", "!pip install timm\n"] }],
    });
    const view = memoryView({
      "a.py": "import numpy\n\nif __name__ == '__main__':\n    print(numpy.pi)\n",
      "b.ipynb": notebook,
    });
    const index = await preparePythonIndex(view, { helpers: 0 });
    const [a, b] = index.files;
    expect(a!.writes).toBe(EMPTY_LIST);
    expect(a!.tree).toBe(CLEAN_TREE);
    expect(b!.lineMap?.[1]).toEqual({ cell: 0, cellLine: 2 });
    expect(b!.shell?.map((s) => s.text)).toEqual(["pip install timm"]);
  });
});
