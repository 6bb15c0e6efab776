// Pure parts of the build stage: spec detection order, Python and CUDA choice, the Dockerfile text.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { walkRepo } from "../../src/extract/view/walk.js";
import { detectSpec, withChosenPython, withLock } from "../../src/provision/spec-plan.js";
import { writeDockerfile, pipSpec, unwritableSpecPaths } from "../../src/provision/dockerfile.js";
import { readDockerfile } from "../../src/provision/dockerfile-policy.js";
import { chooseBase } from "../../src/provision/base-image.js";
import { resolvePython } from "../../src/provision/python-version.js";
import { SAMPLES } from "./support.js";

async function plan(files: Record<string, string>) {
  const view = memoryView(files);
  const facts = await extractFacts(view, STATIC_EXTRACTORS, { branches: null });
  return detectSpec(facts, view);
}

describe("detectSpec", () => {
  it("follows the documented order: Dockerfile, conda, Pipfile, pyproject, requirements, setup", async () => {
    const all = {
      Dockerfile: "FROM python:3.10-slim\n",
      "environment.yml": "dependencies:\n  - numpy=1.26.4\n",
      Pipfile: '[packages]\nsix = "==1.16.0"\n',
      "pyproject.toml": '[project]\nname = "x"\ndependencies = ["six==1.16.0"]\n',
      "requirements.txt": "six==1.16.0\n",
      "setup.py": 'setup(install_requires=["six"])\n',
    };
    const order: string[] = [];
    const files: Record<string, string> = { ...all };
    for (const name of Object.keys(all)) {
      const p = await plan(files);
      order.push(`${p.format}:${p.primary}`);
      delete files[name];
    }
    expect(order).toEqual([
      "dockerfile:Dockerfile",
      "conda:environment.yml",
      "pipfile:Pipfile",
      "pyproject:pyproject.toml",
      "requirements:requirements.txt",
      "setup-py:setup.py",
    ]);
  });

  it("prefers the root requirements.txt over dev variants and deeper files, with its -r includes", async () => {
    const p = await plan({
      "requirements-dev.txt": "pytest\n",
      "requirements.txt": "-r requirements/base.txt\n",
      "requirements/base.txt": "six==1.16.0\n",
      "src/requirements.txt": "numpy\n",
    });
    expect(p.primary).toBe("requirements.txt");
    expect(p.specFiles).toEqual(["requirements.txt", "requirements/base.txt"]);
    expect(p.needsCode).toBe(false);
  });

  it("reconstructs from third-party imports when no spec exists and says so", async () => {
    const p = await plan({
      "train.py": "import numpy as np\nimport cv2\nimport os\nfrom sklearn import svm\nimport numpy\n",
    });
    expect(p.reconstructed).toBe(true);
    expect(p.kind).toBe("reconstructed");
    expect(p.packages).toEqual([
      { name: "numpy", spec: "" },
      { name: "opencv-python", spec: "" },
      { name: "scikit-learn", spec: "" },
    ]);
    expect(p.python).toEqual({ version: "3.11", source: "default" });
    expect(p.notes).toEqual(["no environment spec: packages reconstructed from the code's imports, unpinned"]);
  });

  it("picks Python from .python-version before pyproject, resolving ranges to their lowest", async () => {
    expect((await plan({ "pyproject.toml": '[project]\nname="x"\nrequires-python = ">=3.8,<3.11"\n' })).python).toEqual(
      {
        version: "3.8",
        source: "pyproject.toml:3 (>=3.8,<3.11)",
      },
    );
    expect(
      (
        await plan({
          ".python-version": "3.9.18\n",
          "pyproject.toml": '[project]\nname="x"\nrequires-python = ">=3.8"\n',
        })
      ).python,
    ).toEqual({
      version: "3.9",
      source: ".python-version:1 (3.9.18)",
    });
  });

  it("builds a pip freeze on the Python the repo states elsewhere: a setup script beside it, the README", async () => {
    const freeze = "numpy==1.13.3\nscipy==1.0.0\n";
    const setup = await plan({
      "requirements.txt": freeze,
      "setup.py": "from setuptools import setup\nsetup(name='x', python_requires='>=3.5')\n",
    });
    expect([setup.format, setup.python]).toEqual(["requirements", { version: "3.8", source: "setup.py:2 (>=3.5)" }]);
    const readme = await plan({ "requirements.txt": freeze, "README.md": "Tested with Python 3.6 on Ubuntu.\n" });
    expect(readme.python).toEqual({ version: "3.6", source: "README.md:1 (3.6)" });
  });

  it("a README's bare python 3 chooses no Python: the next statement or the default does", async () => {
    const freeze = "numpy==1.26.4\n";
    const bare = await plan({ "requirements.txt": freeze, "README.md": "Runs on python 3 with CUDA.\n" });
    expect(bare.python).toEqual({ version: "3.11", source: "default" });
    const next = await plan({
      "requirements.txt": freeze,
      "README.md": "Runs on python 3 with CUDA.\n",
      "setup.py": "from setuptools import setup\nsetup(name='x', python_requires='>=3.9')\n",
    });
    expect(next.python).toEqual({ version: "3.9", source: "setup.py:2 (>=3.9)" });
  });

  it("takes no Dockerfile from inside a vendored project (a folder with its own licence) as the solution's", async () => {
    const vendored = {
      "train.py": "import torch\n",
      LICENSE: "MIT License\n\nCopyright (c) 2021 Team\n",
      "external/Swin-Transformer/LICENSE": "MIT License\n\nCopyright (c) Microsoft Corporation.\n",
      "external/Swin-Transformer/Dockerfile": "FROM nvcr.io/nvidia/pytorch:20.12-py3\n",
      "external/Swin-Transformer/models/swin.py": "import torch\n",
    };
    const beside = await plan({ ...vendored, "requirements.txt": "torch==1.7.1\n" });
    expect([beside.format, beside.primary]).toEqual(["requirements", "requirements.txt"]);
    expect(beside.notes).toContain(
      "external/Swin-Transformer/Dockerfile is not the solution's spec: it lies inside a vendored project (external/Swin-Transformer has its own licence)",
    );
    const alone = await plan(vendored);
    expect([alone.format, alone.primary]).toEqual(["reconstructed", null]);
    // The solution's own Dockerfile in a sub-folder stays its spec.
    const own = await plan({ "train.py": "import torch\n", "docker/Dockerfile": "FROM python:3.10-slim\n" });
    expect([own.format, own.primary]).toEqual(["dockerfile", "docker/Dockerfile"]);
  });

  it("takes a setup.py that only builds a CUDA extension as no spec when another spec exists", async () => {
    const extension = [
      "from setuptools import setup",
      "from torch.utils.cpp_extension import BuildExtension, CUDAExtension",
      "setup(name='dcn', ext_modules=[CUDAExtension('models.dcn._ext', ['models/dcn/src/dcn.cu'])], cmdclass={'build_ext': BuildExtension})",
      "",
    ].join("\n");
    const cfg = "[metadata]\nname = solution\n\n[options]\ninstall_requires =\n    numpy==1.26.4\n";
    const beside = await plan({ "setup.py": extension, "setup.cfg": cfg, "train.py": "import numpy\n" });
    expect([beside.format, beside.primary]).toEqual(["setup-cfg", "setup.cfg"]);
    expect(beside.notes).toContain(
      "setup.py is not the solution's spec: it builds a CUDA or C++ extension and declares no dependencies",
    );
    // Alone it is the only spec there is; one that declares dependencies is a spec like any other.
    expect((await plan({ "setup.py": extension, "train.py": "import numpy\n" })).format).toBe("setup-py");
    const declared = extension.replace("setup(name='dcn',", "setup(name='dcn', install_requires=['numpy'],");
    expect((await plan({ "setup.py": declared, "setup.cfg": cfg, "train.py": "import numpy\n" })).format).toBe(
      "setup-py",
    );
  });

  it("needs CUDA from a +cu pin and picks the matching PyTorch image", async () => {
    const p = await plan({
      "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu118\ntorch==2.1.0+cu118\n",
    });
    expect(p.cuda).toEqual({
      needed: true,
      version: "11.8",
      source: "requirements.txt:1 (https://download.pytorch.org/whl/cu118)",
    });
    expect(p.torchVersion).toBe("2.1.0");
    expect(chooseBase(p).image).toBe("pytorch/pytorch:2.1.0-cuda11.8-cudnn8-runtime");
    const tf = await plan({ "requirements.txt": "tensorflow-gpu==2.10.0\n" });
    expect(chooseBase(tf).image).toBe("nvidia/cuda:12.1.1-cudnn8-runtime-ubuntu22.04");
    expect(writeDockerfile(tf)).toContain(
      "apt-get install -y --no-install-recommends python3 python3-pip python3-venv",
    );
  });

  it("gives a repo of bare notebooks Kaggle's image, with the system packages kept visible", async () => {
    const nb = JSON.stringify({
      cells: [{ cell_type: "code", source: ["import lightgbm\n"] }],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    });
    const p = await plan({ "solution.ipynb": nb });
    expect(chooseBase(p)).toMatchObject({ image: "gcr.io/kaggle-images/python", flavor: "conda-python" });
    expect(writeDockerfile(p)).toContain("RUN python -m venv --system-site-packages /home/app/venv");
  });
});

