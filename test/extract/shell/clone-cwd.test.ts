import { describe, expect, it } from "vitest";
import { cloneWalk, commandsOf } from "../../../src/extract/shell/clone-cwd.js";

describe("cloneWalk", () => {
  it("follows cd into a folder a clone made, and back out", () => {
    const walk = cloneWalk();
    const at: boolean[] = [];
    for (const line of ["git clone https://example.org/a/tool.git", "cd tool/src", "cd ../..", "cd tool", "cd -"]) {
      for (const c of commandsOf(line)) walk.step(c.text);
      at.push(walk.inClone());
    }
    expect(at).toEqual([false, true, false, true, false]);
    expect(walk.inClone("tool")).toBe(true);
    expect(walk.inClone("src")).toBe(false);
  });

  it("knows folders cloned elsewhere, and a subshell leaves the script where it was", () => {
    const walk = cloneWalk(["third_party/x"]);
    const restore = walk.save();
    walk.step("(cd third_party/x");
    expect(walk.inClone()).toBe(true);
    restore();
    expect(walk.inClone()).toBe(false);
    walk.step("cd /opt/x");
    expect(walk.inClone()).toBe(false);
  });
});
