// The Python index kept for a whole audit holds per file only the facts the extractors read: empty fields share
// one list, repeated strings one copy, and no string keeps its file's text alive once the text is let go.
import { randomUUID } from "node:crypto";
import { getHeapSnapshot } from "node:v8";
import { describe, expect, it } from "vitest";
import { EMPTY_LIST, StringTable } from "../../../src/extract/python/compact-index.js";
import { pythonIndex } from "../../../src/extract/python/repo-index.js";
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
});