describe("writeDockerfile", () => {
  it("writes pinned requirements as a reusable, non-root, cache-free Dockerfile", async () => {
    const p = await plan({ "requirements.txt": "six==1.16.0\n", ".python-version": "3.10\n" });
    expect(writeDockerfile(p)).toBe(
      [
        "# Environment for this solution, written by repro-audit from requirements.txt.",
        "# Base: python:3.10-slim (Python 3.10 (.python-version:1 (3.10))).",
        "# Build it from the repository's root folder:  docker build -f Dockerfile -t my-solution <repo>",
        "FROM python:3.10-slim",
        "",
        "ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1",
        "",
        "# Everything below runs as an unprivileged user, installing into a virtual environment it owns.",
        "RUN useradd --create-home --uid 1000 --shell /bin/sh app || useradd --create-home --shell /bin/sh app",
        "USER app",
        "RUN python -m venv /home/app/venv && mkdir -p /home/app/solution",
        "ENV VIRTUAL_ENV=/home/app/venv PATH=/home/app/venv/bin:$PATH",
        "WORKDIR /home/app/solution",
        "",
        "# Spec files first: a change to the code alone reuses the installed layer.",
        'COPY --chown=app:app ["requirements.txt", "requirements.txt"]',
        "RUN pip install --no-cache-dir -r requirements.txt",
        "",
        "COPY --chown=app:app . .",
        "",
      ].join("\n"),
    );
    expect(writeDockerfile(p, { baseImage: "my/base:1" })).toContain("FROM my/base:1\n");
  });

  it("writes repo paths so none starts a line: comments escaped, COPY in JSON form, RUN quoted; control characters named for refusal", async () => {
    const hostile = "sub\nFROM evil/image\nADD http://169.254.169.254/x /x\n#/requirements $HOME 'q'.txt";
    const p = await plan({ [hostile]: "six==1.16.0\n" });
    const text = writeDockerfile(p, { baseImage: "my/base:1" });
    const reading = readDockerfile(text);
    expect(reading.instructions.map((i) => i.keyword)).toEqual([
      "FROM",
      "ENV",
      "RUN",
      "USER",
      "RUN",
      "ENV",
      "WORKDIR",
      "COPY",
      "RUN",
      "COPY",
    ]);
    expect(reading.images).toEqual([{ image: "my/base:1", line: 4 }]);
    expect(reading.refusals).toEqual([]);
    expect(text).toContain(
      "written by repro-audit from sub\\x0aFROM evil/image\\x0aADD http://169.254.169.254/x /x\\x0a#/requirements $HOME 'q'.txt.",
    );
    expect(text).toContain(
      `RUN pip install --no-cache-dir -r 'sub\\x0aFROM evil/image\\x0aADD http://169.254.169.254/x /x\\x0a#/requirements $HOME '\\''q'\\''.txt'`,
    );
    expect(unwritableSpecPaths(p)).toEqual([
      `the spec file ${JSON.stringify(hostile.replace(/\n/g, "\\x0a"))} has control characters in its name, which the audit does not write into a Dockerfile (rename it)`,
    ]);
    // A declared dependency holding a newline (a TOML escape) stays inside its quoted pip argument.
    const toml = await plan({
      "pyproject.toml": '[project]\nname = "x"\ndependencies = ["six ; python_version > \'3\'\\nRUN echo pwned"]\n',
    });
    expect(
      readDockerfile(writeDockerfile(toml, { baseImage: "my/base:1" })).instructions.map((i) => i.keyword),
    ).toEqual(["FROM", "ENV", "RUN", "USER", "RUN", "ENV", "WORKDIR", "RUN", "COPY"]);
  });

  it("installs the lock of its own spec on the lock's Python: each wheel URL when it answers, else its index version", async () => {
    const whl = "https://download.pytorch.org/whl/cu113/torch-1.10.0%2Bcu113-cp39-cp39-linux_x86_64.whl";
    const p = await plan({
      "pyproject.toml": `[tool.poetry.dependencies]\npython = "^3.9"\ntorch = { url = "${whl}" }\ntimm = "*"\n`,
    });
    const lock = {
      specFile: "pyproject.toml",
      python: { version: "3.10", source: "README.md:3 (3.10)" },
      asOf: "2021-11-01T00:00:00.000Z",
      pins: [
        { name: "timm", version: "0.4.12" },
        { name: "torch", version: "1.10.0" },
      ],
      wheels: [{ name: "torch", url: whl, version: "1.10.0" }],
    };
    const locked = withLock(p, lock);
    expect(locked.python).toEqual({ version: "3.10", source: "README.md:3 (3.10)" });
    const text = writeDockerfile(locked, { baseImage: "my/base:1" });
    const install = text.slice(text.indexOf("# The lock of"), text.lastIndexOf("COPY"));
    expect(install.split("\n")).toEqual([
      "# The lock of pyproject.toml: every pin the resolver chose for Python 3.10, from releases before 2021-11-01T00:00:00.000Z (repro-audit lock).",
      "# torch: the spec's wheel URL when it answers, else torch==1.10.0 from the index (the build log says so).",
      `RUN if python -c 'import sys, urllib.request as u; u.urlopen(u.Request(sys.argv[1], method="HEAD"), timeout=60)' '${whl}' 2>/dev/null; \\`,
      `    then echo 'torch @ ${whl}' >> /home/app/.repro-audit-wheels.txt; \\`,
      `    else echo 'repro-audit: wheel URL did not answer: ${whl} -> torch==1.10.0' && echo 'torch==1.10.0' >> /home/app/.repro-audit-wheels.txt; fi`,
      "RUN pip install --no-cache-dir \\",
      "    -r /home/app/.repro-audit-wheels.txt \\",
      '    "timm==0.4.12"',
      "",
      "",
    ]);
    // A lock of another file, or a spec that installs the code itself, leaves the plan as it was.
    expect(withLock(p, { ...lock, specFile: "requirements.txt" })).toBe(p);
    const editable = await plan({ "requirements.txt": "-e .\nsix\n", "setup.py": "setup(name='x')\n" });
    expect(withLock(editable, { ...lock, specFile: "requirements.txt" })).toBe(editable);
  });

  it("builds a spec that states no Python, and has no lock, on the Python the audit chose from its pins, not the default", async () => {
    const unstated = await plan({ "requirements.txt": "numpy==1.19.5\n", "train.py": "import numpy\n" });
    expect(unstated.python).toEqual({ version: "3.11", source: "default" });
    expect(unstated.pythonStated).toBe(false);
    const chosen = withChosenPython(unstated, {
      version: "3.7",
      source: "the Python the resolver found it installs on",
    });
    expect(chosen.python).toEqual({
      version: "3.7",
      source: "the Python the resolver found it installs on (the repo states none)",
    });
    expect(chosen.pythonStated).toBe(false);
    expect(writeDockerfile(chosen)).toContain("FROM python:3.7-slim\n");
    // A stated Python, or a lock's, is never replaced.
    const stated = await plan({ "requirements.txt": "numpy==1.19.5\n", ".python-version": "3.8\n" });
    expect(stated.pythonStated).toBe(true);
    expect(withChosenPython(stated, { version: "3.7", source: "x" })).toBe(stated);
    const lock = {
      specFile: "requirements.txt",
      python: { version: "3.9", source: "y" },
      asOf: null,
      pins: [],
      wheels: [],
    };
    const locked = withLock(unstated, lock);
    expect(withChosenPython(locked, { version: "3.7", source: "x" })).toBe(locked);
  });

  it("with no spec file, builds on the README version list's Python and pins what the imports need by its versions", async () => {
    const p = await plan({
      "README.md": "# Solution\n\nWe used Python 3.6, torch 0.4.1, pandas, cuDNN 7.\n",
      "train.py": "import torch\nimport pandas\nimport numpy\n",
    });
    expect(p.reconstructed).toBe(true);
    expect(p.python).toEqual({ version: "3.6", source: "README.md:3 (3.6)" });
    expect(p.packages).toEqual([
      { name: "torch", spec: "==0.4.1" },
      { name: "pandas", spec: "" },
      { name: "numpy", spec: "" },
    ]);
    expect(p.notes).toEqual([
      "no environment spec file: packages reconstructed from the code's imports, pinned where the version list of README.md gives a version",
    ]);
  });

  it("with no spec file, keeps the README version list's minimum as a lower bound, not a pin", async () => {
    const p = await plan({
      "README.md": "# Solution\n\nRequirements: Python 3.8, torch 1.4 or later, pandas 1.0.3.\n",
      "train.py": "import torch\nimport pandas\n",
    });
    expect(p.packages).toEqual([
      { name: "torch", spec: ">=1.4" },
      { name: "pandas", spec: "==1.0.3" },
    ]);
  });

  it("honours URL-pinned cp39 wheels: their versions are pins, their tag a Python, the lowest a caret allows", async () => {
    const whl = (name: string, version: string) =>
      `https://download.pytorch.org/whl/cu113/${name}-${version}%2Bcu113-cp39-cp39-linux_x86_64.whl`;
    const p = await plan({
      "pyproject.toml": [
        "[tool.poetry.dependencies]",
        'python = "^3.9"',
        `torch = { url = "${whl("torch", "1.10.0")}" }`,
        "torchvision = [",
        `  { url = "${whl("torchvision", "0.11.1")}", markers = "sys_platform == 'linux'" },`,
        `  { url = "https://download.pytorch.org/whl/cpu/torchvision-0.11.1-cp39-none-macosx_10_9_x86_64.whl", markers = "sys_platform == 'darwin'" },`,
        "]",
        'timm = "0.4.12"',
        "",
      ].join("\n"),
    });
    expect(p.python).toEqual({ version: "3.9", source: "pyproject.toml:2 (^3.9), the cp39 wheels it pins" });
    expect(p.packages).toEqual([
      { name: "torch", spec: whl("torch", "1.10.0") },
      { name: "torchvision", spec: whl("torchvision", "0.11.1"), marker: "sys_platform == 'linux'" },
      { name: "timm", spec: "0.4.12" },
    ]);
    expect(p.torchVersion).toBe("1.10.0");
    expect(writeDockerfile(p)).toContain(`"torch @ ${whl("torch", "1.10.0")}"`);
  });

  it("chooses the lowest Python a range allows over the newest", async () => {
    expect(
      (await plan({ "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.9"\nnumpy = "1.21.0"\n' })).python,
    ).toEqual({
      version: "3.9",
      source: "pyproject.toml:2 (^3.9)",
    });
  });

  it("installs Poetry dependencies translated to pip's specs", async () => {
    const p = await plan({
      "pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.10"\nlightgbm = "4.3.0"\nxgboost = "^2.0"\n',
    });
    const text = writeDockerfile(p);
    expect(text).toContain(
      'RUN pip install --no-cache-dir \\\n    "lightgbm==4.3.0" \\\n    "xgboost>=2.0.0,<3.0.0"\n',
    );
    expect(pipSpec("~1.2")).toBe(">=1.2.0,<1.3.0");
    expect(pipSpec("^0.4.1")).toBe(">=0.4.1,<0.5.0");
    // A version of four parts, as opencv-python's, keeps them all in its lower bound.
    expect(pipSpec("^4.6.0.66")).toBe(">=4.6.0.66,<5.0.0");
    expect(pipSpec("~4.6.0.66")).toBe(">=4.6.0.66,<4.7.0");
    // A post, pre or dev release keeps its suffix in the lower bound (a Poetry `^1.4.1.post1` pip refused as written).
    expect(pipSpec("^1.4.1.post1")).toBe(">=1.4.1.post1,<2.0.0");
    expect(pipSpec("~2.0.0rc1")).toBe(">=2.0.0rc1,<2.1.0");
  });

  it("builds conda specs with micromamba (env-conda sample: detection and text only, no registry here)", async () => {
    const root = `${SAMPLES}env-conda/repo`;
    const view = await walkRepo(root);
    const p = detectSpec(await extractFacts(view, STATIC_EXTRACTORS, { branches: null }), view);
    expect(p).toMatchObject({
      kind: "conda",
      format: "conda",
      primary: "environment.yml",
      specFiles: ["environment.yml"],
    });
    expect(p.python).toEqual({ version: "3.12", source: "environment.yml:5 (3.12)" });
    expect(writeDockerfile(p).split("\n").slice(3)).toEqual([
      "FROM mambaorg/micromamba:1.5.10",
      "",
      "# micromamba's image runs as the unprivileged $MAMBA_USER; the conda spec installs into its base env.",
      'COPY --chown=$MAMBA_USER:$MAMBA_USER ["environment.yml", "/tmp/environment.yml"]',
      "RUN micromamba install --yes --name base --file /tmp/environment.yml \\",
      "    && micromamba clean --all --yes",
      "ARG MAMBA_DOCKERFILE_ACTIVATE=1",
      "",
      "RUN mkdir -p /home/mambauser/solution",
      "WORKDIR /home/mambauser/solution",
      "COPY --chown=$MAMBA_USER:$MAMBA_USER . .",
      "",
    ]);
  });
});

describe("resolvePython", () => {
  it.each([
    ["3.10.12", "3.10"],
    [">=3.9", "3.11"],
    [">=3.8,<3.11", "3.10"],
    ["^3.12", "3.12"],
    ["~3.9", "3.9"],
    ["~=3.10", "3.11"],
    ["<3.9", "3.8"],
    ["3.11.*", "3.11"],
    ["python-3.9.18", "3.9"],
    ["banana", null],
  ])("%s -> %s", (stated, want) => {
    expect(resolvePython(stated)).toBe(want);
  });
});
