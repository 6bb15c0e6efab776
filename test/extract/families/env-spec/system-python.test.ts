// A real git repo whose Dockerfile pip-installs into a floating Debian base's system Python and pins cp39 wheels
// in the setup.py it installs: the static audit names both, at their lines, and blocks install.
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../../../src/pipeline.js";
import { removeSolutions, solutionRepo as repo } from "./git-solution.js";

afterAll(removeSolutions);

const WHEEL = "https://download.pytorch.org/whl/cu111/torch-1.9.0%2Bcu111-cp39-cp39-linux_x86_64.whl";

describe("a Dockerfile's pip against its base's system Python", () => {
  it("names the PEP 668 refusal and the cp39 wheel on a floating Debian base", async () => {
    const root = repo({
      "README.md": "# Solution\n\n```bash\ndocker build -t sol .\ndocker run sol python train.py\n```\n",
      Dockerfile: [
        "FROM debian:latest",
        "RUN apt-get update && apt-get install -y python3 python3-pip",
        "COPY . /app",
        "WORKDIR /app",
        "RUN pip3 install .",
      ].join("\n"),
      "setup.py": `from setuptools import setup\nsetup(\n    name="sol",\n    install_requires=["torch @ ${WHEEL}"],\n)\n`,
      "train.py": "import torch\nprint(torch.__version__)\n",
    });
    const { report } = await audit({ source: root, stages: ["static"] });
    const named = report.findings
      .filter((f) => f.rule === "environment-system-pip-allowed" || f.rule === "environment-wheels-match-python")
      .map((f) => [f.rule, f.file, f.line, f.severity]);
    expect(named).toEqual([
      ["environment-system-pip-allowed", "Dockerfile", 5, "error"],
      ["environment-wheels-match-python", "Dockerfile", 5, "error"],
    ]);
    expect(report.findings.find((f) => f.rule === "environment-wheels-match-python")?.message).toBe(
      "torch-1.9.0%2Bcu111-cp39-cp39-linux_x86_64.whl is built for Python 3.9 (pinned at setup.py:4), but Dockerfile:5 installs it into Python 3.13 or newer (python3 of debian:latest, a floating tag that gives Debian 13 (trixie) or newer as of 2026-12-06): pip rejects it as not a supported wheel",
    );
  });

  it("says nothing when the base is python:3.9, the wheels' own Python", async () => {
    const root = repo({
      Dockerfile: ["FROM python:3.9-slim", "COPY . /app", "WORKDIR /app", "RUN pip install ."].join("\n"),
      "setup.py": `from setuptools import setup\nsetup(name="sol", install_requires=["torch @ ${WHEEL}"])\n`,
      "train.py": "import torch\n",
    });
    const { report } = await audit({ source: root, stages: ["static"] });
    expect(report.findings.filter((f) => f.rule.startsWith("environment-")).map((f) => f.rule)).toEqual([]);
  });
});
