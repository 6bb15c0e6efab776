// A crash on one file is a finding about that file, and the family is gathered from the others. The
// extractors here are fakes (named so): no real input is known to crash a real extractor on one file,
// and the mechanism must hold for whichever one does next.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../src/extract/index.js";
import type { Extractor } from "../../../src/extract/extractor.js";
import { memoryView } from "../../../src/extract/view/memory-view.js";
import type { Timing } from "../../../src/model/timings.js";

const files = {
  "a.py": "x = 1\n",
  "poison.py": "POISON\n",
  "b.py": "y = 2\n",
  "c/d.py": "z = 3\n",
  "README.md": "# r\n",
};

/** A fake extractor: one record per Python file, and a throw on any file holding `poison`. */
const fakeThrowingOn = (poison: (text: string) => boolean): Extractor => ({
  id: "placeholders",
  reads: [],
  roles: [],
  extract({ view }) {
    return [...view.python()].map((source) => {
      if (poison(source.text)) throw new RangeError(`cannot read ${source.path}`);
      return { kind: "seen", file: source.path };
    });
  },
});

describe("a crash inside one file's extraction", () => {
  it("becomes a finding about that file, and the family holds the other files' facts", async () => {
    const facts = await extractFacts(memoryView(files), [fakeThrowingOn((t) => t.includes("POISON"))], {
      branches: null,
    });
    expect(facts.families["placeholders"]!.map((r) => r.file).sort()).toEqual(["a.py", "b.py", "c/d.py"]);
    expect(facts.families["inventory"]).toEqual([
      {
        kind: "skipped",
        file: "poison.py",
        reason: "the placeholders extractor failed on it (cannot read poison.py); its placeholders facts are missing",
      },
    ]);
    expect(facts.families["extraction"]).toEqual([]);
  });

  it("names each of several failing files", async () => {
    const facts = await extractFacts(
      memoryView({ ...files, "b.py": "POISON again\n" }),
      [fakeThrowingOn((t) => t.includes("POISON"))],
      { branches: null },
    );
    expect(facts.families["inventory"]!.map((r) => r.file).sort()).toEqual(["b.py", "poison.py"]);
    expect(facts.families["placeholders"]!.map((r) => r.file).sort()).toEqual(["a.py", "c/d.py"]);
  });

  it("gives up the family, as before, when no single file explains the crash", async () => {
    const together: Extractor = {
      id: "placeholders",
      reads: [],
      roles: [],
      extract: ({ view }) => {
        if ([...view.python()].length > 1) throw new Error("needs them all");
        return [];
      },
    };
    const facts = await extractFacts(memoryView(files), [together], { branches: null });
    expect(facts.notCollected["placeholders"]).toContain("needs them all");
    expect(facts.families["extraction"]).toEqual([{ kind: "failed", family: "placeholders", error: "needs them all" }]);
  });

  it("shows the search for the failing file as a step of its own in the timings, beside the failed run", async () => {
    const heard: Timing[] = [];
    await extractFacts(memoryView(files), [fakeThrowingOn((t) => t.includes("POISON"))], {
      branches: null,
      onTiming: (t) => void heard.push(t),
    });
    expect(heard.filter((t) => t.phase === "extract").map((t) => t.name)).toEqual([
      "placeholders",
      "placeholders: finding the file it fails on",
    ]);
  });
});
