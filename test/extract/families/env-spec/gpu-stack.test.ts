// An obsolete GPU stack: one finding per repo with every statement's place; minimums and current stacks are quiet.
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../../../src/pipeline.js";
import { obsoleteGpuStack } from "../../../../src/extract/families/env-spec/gpu-stack.js";
import { memoryView } from "../../../../src/extract/view/memory-view.js";
import { removeSolutions, solutionRepo } from "./git-solution.js";

afterAll(removeSolutions);

describe("obsoleteGpuStack", () => {
  it("reads an old CUDA in README words, not a minimum or an environment variable", () => {
    const stated = (line: string) =>
      obsoleteGpuStack(memoryView({ "README.md": `# X\n\n${line}\n` }), []).map((r) => r.stated);
    expect(stated("Requirements: CUDA 7.5, cuDNN 4")).toEqual(["CUDA 7.5 at README.md:3"]);
    expect(stated("Built on cuda10.2 with CUDA version: 10.2")).toEqual(["CUDA 10.2 at README.md:3"]);
    for (const line of [
      "CUDA 10.1+",
      "CUDA >= 9.0",
      "CUDA 10.1 or later",
      "CUDA_VISIBLE_DEVICES=0 python x.py",
      "CUDA 11.1",
    ])
      expect(stated(line)).toEqual([]);
  });

  it("reads a device argument (`--device cuda:0`) as a device, not a CUDA version", () => {
    const stated = (line: string) =>
      obsoleteGpuStack(memoryView({ "README.md": `# X\n\n${line}\n` }), []).map((r) => r.stated);
    for (const line of ["python train.py --device cuda:0", "run on cuda:3 or cuda 1", "CUDA=0 python x.py"])
      expect(stated(line)).toEqual([]);
    expect(stated("Tested with CUDA 9 and cuda:1")).toEqual(["CUDA 9 at README.md:3"]);
    expect(stated("cuda:10.0")).toEqual(["CUDA 10.0 at README.md:3"]);
  });

  it("names the stack of a repo audited from git: a CUDA 10.1 base and a torch 1.4 pin", async () => {
    const root = solutionRepo({
      "README.md": "# Solution\n\n```bash\ndocker build -t sol .\n```\n",
      Dockerfile: [
        "FROM nvidia/cuda:10.1-cudnn7-devel-ubuntu18.04",
        "RUN apt-get update && apt-get install -y python3-pip git",
        "RUN pip3 install torch==1.4.0 torchvision==0.5.0",
      ].join("\n"),
      "train.py": "import torch\nnet = torch.nn.Linear(1, 1).cuda()\n",
    });
    const { report } = await audit({ source: root, stages: ["static"] });
    expect(
      report.findings
        .filter((f) => f.rule === "environment-gpu-stack-current")
        .map((f) => [f.file, f.line, f.severity, f.message]),
    ).toEqual([
      [
        "Dockerfile",
        1,
        "warning",
        "The GPU stack this repo states predates the GPUs made since 2020 (compute capability 8.0 and newer need CUDA 11): CUDA 10.1 (nvidia/cuda:10.1-cudnn7-devel-ubuntu18.04) at Dockerfile:1; torch 1.4.0 at Dockerfile:3",
      ],
    ]);
  });
});
