// What the resolver is asked: requirement lines rebuilt from the facts, never the repo's own option lines.
import { describe, expect, it } from "vitest";
import { askedLine, specsToResolve, wheelVersion } from "../../src/resolve/resolver-input.js";
import { readmeListRecords } from "../../src/extract/parse/readme-list.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { readResolverAnswer } from "../../src/resolve/resolver-output.js";

describe("resolver input", () => {
  it("reads a wheel URL's version", () => {
    expect(wheelVersion("https://download.pytorch.org/whl/cu113/torch-1.10.0%2Bcu113-cp39-cp39-linux_x86_64.whl")).toBe(
      "1.10.0+cu113",
    );
    expect(wheelVersion("https://example.org/pkg.tar.gz")).toBeNull();
  });

  it("asks pins as written, CUDA builds by their version, Poetry ranges as PEP 440", () => {
    expect(askedLine({ name: "numpy", spec: "==1.26.4" }, "r.txt", 1)).toEqual({
      requirement: "numpy==1.26.4",
      file: "r.txt",
      line: 1,
    });
    expect(askedLine({ name: "torch", spec: "==1.7.1+cu110" }, "r.txt", 2)).toMatchObject({
      requirement: "torch==1.7.1",
    });
    expect(askedLine({ name: "torch", spec: "==2.1.0a0+4136153" }, "r.txt", 3)).toMatchObject({
      requirement: "torch==2.1.0a0+4136153",
    });
    expect(askedLine({ name: "timm", spec: "^0.4.12" }, "pyproject.toml", 4)).toMatchObject({
      requirement: "timm>=0.4.12,<0.5.0",
    });
    expect(
      askedLine(
        { name: "torch", spec: "https://x.org/torch-1.10.0+cu113-cp39-cp39-linux_x86_64.whl" },
        "pyproject.toml",
        5,
      ),
    ).toMatchObject({ requirement: "torch==1.10.0" });
  });

  it("never passes a line that could be an option or a local path", () => {
    expect(askedLine({ name: "x", spec: "git+https://h/x.git" }, "r.txt", 1)).toHaveProperty("skip");
    expect(askedLine({ name: "x", spec: "file:///home/u/x" }, "r.txt", 1)).toHaveProperty("skip");
    expect(askedLine({ name: "--index-url", spec: "" }, "r.txt", 1)).toHaveProperty("skip");
    expect(askedLine({ name: "x", spec: "==1\n--index-url http://evil" }, "r.txt", 1)).toHaveProperty("skip");
  });
});

describe("the README's version list as a spec", () => {
  it("asks its exact versions as pins and its minimums as lower bounds, for the Python it states", () => {
    const readme = "Requirements: Python 3.8, PyTorch 1.4 or later, pandas 1.0.3, numpy\n";
    const facts = {
      families: {
        "env-spec": [
          ...readmeListRecords("README.md", readme),
          { kind: "python-version", file: "README.md", line: 1, value: "3.8", source: "the README" },
        ],
      },
      notCollected: {},
    };
    const specs = specsToResolve(facts, memoryView({ "README.md": readme }));
    expect(specs.map((s) => [s.file, s.python.version, s.lines.map((l) => l.requirement)])).toEqual([
      ["README.md", "3.8", ["torch>=1.4", "pandas==1.0.3", "numpy"]],
    ]);
  });

  it("a statement of only the major (>=3) chooses no Python: the default is asked, as unstated", () => {
    const readme = "Requirements: Python 3, pandas 1.0.3\n";
    const facts = {
      families: {
        "env-spec": [
          ...readmeListRecords("README.md", readme),
          { kind: "python-version", file: "README.md", line: 1, value: ">=3", source: "the README" },
        ],
      },
      notCollected: {},
    };
    const [spec] = specsToResolve(facts, memoryView({ "README.md": readme }));
    expect(spec?.python).toEqual({ version: "3.11", stated: false, source: "default" });
  });
});

describe("resolver output", () => {
  it("keeps the resolver's own reason and sorts it", () => {
    const missing = readResolverAnswer(
      1,
      "",
      "error: No solution found when resolving dependencies:\n  ╰─▶ x\n  cause: Because there is no version of a==9 and you require a==9, we can conclude that your requirements are unsatisfiable.\n",
    );
    expect(missing).toEqual({
      outcome: "unresolvable",
      resolutionClass: "version-missing",
      reason:
        "Because there is no version of a==9 and you require a==9, we can conclude that your requirements are unsatisfiable.",
    });
    // A release whose metadata the resolver cannot parse is not judged, never read as unresolvable.
    const metadata = readResolverAnswer(
      1,
      "",
      "error: No solution found when resolving dependencies\n  cause: Because pandas==0.22.0 has invalid metadata and you require pandas==0.22.0, we can conclude that your requirements are unsatisfiable.\n\nhint: Metadata for `pandas` (v0.22.0) could not be parsed:\n  after parsing `2011`, found `k`, which is not part of a valid version\n",
    );
    expect(metadata).toMatchObject({ outcome: "not-assessed", offline: false });
    expect(readResolverAnswer(0, "a==1.0\nb[x]==2.0 ; python_version > '3'\n", "")).toEqual({
      outcome: "resolved",
      pins: [
        { name: "a", version: "1.0" },
        { name: "b", version: "2.0" },
      ],
    });
    expect(
      readResolverAnswer(2, "", "error: Failed to fetch: `http://127.0.0.1:9/simple/a/`\n  cause: tcp connect error\n"),
    ).toMatchObject({ outcome: "not-assessed", offline: true });
  });
  it("names the package that needs a build, and the offset of a line the resolver cannot parse", () => {
    const needsBuild = readResolverAnswer(
      1,
      "",
      "error: No solution found when resolving dependencies\n  cause: Because apex==0.1 has no usable wheels and you require apex==0.1, we can conclude that your requirements are unsatisfiable.\nhint: Wheels are required for `apex` because building from source is disabled for all packages (i.e., with `--no-build`)\n",
    );
    expect(needsBuild).toMatchObject({
      outcome: "not-assessed",
      offline: false,
      needsBuild: { name: "apex", version: "0.1" },
    });
    const unreadable = readResolverAnswer(
      2,
      "",
      "error: Couldn't parse requirement in `-` at position 11\n  cause: Expected a quoted string or a valid marker name, found `weird_marker`\n         foo; weird_marker == 'x'\n",
    );
    expect(unreadable).toMatchObject({ outcome: "not-assessed", offline: false, unreadableAt: 11 });
  });
});
