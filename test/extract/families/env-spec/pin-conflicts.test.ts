// A real git repo whose Dockerfile forces another numpy after installing the requirements that pin one, and whose
// root holds two requirements files with different CUDA builds of a package: the static audit names each pair.
import { afterAll, expect, it } from "vitest";
import { audit } from "../../../../src/pipeline.js";
import { removeSolutions, solutionRepo } from "./git-solution.js";

afterAll(removeSolutions);

it("names the pin the build installs over the other, and two root files that disagree", async () => {
  const root = solutionRepo({
    "requirements.txt": "numpy==1.22.3\nlibrosa\nbitsandbytes-cuda112\n",
    "requirements_colab.txt": "bitsandbytes-cuda114==0.26.0\n",
    Dockerfile: [
      "FROM python:3.8",
      "COPY requirements.txt .",
      "RUN pip install -r requirements.txt",
      "RUN pip uninstall -y numpy && \\",
      "    pip install numpy==1.18.0",
    ].join("\n"),
    "train.py": "import numpy\nimport librosa\nimport bitsandbytes\n",
  });
  const findings = (await audit({ source: root, stages: ["static"] })).report.findings.filter(
    (f) => f.rule === "requirements-pins-agree",
  );
  expect(findings.map((f) => [f.file, f.line, f.values?.pin, f.values?.other])).toEqual([
    ["Dockerfile", 4, "numpy==1.18.0", "requirements.txt:1 pins numpy==1.22.3"],
    ["requirements_colab.txt", 1, "bitsandbytes-cuda114==0.26.0", "requirements.txt:3 pins bitsandbytes-cuda112"],
  ]);
});
