import { describe, expect, it } from "vitest";
import { decideStages } from "../../src/config/stages.js";

const docker = { name: "docker" as const };
const none = { name: null, why: "docker: daemon not running", hint: "start dockerd" };

describe("decideStages", () => {
  it("by default runs build and epoch when an engine answers and a plan exists", () => {
    const d = decideStages({ asked: undefined, runtime: "container", engine: docker, planFound: true });
    expect(d.run).toEqual({ resolve: true, build: true, epoch: true });
  });

  it("--stages static runs nothing else, whatever the engine", () => {
    const d = decideStages({ asked: ["static"], runtime: "container", engine: docker, planFound: true });
    expect(d.run).toEqual({ resolve: false, build: false, epoch: false });
    expect(d.skipReason.resolve).toBe("not asked for (--stages)");
    expect(d.skipReason.build).toBe("not asked for (--stages)");
  });

  it("without an engine, the default skips with a note and no error", () => {
    const d = decideStages({ asked: undefined, runtime: "container", engine: none, planFound: true });
    expect(d.run).toEqual({ resolve: true, build: false, epoch: false });
    expect(d.engineRequiredButMissing).toBeNull();
    expect(d.notes).toEqual([
      "Build and epoch stages skipped: docker: daemon not running; to run them, start dockerd.",
    ]);
  });

  it("--stages static,resolve asks the index and needs no engine", () => {
    const d = decideStages({ asked: ["static", "resolve"], runtime: "container", engine: none, planFound: true });
    expect(d.run).toEqual({ resolve: true, build: false, epoch: false });
    expect(d.engineRequiredButMissing).toBeNull();
    expect(d.notes).toEqual([]);
  });

  it("an explicit build resolves first, as the default does", () => {
    const d = decideStages({ asked: ["static", "build"], runtime: "container", engine: docker, planFound: false });
    expect(d.run).toEqual({ resolve: true, build: true, epoch: false });
  });

  it("an explicit build without an engine is an engine error", () => {
    const d = decideStages({ asked: ["static", "build"], runtime: "container", engine: none, planFound: false });
    expect(d.engineRequiredButMissing).toEqual({ why: "docker: daemon not running", hint: "start dockerd" });
  });

  it("skips the epoch without a plan, saying so", () => {
    const d = decideStages({ asked: undefined, runtime: "container", engine: docker, planFound: false });
    expect(d.run).toEqual({ resolve: true, build: true, epoch: false });
    expect(d.skipReason.epoch).toBe("no train plan found (see the execution findings)");
  });

  it("the host runtime runs the epoch without an engine when asked", () => {
    const d = decideStages({ asked: ["static", "epoch"], runtime: "host", engine: none, planFound: true });
    expect(d.run).toEqual({ resolve: false, build: false, epoch: true });
    expect(d.engineRequiredButMissing).toBeNull();
  });
});
