// A step's imports read with the search path the environment's image gives: Kaggle's image puts the working folder
// on PYTHONPATH; an outside image whose variables are unknown leaves the strict reading unconfirmed.
import { expect, it } from "vitest";
import { planOf } from "./plan-repo.js";
import { imageSearchPath } from "../../../../src/extract/families/rerun-plan/image-path.js";

const solution = (readme: string, extra: Record<string, string> = {}) => ({
  "README.md": readme,
  "requirements.txt": "einops==0.6.0\n",
  "helpers/__init__.py": "",
  "helpers/common.py": "X = 1\n",
  "scripts/prepare.py": "from helpers.common import X\n",
  ...extra,
});
const offPath = (plan: Awaited<ReturnType<typeof planOf>>) =>
  plan
    .filter((r) => r.kind === "step" && r.importsOffPath !== undefined)
    .map((r) => [r.importsOffPath, r.imageUnknown]);

it("finds a root package from a script run from the root in Kaggle's image, whose PYTHONPATH holds the working folder", async () => {
  const plan = await planOf(
    solution(
      "# Setup\n\n```\ndocker run --gpus all -v $PWD:/work -w /work -it gcr.io/kaggle-gpu-images/python bash\n```\n\n" +
        "# Run\n\n```\npython scripts/prepare.py\n```\n",
    ),
  );
  expect(offPath(plan)).toEqual([]);
});

it("keeps the finding in an image whose Dockerfile sets no PYTHONPATH, and marks it unconfirmed in an unknown one", async () => {
  const run = "# Run\n\n```\npython scripts/prepare.py\n```\n";
  const known = await planOf(
    solution(`# Setup\n\n\`\`\`\ndocker pull pytorch/pytorch:1.9.0-cuda11.1-cudnn8-runtime\n\`\`\`\n\n${run}`),
  );
  expect(offPath(known)).toEqual([["helpers.common (helpers/common.py)", undefined]]);
  const unknown = await planOf(
    solution(`# Setup\n\n\`\`\`\ndocker build -t sol .\n\`\`\`\n\n${run}`, {
      Dockerfile: "FROM rapidsai/rapidsai:cuda10.2-runtime-ubuntu18.04-py3.7\nRUN pip install einops==0.6.0\n",
    }),
  );
  expect(offPath(unknown)).toEqual([
    ["helpers.common (helpers/common.py)", "rapidsai/rapidsai:cuda10.2-runtime-ubuntu18.04-py3.7"],
  ]);
});

it("reads only outside images: a stage, scratch, a build argument's base and an installer are none", () => {
  const image = (file: string, name: string, untagged?: boolean) => ({
    kind: "image",
    file,
    line: 1,
    image: name,
    ...(untagged === undefined ? {} : { untagged }),
  });
  expect(
    imageSearchPath([image("Dockerfile", "builder"), image("Dockerfile", "$BASE"), image("get.sh", "Anaconda3-5.2.0")]),
  ).toEqual({ workingFolder: null, unknown: null });
  expect(
    imageSearchPath([image("Dockerfile", "kaggle/python", true), image("README.md", "nvidia/cuda:11.1-base")]),
  ).toMatchObject({
    unknown: null,
    workingFolder: expect.stringContaining("kaggle/python sets PYTHONPATH=:$PYTHONPATH"),
  });
});
