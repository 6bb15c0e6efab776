// The git-backed branch view stops its git calls on the audit's interrupt: a branch check started beside the
// Python index must not outlive an interrupted audit.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSource } from "../../src/clone/index.js";
import { makeRepo, tempDir } from "./git-fixture.js";

let repo: string;
beforeAll(() => {
  repo = tempDir("ra-bview-");
  makeRepo(repo);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe("gitBranchView", () => {
  it("lists trees and reads blobs while the audit runs, and refuses both once it is interrupted", async () => {
    const controller = new AbortController();
    const checkout = await openSource(repo, { signal: controller.signal });
    const view = checkout.branches!;
    const dev = view.others().find((b) => b.name === "dev")!;
    const tree = await view.tree(dev.commit);
    expect(tree.map((e) => e.path)).toContain("broken.py");
    const read: string[] = [];
    await view.readBlobs([tree[0]!.sha], (sha) => void read.push(sha));
    expect(read).toEqual([tree[0]!.sha]);

    controller.abort(new Error("interrupted"));
    await expect(view.tree(dev.commit)).rejects.toThrow(/abort/i);
    await expect(view.readBlobs([tree[0]!.sha], () => undefined)).rejects.toThrow(/abort/i);
    await checkout.dispose();
  });
});
