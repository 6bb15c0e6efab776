// A README that mounts the clone into a container (`docker run -v $(pwd):/submission`) and moves into it
// (`cd /submission`, `cd /submission/code/x/y/` in the script it runs): every walk of working folders, the
// plan's and the script-call check's, places those steps in the repo's folders; a `cd` to a folder no mount
// holds leaves the steps after it unplaced, and nothing is claimed missing from them.
import { describe, expect, it } from "vitest";
import { familyOf, findingsOf, planOf, stepsOf } from "../rerun-plan/plan-repo.js";

const RULES = ["instructions-script-calls-exist", "instructions-step-configs-exist"];
const TRAIN =
  "import argparse\nfrom sklearn.linear_model import Ridge\np = argparse.ArgumentParser()\n" +
  "p.add_argument('--config')\na = p.parse_args()\nRidge().fit([[1]], [1])\n";
const CODE = {
  "code/install.sh": "pip install -r requirements.txt\n",
  "code/requirements.txt": "scikit-learn==1.4.2\n",
  "code/x/y/x_run.sh": "python train.py --config configs/params.yaml\n",
  "code/x/y/train.py": TRAIN,
  "code/x/y/configs/params.yaml": "alpha: 1\n",
};
const readme = (run: string) => `# Solution\n\n## Run\n\n\`\`\`\n${run}\ncd /submission\n./run.sh\n\`\`\`\n`;
const RUN = "#!/bin/bash\ncd /submission/code\n./install.sh\ncd /submission/code/x/y/\n./x_run.sh\n";

describe("readme: the container mount is the repo", () => {
  for (const run of [
    "docker run --gpus all -v $(pwd):/submission solution:1.0",
    'docker run --volume "$PWD":/submission solution:1.0',
    "docker run -v $pwd/solution-repo:/submission solution:1.0",
  ])
    it(`places the steps under the mount: ${run}`, async () => {
      const files = { ...CODE, "README.md": readme(run), "run.sh": RUN };
      expect(await findingsOf(files, RULES)).toEqual([]);
      const steps = stepsOf(await planOf(files)).map((s) => [s[2], s[3]]);
      expect(steps).toEqual(
        expect.arrayContaining([
          ["code", "code/install.sh"],
          ["code/x/y", "code/x/y/train.py"],
        ]),
      );
    });

  it("reads a Dockerfile's WORKDIR and COPY . . as the mount", async () => {
    const files = {
      ...CODE,
      Dockerfile: "FROM python:3.10-slim\nWORKDIR /submission\nCOPY . .\n",
      "README.md": "# Solution\n\n## Run\n\n```\ndocker build -t sol .\ncd /submission\n./run.sh\n```\n",
      "run.sh": RUN,
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
  });

  it("still says a call is missing from a mounted folder that lacks it", async () => {
    const files = {
      ...CODE,
      "README.md": readme("docker run -v $(pwd):/submission solution:1.0"),
      "run.sh": "#!/bin/bash\ncd /submission/code/x\n./install.sh\n",
    };
    expect((await findingsOf(files, RULES)).map((f) => f[0])).toEqual(["instructions-script-calls-exist"]);
  });

  it("claims nothing missing after a cd that no mount maps", async () => {
    const files = {
      ...CODE,
      "README.md": "# Solution\n\n## Run\n\n```\n./run.sh\n```\n",
      "run.sh": "#!/bin/bash\ncd /opt/solution/code\n./install.sh\ncd x/y\n./x_run.sh\n",
    };
    expect(await findingsOf(files, RULES)).toEqual([]);
  });
});

// `docker run -v "$PWD":/w img python3 /w/src/a/predict.py`: the container's path names the repo's src/a/predict.py.
describe("readme: a script named by its path inside the mounted clone", () => {
  const NAMED = ["instructions-references-exist", "instructions-scripts-located", "datasets-inputs-produced"];
  const WRITE = "import pandas as pd\npd.DataFrame({'a': [1]}).to_csv('/w/out/part_a.csv', index=False)\n";
  const READ = "import pandas as pd\ndf = pd.read_csv('/w/out/part_a.csv')\ndf.to_csv('/w/out/final.csv')\n";
  const block = (lines: string[]) => `# Solution\n\n## Run\n\n\`\`\`bash\n${lines.join("\n")}\n\`\`\`\n`;
  const CODE2 = { "src/a/predict.py": WRITE, "src/merge/merge.py": READ, Dockerfile: "FROM python:3.11\n" };

  for (const mount of [
    '-v "$PWD":/w',
    "--volume $(pwd):/w",
    "-v ${PWD}:/w",
    "-v .:/w",
    "--mount type=bind,source=.,target=/w",
  ])
    it(`runs the repo's scripts through ${mount}, the second step reading what the first wrote`, async () => {
      const files = {
        ...CODE2,
        "README.md": block([
          `docker run --rm ${mount} img python3 /w/src/a/predict.py`,
          `docker run --rm ${mount} img \\`,
          "  python3 /w/src/merge/merge.py",
        ]),
      };
      expect(await findingsOf(files, NAMED)).toEqual([]);
      const programs = stepsOf(await planOf(files)).map((s) => s[3]);
      expect(programs).toEqual(expect.arrayContaining(["src/a/predict.py", "src/merge/merge.py"]));
    });

  it("runs a relative script from the folder -w names under the mount", async () => {
    const files = { ...CODE2, "README.md": block(['docker run -v "$PWD":/w -w /w/src/a img python3 predict.py']) };
    expect(await findingsOf(files, NAMED)).toEqual([]);
    expect(stepsOf(await planOf(files)).map((s) => s[3])).toContain("src/a/predict.py");
  });

  // (A missing script named for training is withheld training code, instructions-train-code-included's.)
  it("still says a script the mounted folder lacks is missing", async () => {
    const files = { ...CODE2, "README.md": block(['docker run -v "$PWD":/w img python3 /w/src/a/score.py']) };
    expect((await findingsOf(files, NAMED)).map((f) => f[0])).toEqual(["instructions-references-exist"]);
    const mentions = (await familyOf(files, "readme")).filter((r) => r.kind === "mention" && r.target === "file");
    expect(mentions.map((r) => [r.name, r.exists])).toEqual([["src/a/score.py", false]]);
  });
});
