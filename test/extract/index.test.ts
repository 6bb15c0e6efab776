// The extractors' run: one that reads neither the tree nor another family (the branch check, all git) starts
// before the Python index and the extractors ahead of it, its records still taken at its place. The extractors
// here are fakes (named so): the order of the run is what is tested, whatever the real families do.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import type { Extractor } from "../../src/extract/extractor.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import type { Timing } from "../../src/model/timings.js";

describe("extractFacts", () => {
  it("starts an extractor that reads neither files nor families first, and keeps its records at its place", async () => {
    const events: string[] = [];
    let releaseGitWork: () => void = () => undefined;
    const gitWork = new Promise<void>((resolve) => (releaseGitWork = resolve));
    // A fake of the branch check: its work waits on something outside this thread.
    const fakeFromGit: Extractor = {
      id: "branches",
      reads: [],
      roles: [],
      async extract() {
        events.push("git work started");
        await gitWork;
        return [{ kind: "branch", name: "dev", commit: "abc", error: null }];
      },
    };
    // A fake reader of the tree, ahead of it in the order given.
    const fakeReader: Extractor = {
      id: "placeholders",
      reads: [],
      roles: ["python"],
      extract({ view }) {
        events.push("reader ran");
        releaseGitWork();
        return [...view.python()].map((s) => ({ kind: "seen", file: s.path }));
      },
    };
    const steps: Timing[] = [];
    const facts = await extractFacts(memoryView({ "a.py": "x = 1\n" }), [fakeReader, fakeFromGit], {
      branches: ["dev"],
      onTiming: (t) => void steps.push(t),
    });
    expect(events).toEqual(["git work started", "reader ran"]);
    expect(Object.keys(facts.families).slice(0, 2)).toEqual(["placeholders", "branches"]);
    expect(facts.families["branches"]).toEqual([{ kind: "branch", name: "dev", commit: "abc", error: null }]);
    expect(steps.filter((s) => s.phase === "extract").map((s) => s.name)).toEqual(["placeholders", "branches"]);
  });

  it("a started extractor's failure is handled at its place, as any extractor's", async () => {
    const fakeFailing: Extractor = {
      id: "branches",
      reads: [],
      roles: [],
      extract() {
        throw new Error("git is gone");
      },
    };
    const facts = await extractFacts(memoryView({}), [fakeFailing], { branches: [] });
    expect(facts.notCollected["branches"]).toBe("the branches extractor failed: git is gone");
    expect(facts.families["extraction"]).toEqual([{ kind: "failed", family: "branches", error: "git is gone" }]);
  });
});
