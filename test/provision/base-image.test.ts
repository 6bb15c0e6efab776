// The base image among those the user named with --base-image (pure): the one whose label states the spec's
// Python, a micromamba one for a conda spec, else the first named, saying whose Python stands in.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { detectSpec } from "../../src/provision/spec-plan.js";
import { chooseBase, fitPythonToBases } from "../../src/provision/base-image.js";
import type { NamedBase } from "../../src/provision/local-bases.js";

async function plan(files: Record<string, string>) {
  const view = memoryView(files);
  return detectSpec(await extractFacts(view, STATIC_EXTRACTORS, { branches: null }), view);
}

const PY311: NamedBase = { image: "local/py:3.11", python: "3.11", micromamba: false };
const PY39: NamedBase = { image: "local/py:3.9", python: "3.9", micromamba: false };
const MAMBA: NamedBase = { image: "local/mamba:1", python: null, micromamba: true };

describe("chooseBase among named bases", () => {
  it("takes the named image whose Python the spec states, wherever it is named", async () => {
    const p = await plan({ ".python-version": "3.9.7\n", "requirements.txt": "six==1.16.0\n" });
    expect(chooseBase(p, [PY311, PY39])).toEqual({
      image: "local/py:3.9",
      reason: "--base-image with Python 3.9 (.python-version:1 (3.9.7))",
      flavor: "python",
      python: "3.9",
    });
  });

  it("falls back to another named base, saying its Python stands in for the stated one", async () => {
    const p = await plan({ ".python-version": "3.8\n", "requirements.txt": "six==1.16.0\n" });
    expect(chooseBase(p, [PY311])).toEqual({
      image: "local/py:3.11",
      reason:
        "--base-image: its Python 3.11 in place of 3.8 (.python-version:1 (3.8)); no image named with --base-image has 3.8",
      flavor: "python",
      python: "3.11",
    });
  });

  it("with no base of the stated Python, takes the labelled one nearest to it (3.7 and 3.8 go to 3.9, not 3.11)", async () => {
    const p37 = await plan({ ".python-version": "3.7\n", "requirements.txt": "six==1.16.0\n" });
    expect(chooseBase(p37, [PY311, PY39])).toMatchObject({ image: "local/py:3.9", python: "3.9" });
    expect(chooseBase(p37, [PY311, PY39]).reason).toMatch(/^--base-image: its Python 3\.9 in place of 3\.7 /);
    // Between two equally near, the newer: a spec of 3.10 is likelier to install on 3.11 than on 3.9.
    const p310 = await plan({ ".python-version": "3.10\n", "requirements.txt": "six==1.16.0\n" });
    expect(chooseBase(p310, [PY39, PY311])).toMatchObject({ image: "local/py:3.11", python: "3.11" });
  });

  it("a stated range that allows a named base's Python builds on it, the lowest such, as no substitution", async () => {
    const p = await plan({
      "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.10,<3.13"\ndependencies = ["six==1.16.0"]\n',
    });
    expect(p.python.version).toBe("3.10");
    const fitted = fitPythonToBases(p, [PY39, PY311]);
    expect(fitted.python).toEqual({
      version: "3.11",
      source: "pyproject.toml:3 (>=3.10,<3.13), the Python of a named base image it allows",
    });
    expect(chooseBase(fitted, [PY39, PY311])).toMatchObject({ image: "local/py:3.11", python: "3.11" });
    // An exact statement is kept as stated: a base of another Python stands in for it, and says so.
    const exact = await plan({ ".python-version": "3.10\n", "requirements.txt": "six==1.16.0\n" });
    expect(fitPythonToBases(exact, [PY39, PY311])).toBe(exact);
  });

  it("an image named without a label is used as it is, as one named base always was", async () => {
    const p = await plan({ "requirements.txt": "six==1.16.0\n" });
    expect(chooseBase(p, "my/base:1")).toEqual({ image: "my/base:1", reason: "--base-image", flavor: "python" });
  });

  it("a conda spec takes a named micromamba image, and a pip base (installed with pip) when none is", async () => {
    const p = await plan({ "environment.yml": "dependencies:\n  - python=3.9\n  - numpy=1.19\n" });
    expect(chooseBase(p, [PY311, MAMBA, PY39])).toMatchObject({ image: "local/mamba:1", flavor: "micromamba" });
    expect(chooseBase(p, [PY311, PY39])).toMatchObject({ image: "local/py:3.9", flavor: "python", python: "3.9" });
  });
});
