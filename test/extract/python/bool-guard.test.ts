// Whether short-circuit evaluation reaches the marked call, given the names' values.
import { describe, expect, it } from "vitest";
import { guardNames, MARKER, reachesMarker, type GuardValue } from "../../../src/extract/python/bool-guard.js";

const env =
  (values: Record<string, GuardValue>) =>
  (name: string): GuardValue =>
    values[name] ?? null;

describe("reachesMarker", () => {
  const triState = `keep or (keep is None and ${MARKER})`;

  it("skips the call behind a tri-state option given either way, and reaches it when left None", () => {
    expect(reachesMarker(triState, env({ keep: "True" }))).toBe("no");
    expect(reachesMarker(triState, env({ keep: "False" }))).toBe("no");
    expect(reachesMarker(triState, env({ keep: "None" }))).toBe("yes");
    expect(reachesMarker(triState, env({}))).toBe("maybe");
  });

  it("reads not, and, enclosing conditions and calls it cannot know", () => {
    const guarded = `(out.exists() and not opts.resume) and (not opts.force and ${MARKER})`;
    expect(reachesMarker(guarded, env({ "opts.force": "True" }))).toBe("no");
    expect(reachesMarker(guarded, env({ "opts.force": "False" }))).toBe("maybe");
    expect(reachesMarker(guarded, env({ "opts.force": "False", "opts.resume": "True" }))).toBe("no");
    expect(reachesMarker(`cfg.a.b or ${MARKER}`, env({ "cfg.a.b": "truthy" }))).toBe("no");
    expect(reachesMarker(MARKER, env({}))).toBe("yes");
  });

  it("gives no answer where the marker is missing or the condition does not parse", () => {
    expect(reachesMarker("a or b", env({}))).toBeNull();
    expect(reachesMarker(`a if b else ${MARKER}`, env({}))).toBeNull();
  });

  it("names the values the condition reads, not the calls", () => {
    expect(guardNames(`p.exists() and (args.yes or cfg.x.y is None) and ${MARKER}`)).toEqual(["args.yes", "cfg.x.y"]);
  });
});
