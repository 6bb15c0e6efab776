// What the build installs from a lock: every pin, the spec's wheel URLs beside them, or why the spec is
// installed as written instead.
import { describe, expect, it } from "vitest";
import { buildLockOf } from "../../src/resolve/build-lock.js";
import type { SpecToResolve } from "../../src/resolve/resolver-input.js";

const whl = "https://download.pytorch.org/whl/cu113/torch-1.10.0%2Bcu113-cp39-cp39-linux_x86_64.whl";

function spec(over: Partial<SpecToResolve> = {}): SpecToResolve {
  return {
    file: "pyproject.toml",
    files: ["pyproject.toml"],
    python: { version: "3.9", stated: true, source: "pyproject.toml:2 (^3.9)" },
    lines: [
      {
        requirement: "torch==1.10.0",
        file: "pyproject.toml",
        line: 3,
        rewritten: "the wheel URL read as torch==1.10.0",
        url: whl,
      },
      { requirement: "timm==0.4.12", file: "pyproject.toml", line: 4 },
    ],
    skipped: [],
    notAsked: [],
    ...over,
  };
}

describe("buildLockOf", () => {
  it("keeps every pin, the Python it was resolved for and each wheel URL with its index version", () => {
    const pins = [
      { name: "timm", version: "0.4.12" },
      { name: "torch", version: "1.10.0" },
      { name: "typing-extensions", version: "4.0.1" },
    ];
    expect(buildLockOf(spec(), "3.9", pins, "2021-11-01T00:00:00.000Z")).toEqual({
      specFile: "pyproject.toml",
      python: { version: "3.9", source: "pyproject.toml:2 (^3.9)" },
      asOf: "2021-11-01T00:00:00.000Z",
      pins,
      wheels: [{ name: "torch", url: whl, version: "1.10.0" }],
    });
  });

  it("a spec with lines the lock leaves out is installed as written", () => {
    const skipped = [
      {
        file: "pyproject.toml",
        line: 6,
        why: "mylib comes from git+https://example.org/mylib, which a resolver reads only by building it",
      },
    ];
    expect(buildLockOf(spec({ skipped }), "3.9", [{ name: "timm", version: "0.4.12" }], null)).toEqual({
      unused:
        "1 line(s) of pyproject.toml are not in the lock (mylib comes from git+https://example.org/mylib, which a resolver reads only by building it), so the spec is installed as written",
    });
  });

  it("a spec naming a +cuNNN build by its version is installed as written, not as the index release", () => {
    const cuda = spec({
      lines: [
        {
          requirement: "torch==2.1.0",
          file: "requirements.txt",
          line: 2,
          rewritten: "+cu118 dropped: that build is served by PyTorch's index, its version by the index",
        },
      ],
    });
    expect(buildLockOf(cuda, "3.10", [{ name: "torch", version: "2.1.0" }], null)).toEqual({
      unused:
        "requirements.txt:2 names a build (+cu118 dropped: that build is served by PyTorch's index, its version by the index) the lock would replace by its index release, so the spec is installed as written",
    });
  });

  it("a pin or a URL holding characters a shell reads is never written into a Dockerfile", () => {
    expect(buildLockOf(spec(), "3.9", [{ name: "timm", version: "0.4.12'$(id)" }], null)).toMatchObject({
      unused: expect.stringContaining("does not write into a Dockerfile"),
    });
    const quoted = spec({
      lines: [
        {
          requirement: "torch==1.10.0",
          file: "pyproject.toml",
          line: 3,
          url: "https://x.org/a'b/torch-1.10.0-cp39-cp39-linux_x86_64.whl",
        },
      ],
    });
    expect(buildLockOf(quoted, "3.9", [{ name: "torch", version: "1.10.0" }], null)).toMatchObject({ wheels: [] });
  });
});
