// With no --base-image, a chosen base the engine lacks gives way to the engine's labelled local bases (pure): the
// one with the spec's Python, else the nearest, saying which stood in for which image and why.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { detectSpec } from "../../src/provision/spec-plan.js";
import { chooseBase } from "../../src/provision/base-image.js";
import { fallBackToLocalBase } from "../../src/provision/local-base-fallback.js";
import type { NamedBase } from "../../src/provision/local-bases.js";

async function plan(files: Record<string, string>) {
  const view = memoryView(files);
  return detectSpec(await extractFacts(view, STATIC_EXTRACTORS, { branches: null }), view);
}

const PY311: NamedBase = { image: "local/py:3.11", python: "3.11", micromamba: false };
const PY39: NamedBase = { image: "local/py:3.9", python: "3.9", micromamba: false };
const UNREADABLE: NamedBase = { image: "local/odd:1", python: null, micromamba: false };

describe("fallBackToLocalBase", () => {
  it("a chosen base the engine lacks: the local base with the spec's Python, said in the reason and a note", async () => {
    const p = await plan({ ".python-version": "3.9.7\n", "requirements.txt": "six==1.16.0\n" });
    const chosen = chooseBase(p);
    expect(chosen.image).toBe("python:3.9-slim");
    const fallback = fallBackToLocalBase(p, chosen, false, [PY311, PY39]);
    expect(fallback?.base).toEqual({
      image: "local/py:3.9",
      reason: "local base image with Python 3.9 (.python-version:1 (3.9.7)); python:3.9-slim is not on the engine",
      flavor: "python",
      python: "3.9",
    });
    expect(fallback?.plan).toBe(p);
    expect(fallback?.note).toBe(
      "Build: python:3.9-slim is not on the engine and no --base-image was named: built on the local base image local/py:3.9 (labelled Python 3.9) in its place.",
    );
  });

  it("none has the spec's Python: the nearest, its reason saying whose Python stands in", async () => {
    const p = await plan({ ".python-version": "3.8\n", "requirements.txt": "six==1.16.0\n" });
    const fallback = fallBackToLocalBase(p, chooseBase(p), false, [PY311, PY39]);
    expect(fallback?.base).toEqual({
      image: "local/py:3.9",
      reason:
        "local base image: its Python 3.9 in place of 3.8 (.python-version:1 (3.8)); no local base image labelled org.repro-audit.python has 3.8; python:3.8-slim is not on the engine",
      flavor: "python",
      python: "3.9",
    });
    expect(fallback?.origin.none).toBe("no local base image labelled org.repro-audit.python");
  });

  it("a stated range that allows a local base's Python is fitted to it, as to a named one", async () => {
    const p = await plan({
      "pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.10,<3.13"\ndependencies = ["six==1.16.0"]\n',
    });
    const fallback = fallBackToLocalBase(p, chooseBase(p), false, [PY39, PY311]);
    expect(fallback?.plan.python).toEqual({
      version: "3.11",
      source: "pyproject.toml:3 (>=3.10,<3.13), the Python of a local base image it allows",
    });
    expect(fallback?.base).toMatchObject({ image: "local/py:3.11", python: "3.11" });
  });

  it("a CUDA or conda base the engine lacks gives way too, as --base-image overrides them", async () => {
    const conda = await plan({ "environment.yml": "dependencies:\n  - python=3.9\n  - numpy=1.19\n" });
    const chosen = chooseBase(conda);
    expect(chosen.flavor).toBe("micromamba");
    expect(fallBackToLocalBase(conda, chosen, false, [PY311, PY39])?.base).toMatchObject({
      image: "local/py:3.9",
      flavor: "python",
    });
  });

  it("nothing changes when the chosen base is on the engine, when no labelled local base exists, or for the repo's own Dockerfile", async () => {
    const p = await plan({ ".python-version": "3.9\n", "requirements.txt": "six==1.16.0\n" });
    expect(fallBackToLocalBase(p, chooseBase(p), true, [PY39])).toBeNull();
    expect(fallBackToLocalBase(p, chooseBase(p), false, [])).toBeNull();
    expect(fallBackToLocalBase(p, chooseBase(p), false, [UNREADABLE])).toBeNull();
    const own = await plan({ Dockerfile: "FROM python:3.10-slim\n", "train.py": "import os\n" });
    expect(chooseBase(own).flavor).toBe("own");
    expect(fallBackToLocalBase(own, chooseBase(own), false, [PY39])).toBeNull();
  });
});
