// env-spec extractor: each spec format's records, exactly, read from an in-memory repo.
import { describe, expect, it } from "vitest";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { extractor } from "../../../../src/extract/families/env-spec/index.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { emptyFacts } from "../../../../src/model/facts.js";

/** The records of one format, without what depends on the code and the day (`imported`, asserted below;
 * `endOfLife`, in test/extract/families/env-spec/python-eol.test.ts) and the words an unpinned record carries
 * (`unpinned`, asserted in its own test below). */
async function extract(files: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  return formatOnly(await extractor.extract({ view: memoryView(files), facts: emptyFacts(), branches: null }));
}

function formatOnly(records: ReadonlyArray<Record<string, unknown>>): Array<Record<string, unknown>> {
  return records.map(({ imported: _imported, endOfLife: _endOfLife, unpinned: _unpinned, ...record }) => record);
}

describe("env-spec", () => {
  it("says in words why a record is unpinned: a range, or a git URL with no commit or tag", async () => {
    const records = await extractor.extract({
      view: memoryView({ "requirements.txt": "pandas>=2.2\nlib @ git+https://github.com/o/lib\nnumpy==1.26.4\n" }),
      facts: emptyFacts(),
      branches: null,
    });
    expect(records.filter((r) => r.kind === "package").map((r) => [r.name, r.unpinned ?? null])).toEqual([
      ["pandas", "is not pinned to an exact version (version: >=2.2)"],
      ["lib", "is installed from git without a commit or tag (git+https://github.com/o/lib)"],
      ["numpy", null],
    ]);
  });

  it("reads requirements with pins, extras, markers, hashes, index URLs and CUDA local versions", async () => {
    const records = await extract({
      "requirements.txt": [
        "# deps",
        "--extra-index-url https://download.pytorch.org/whl/cu118",
        "NumPy==1.26.4 --hash=sha256:abc",
        "scikit_learn>=1.3",
        "torch==2.1.0+cu118",
        "uvicorn[standard]==0.30.0 ; python_version >= '3.9'",
        "pandas \\",
        "  ==2.2.2",
        "-e .",
        "tqdm==4.*",
      ].join("\n"),
    });
    expect(records).toEqual([
      { kind: "spec-file", file: "requirements.txt", format: "requirements", obvious: true, installMoot: true },
      { kind: "index-url", file: "requirements.txt", line: 2, url: "https://download.pytorch.org/whl/cu118" },
      {
        kind: "cuda",
        file: "requirements.txt",
        line: 2,
        value: "11.8",
        source: "https://download.pytorch.org/whl/cu118",
      },
      { kind: "package", file: "requirements.txt", line: 3, name: "numpy", spec: "==1.26.4", pinned: true },
      { kind: "package", file: "requirements.txt", line: 4, name: "scikit-learn", spec: ">=1.3", pinned: false },
      {
        kind: "package",
        file: "requirements.txt",
        line: 5,
        name: "torch",
        spec: "==2.1.0+cu118",
        pinned: true,
        pytorchIndexed: true,
      },
      { kind: "cuda", file: "requirements.txt", line: 5, value: "11.8", source: "torch==2.1.0+cu118" },
      {
        kind: "package",
        file: "requirements.txt",
        line: 6,
        name: "uvicorn",
        spec: "==0.30.0",
        pinned: true,
        extras: "standard",
        marker: "python_version >= '3.9'",
      },
      { kind: "package", file: "requirements.txt", line: 7, name: "pandas", spec: "==2.2.2", pinned: true },
      { kind: "package", file: "requirements.txt", line: 10, name: "tqdm", spec: "==4.*", pinned: false },
    ]);
  });

  it("follows -r includes inside the repo, never out of it, and reads requirements/ folders", async () => {
    const records = await extract({
      "requirements/dev.txt": "-r base.txt\n-r ../../outside.txt\npytest\n",
      "requirements/base.txt": "six==1.16.0\n",
      "src/requirements-gpu.txt": "-c ../constraints.in\njax[cuda12]==0.4.30\n",
      "constraints.in": "jaxlib==0.4.30\n",
    });
    expect(records.filter((r) => r.kind === "spec-file").map((r) => r.file)).toEqual([
      "requirements/base.txt",
      "requirements/dev.txt",
      "src/requirements-gpu.txt",
      "constraints.in",
    ]);
    expect(records.filter((r) => r.kind === "package").map((r) => `${r.file}:${r.line} ${r.name}${r.spec}`)).toEqual([
      "requirements/base.txt:1 six==1.16.0",
      "requirements/dev.txt:3 pytest",
      "src/requirements-gpu.txt:2 jax==0.4.30",
      "constraints.in:1 jaxlib==0.4.30",
    ]);
    expect(records.find((r) => r.kind === "cuda")).toEqual({
      kind: "cuda",
      file: "src/requirements-gpu.txt",
      line: 2,
      value: "12",
      source: "jax[cuda12]",
    });
  });

  it("reads a conda environment with python, pins, a pip section and the CUDA toolkit", async () => {
    const records = await extract({
      "environment.yml": [
        "name: comp",
        "channels: [pytorch, conda-forge]",
        "dependencies:",
        "  - python=3.10",
        "  - numpy=1.26.4",
        "  - pandas=2.2",
        "  - pytorch-cuda=11.8",
        "  - pip",
        "  - pip:",
        "    - timm==0.9.16",
      ].join("\n"),
    });
    expect(records).toEqual([
      { kind: "spec-file", file: "environment.yml", format: "conda", obvious: true, installMoot: true },
      { kind: "python-version", file: "environment.yml", line: 4, value: "3.10" },
      { kind: "package", file: "environment.yml", line: 5, name: "numpy", spec: "=1.26.4", pinned: true },
      { kind: "package", file: "environment.yml", line: 6, name: "pandas", spec: "=2.2", pinned: false },
      { kind: "package", file: "environment.yml", line: 7, name: "pytorch-cuda", spec: "=11.8", pinned: false },
      { kind: "cuda", file: "environment.yml", line: 7, value: "11.8", source: "pytorch-cuda=11.8" },
      { kind: "package", file: "environment.yml", line: 10, name: "timm", spec: "==0.9.16", pinned: true },
    ]);
  });

  it("reads the Python of a conda export's `python=3.9.18=<build>` line, without its build string", async () => {
    const records = await extract({
      "environment.yaml": "name: rna\ndependencies:\n  - python=3.9.18=h955ad1f_0\n  - numpy=1.26.4=py39h5f9d8c6_0\n",
      "env-range.yml": "name: b\ndependencies:\n  - python>=3.8\n",
    });
    expect(records.filter((r) => r.kind === "python-version").map((r) => [r.file, r.value])).toEqual([
      ["env-range.yml", ">=3.8"],
      ["environment.yaml", "3.9.18"],
    ]);
  });

  it("marks a spec off the install route when install commands name other specs and never it", async () => {
    const files = {
      "README.md": "```\npip install -r requirements.txt\n```\n",
      "requirements.txt": "-r requirements/base.txt\ntorch==2.1.0\n",
      "requirements/base.txt": "numpy==1.26.4\n",
      "environment.yaml": "name: rna\ndependencies:\n  - python=3.9\n  - numpy=1.26.4\n",
      "docker/requirements.txt": "pandas==2.2.2\n",
      "docker/Dockerfile": "FROM python:3.10\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n",
    };
    const view = memoryView(files);
    const facts = await extractFacts(
      view,
      STATIC_EXTRACTORS.filter((e) => e.id === "readme"),
      { branches: null },
    );
    const records = await extractor.extract({ view, facts, branches: null });
    expect(records.filter((r) => r.kind === "spec-file").map((r) => [r.file, r.offRoute ?? null])).toEqual([
      ["docker/Dockerfile", null],
      ["environment.yaml", "requirements.txt"],
      ["docker/requirements.txt", null],
      ["requirements.txt", null],
      ["requirements/base.txt", null],
    ]);
    // With no install command naming a spec, none is off the route.
    const unnamed = memoryView({ ...files, "README.md": "# Sol\n" });
    const plain = await extractor.extract({ view: unnamed, facts: emptyFacts(), branches: null });
    expect(plain.filter((r) => r.kind === "spec-file" && r.offRoute !== undefined)).toEqual([]);
  });

  it("reads Pipfile, Pipfile.lock, PEP 621 and Poetry pyproject, setup.py and setup.cfg", async () => {
    const records = await extract({
      Pipfile: '[packages]\nrequests = "==2.32.3"\nflask = "*"\n\n[requires]\npython_version = "3.9"\n',
      "Pipfile.lock": JSON.stringify(
        { _meta: { requires: { python_version: "3.9" } }, default: { requests: { version: "==2.32.3" } } },
        null,
        2,
      ),
      "a/pyproject.toml": '[project]\nname = "x"\nrequires-python = ">=3.10"\ndependencies = [\n  "polars>=0.20",\n]\n',
      "b/pyproject.toml": '[tool.poetry.dependencies]\npython = "^3.11"\nlightgbm = "4.3.0"\nxgboost = "^2.0"\n',
      "c/pyproject.toml": "[tool.black]\nline-length = 100\n",
      "setup.py": 'setup(\n  python_requires=">=3.8",\n  install_requires=[\n    "catboost==1.2.5",\n  ],\n)\n',
      "setup.cfg": "[flake8]\nmax-line-length = 100\n",
      "d/setup.cfg": "[options]\ninstall_requires =\n    optuna>=3\n",
    });
    expect(records.filter((r) => r.kind !== "spec-file" && r.kind !== "python-code")).toEqual([
      { kind: "python-version", file: "Pipfile", line: 6, value: "3.9" },
      { kind: "package", file: "Pipfile", line: 2, name: "requests", spec: "==2.32.3", pinned: true },
      { kind: "package", file: "Pipfile", line: 3, name: "flask", spec: "", pinned: false },
      { kind: "python-version", file: "Pipfile.lock", line: 4, value: "3.9" },
      { kind: "package", file: "Pipfile.lock", line: 8, name: "requests", spec: "==2.32.3", pinned: true },
      { kind: "python-version", file: "a/pyproject.toml", line: 3, value: ">=3.10" },
      { kind: "package", file: "a/pyproject.toml", line: 5, name: "polars", spec: ">=0.20", pinned: false },
      { kind: "python-version", file: "b/pyproject.toml", line: 2, value: "^3.11" },
      { kind: "package", file: "b/pyproject.toml", line: 3, name: "lightgbm", spec: "4.3.0", pinned: true },
      { kind: "package", file: "b/pyproject.toml", line: 4, name: "xgboost", spec: "^2.0", pinned: false },
      { kind: "package", file: "d/setup.cfg", line: 3, name: "optuna", spec: ">=3", pinned: false },
      { kind: "python-version", file: "setup.py", line: 2, value: ">=3.8" },
      { kind: "package", file: "setup.py", line: 4, name: "catboost", spec: "==1.2.5", pinned: true },
    ]);
    expect(records.filter((r) => r.kind === "spec-file").map((r) => `${r.file}:${r.format}`)).toEqual([
      "Pipfile:pipfile",
      "Pipfile.lock:pipfile-lock",
      "a/pyproject.toml:pyproject",
      "b/pyproject.toml:poetry",
      "d/setup.cfg:setup-cfg",
      "setup.py:setup-py",
    ]);
  });

  it("reads a Poetry wheel URL as a pinned package, the Linux one of several", async () => {
    const whl = "https://download.pytorch.org/whl/cu113/torch-1.10.0%2Bcu113-cp39-cp39-linux_x86_64.whl";
    const records = await extract({
      "pyproject.toml": `[tool.poetry.dependencies]\ntorch = [\n  { url = "https://x.org/torch-1.10.0-cp39-none-macosx_10_9_x86_64.whl", markers = "sys_platform == 'darwin'" },\n  { url = "${whl}", markers = "sys_platform == 'linux'" },\n]\n`,
    });
    expect(records.filter((r) => r.kind === "package")).toEqual([
      {
        kind: "package",
        file: "pyproject.toml",
        line: 2,
        name: "torch",
        spec: whl,
        pinned: true,
        marker: "sys_platform == 'linux'",
      },
    ]);
  });

  it("reads a Dockerfile's FROM python version, CUDA base and pip installs, plus .python-version and runtime.txt", async () => {
    const records = await extract({
      Dockerfile: "FROM python:3.10-slim\nRUN pip install --no-cache-dir \\\n    lightgbm==4.3.0 polars\n",
      "gpu/Dockerfile": "FROM nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04\n",
      ".python-version": "3.11.9\n",
      "runtime.txt": "python-3.9.18\n",
    });
    expect(records).toEqual([
      { kind: "python-version", file: ".python-version", line: 1, value: "3.11.9" },
      { kind: "spec-file", file: "Dockerfile", format: "dockerfile" },
      { kind: "image", file: "Dockerfile", line: 1, image: "python:3.10-slim", untagged: false },
      { kind: "python-version", file: "Dockerfile", line: 1, value: "3.10" },
      { kind: "package", file: "Dockerfile", line: 3, name: "lightgbm", spec: "==4.3.0", pinned: true },
      { kind: "package", file: "Dockerfile", line: 3, name: "polars", spec: "", pinned: false },
      { kind: "spec-file", file: "gpu/Dockerfile", format: "dockerfile" },
      {
        kind: "image",
        file: "gpu/Dockerfile",
        line: 1,
        image: "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04",
        untagged: false,
      },
      {
        kind: "cuda",
        file: "gpu/Dockerfile",
        line: 1,
        value: "11.8",
        source: "nvidia/cuda:11.8.0-cudnn8-runtime-ubuntu22.04",
      },
      { kind: "python-version", file: "runtime.txt", line: 1, value: "3.9.18" },
    ]);
  });

  it("declares what install commands elsewhere install: README blocks, scripts, notebook `!pip install` lines", async () => {
    // From real solutions: setup_env.sh installing everything with a cp36 torch wheel, a README's pip
    // line, a Kaggle notebook's `!pip install` with a continuation, a Dockerfile under an odd name on NGC.
    const files = {
      "README.md": "```\npip install timm==0.4.12 'albumentations>=1.0'\n```\n",
      "setup_env.sh":
        "conda install -y -c pytorch pytorch=1.7.1 torchvision\npip install https://download.pytorch.org/whl/cu80/torch-0.3.1-cp36-cp36m-linux_x86_64.whl\n",
      "nb.ipynb": JSON.stringify({
        cells: [
          {
            cell_type: "code",
            source: ["!pip install -q efficientnet \\\n", "    pydicom==2.1.2\n", "import pydicom\n"],
          },
        ],
      }),
      "docker/RSNADOCKER.docker": "FROM nvcr.io/nvidia/pytorch:19.09-py3\nRUN pip install pretrainedmodels==0.7.4\n",
    };
    const view = memoryView(files);
    const facts = await extractFacts(
      view,
      STATIC_EXTRACTORS.filter((e) => e.id === "readme"),
      { branches: null },
    );
    const records = formatOnly(await extractor.extract({ view, facts, branches: null }));
    expect(records.filter((r) => r.kind !== "python-code")).toEqual([
      { kind: "spec-file", file: "docker/RSNADOCKER.docker", format: "dockerfile" },
      {
        kind: "image",
        file: "docker/RSNADOCKER.docker",
        line: 1,
        image: "nvcr.io/nvidia/pytorch:19.09-py3",
        untagged: false,
      },
      {
        kind: "python-version",
        file: "docker/RSNADOCKER.docker",
        line: 1,
        value: "3.6",
        source: expect.stringContaining("NVIDIA PyTorch container release notes 19.xx"),
      },
      {
        kind: "package",
        file: "docker/RSNADOCKER.docker",
        line: 2,
        name: "pretrainedmodels",
        spec: "==0.7.4",
        pinned: true,
      },
      { kind: "install", file: "README.md", line: 2, name: "timm", spec: "==0.4.12", pinned: true, via: "readme" },
      {
        kind: "install",
        file: "README.md",
        line: 2,
        name: "albumentations",
        spec: ">=1.0",
        pinned: false,
        via: "readme",
      },
      { kind: "install", file: "setup_env.sh", line: 1, name: "pytorch", spec: "=1.7.1", pinned: true, via: "script" },
      { kind: "install", file: "setup_env.sh", line: 1, name: "torchvision", spec: "", pinned: false, via: "script" },
      {
        kind: "install",
        file: "setup_env.sh",
        line: 2,
        name: "torch",
        spec: "https://download.pytorch.org/whl/cu80/torch-0.3.1-cp36-cp36m-linux_x86_64.whl",
        pinned: true,
        via: "script",
      },
      {
        kind: "install",
        file: "nb.ipynb",
        line: 1,
        cell: 0,
        cellLine: 1,
        name: "efficientnet",
        spec: "",
        pinned: false,
        via: "notebook",
      },
      {
        kind: "install",
        file: "nb.ipynb",
        line: 1,
        cell: 0,
        cellLine: 1,
        name: "pydicom",
        spec: "==2.1.2",
        pinned: true,
        via: "notebook",
      },
      {
        kind: "python-version",
        file: "setup_env.sh",
        line: 2,
        value: "3.6",
        source: "the wheel torch-0.3.1-cp36-cp36m-linux_x86_64.whl",
      },
    ]);
  });

  it("counts the Python code (files and notebooks) outside vendored trees in one record", async () => {
    expect(await extract({ "a.py": "", "nb/b.ipynb": "{}", "venv/lib/c.py": "" })).toEqual([
      { kind: "python-code", count: 2 },
      { kind: "install-moot", installMoot: true },
    ]);
  });

  it("ignores vendored virtualenvs and tool-only configs", async () => {
    expect(
      await extract({
        ".venv/lib/requirements.txt": "x==1\n",
        "venv/Pipfile": "[packages]\n",
        "env.yml": "on: push\n",
      }),
    ).toEqual([]);
  });

  it("says of each package whether the code imports it, under any name that satisfies it, or a library it imports loads it", async () => {
    const records = await extractor.extract({
      view: memoryView({
        "requirements.txt":
          "opencv-python-headless==4.9.0.80\nPyYAML==6.0.1\npytest==8.0.0\npathlib==1.0.1\ntb-nightly\npylibjpeg\npython_gdcm\ntorchvision\n",
        "train.py":
          "import cv2\nimport yaml\nimport pathlib\nfrom torch.utils.tensorboard import SummaryWriter\nimport pydicom\nimport torch\n",
        "tests/test_train.py": "import pytest\n",
      }),
      facts: emptyFacts(),
      branches: null,
    });
    expect(records.filter((r) => r.kind === "package").map((r) => [r.name, r.imported])).toEqual([
      ["opencv-python-headless", true],
      ["pyyaml", true],
      ["pytest", false],
      ["pathlib", false],
      ["tb-nightly", true],
      ["pylibjpeg", true],
      ["python-gdcm", true],
      ["torchvision", true],
    ]);
  });
});
