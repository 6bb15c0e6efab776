// The lock the build installs, against a real local index and the real uv: a spec that states no Python is
// locked for the Python the resolve stage found it installs on, not for the default its wheels do not serve.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addFacts } from "../../src/model/facts.js";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { lockForBuild } from "../../src/resolve/build-lock-step.js";
import { resolveStep } from "../../src/resolve/stage.js";
import { resolveBudget } from "../../src/resolve/budget.js";
import { findUv } from "../../src/resolve/uv.js";
import { startLocalIndex, type LocalIndex } from "../support/package-index.js";

let index: LocalIndex;
let uv: string | null;

beforeAll(async () => {
  uv = await findUv();
  // An old pin: wheels for Python 3.7 only, as an old numpy's are.
  index = await startLocalIndex([
    { name: "oldwheel", version: "1.18.0", pythonTag: "cp37" },
    // Served only as a source distribution: the resolver, which never builds, cannot lock it.
    { name: "sdistonly", version: "1.0", files: "sdist" },
    { name: "purewheel", version: "2.0", requiresPython: ">=3.7" },
  ]);
});
afterAll(async () => index?.close());

async function lockOf(files: Record<string, string>, options: { resolve: boolean } = { resolve: true }) {
  const view = memoryView(files);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  // A budget no machine's load runs out: the lock, not the budget, is tested here.
  const resolved = options.resolve
    ? await resolveStep({ facts, view, indexUrl: index.url, uv, budget: resolveBudget(3600) })
    : null;
  if (resolved?.records) addFacts(facts, "spec-resolution", resolved.records);
  return lockForBuild({ facts, view, indexUrl: index.url, asOf: null, uv });
}

describe("lockForBuild", () => {
  it("locks a spec that states no Python for the Python its pins install on, and says so", async () => {
    const { lock, notes } = await lockOf({ "requirements.txt": "oldwheel==1.18.0\n", "train.py": "import oldwheel\n" });
    expect(lock?.python).toEqual({
      version: "3.7",
      source: expect.stringContaining("the oldest Python it installs on"),
    });
    expect(lock?.pins).toEqual([{ name: "oldwheel", version: "1.18.0" }]);
    expect(notes.join("\n")).toContain("for Python 3.7");
  });

  it("keeps a stated Python: a spec stating 3.11 that does not lock there is installed as written", async () => {
    const { lock, notes } = await lockOf({
      "requirements.txt": "oldwheel==1.18.0\n",
      ".python-version": "3.11\n",
      "train.py": "import oldwheel\n",
    });
    expect(lock).toBeNull();
    expect(notes.join("\n")).toContain("does not lock for Python 3.11");
  });

  it("with no lock for a spec that states no Python, has the build use the Python the resolver found it installs on", async () => {
    const { lock, python, notes } = await lockOf({
      "requirements.txt": "oldwheel==1.18.0\nsdistonly==1.0\n",
      "train.py": "import oldwheel\n",
    });
    expect(lock).toBeNull();
    expect(python).toEqual({ version: "3.7", source: "the Python the resolver found it installs on" });
    expect(notes.join("\n")).toContain("states no Python; the build uses Python 3.7");
  });

  it("without the resolver's answer, has the build use the oldest Python every exact pin's wheels serve", async () => {
    const { lock, python } = await lockOf(
      { "requirements.txt": "oldwheel==1.18.0\npurewheel==2.0\nsdistonly==1.0\n", "train.py": "import oldwheel\n" },
      { resolve: false },
    );
    expect(lock).toBeNull();
    expect(python).toEqual({ version: "3.7", source: "the oldest Python the wheels of its 2 pin(s) all serve" });
  });

  it("chooses nothing for a spec that states its Python", async () => {
    const { python } = await lockOf({
      "requirements.txt": "oldwheel==1.18.0\nsdistonly==1.0\n",
      ".python-version": "3.11\n",
    });
    expect(python).toBeUndefined();
  });
});
