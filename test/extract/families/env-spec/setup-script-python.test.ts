// A set-up script's Python belongs to the spec it installs, not to the repo's other specs.
import { describe, expect, it } from "vitest";
import {
  createdPython,
  installedSpec,
  setupScriptPythons,
} from "../../../../src/extract/families/env-spec/setup-script-python.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { specsToResolve } from "../../../../src/resolve/resolver-input.js";

describe("setupScriptPythons", () => {
  it("reads the Python an environment is made with and the spec installed into it", () => {
    expect(createdPython("uv venv -p python3.12")).toBe("3.12");
    expect(createdPython("uv venv --python 3.10 .venv")).toBe("3.10");
    expect(createdPython("conda create -n sol python=3.9 -y")).toBe("3.9");
    expect(createdPython("python3.11 -m venv .venv")).toBe("3.11");
    expect(createdPython("uv venv")).toBeNull();
    expect(installedSpec("uv pip sync requirements.txt")).toBe("requirements.txt");
    expect(installedSpec("pip install -r env/requirements.txt")).toBe("env/requirements.txt");
    expect(installedSpec("uv pip install -U vllm")).toBeNull();
  });

  it("ties the statement to the spec, beside the script or from the root", () => {
    const has = (p: string) => p === "envB/requirements.txt";
    expect(setupScriptPythons("envB/setup.sh", "uv venv -p python3.12\nuv pip sync requirements.txt\n", has)).toEqual([
      {
        kind: "python-version",
        file: "envB/setup.sh",
        line: 1,
        value: "3.12",
        forSpec: "envB/requirements.txt",
        source: "envB/setup.sh:1, the set-up script that installs envB/requirements.txt",
      },
    ]);
    expect(setupScriptPythons("envB/setup.sh", "uv pip sync requirements.txt\n", has)).toEqual([]);
  });

  it("each spec is resolved for its own script's Python, not the README's", async () => {
    const view = memoryView({
      "README.md": "# Solution\n\nWe use Python 3.10 and 3.12.\n",
      "envA/setup.sh": "uv venv -p python3.10\nsource .venv/bin/activate\nuv pip sync requirements.txt\n",
      "envA/requirements.txt": "alpha==1.0\n",
      "envB/setup.sh": "uv venv -p python3.12\nsource .venv/bin/activate\nuv pip sync requirements.txt\n",
      "envB/requirements.txt": "beta==1.0\n",
      "other/requirements.txt": "gamma==1.0\n",
    });
    const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
    const python = Object.fromEntries(specsToResolve(facts, view).map((s) => [s.file, s.python.version]));
    expect(python).toEqual({
      "envA/requirements.txt": "3.10",
      "envB/requirements.txt": "3.12",
      "other/requirements.txt": "3.10",
    });
  });
});
