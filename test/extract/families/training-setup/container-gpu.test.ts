import { describe, expect, it } from "vitest";
import { cudaLine, dockerRunGrantsGpu } from "../../../../src/extract/families/training-setup/container-gpu.js";

describe("dockerRunGrantsGpu", () => {
  it("reads --gpus, --runtime=nvidia, an NVIDIA device and nvidia-docker as a GPU granted", () => {
    expect(dockerRunGrantsGpu("docker run --gpus all img")).toBe(true);
    expect(dockerRunGrantsGpu("sudo docker run --runtime=nvidia img")).toBe(true);
    expect(dockerRunGrantsGpu("podman run --device nvidia.com/gpu=all img")).toBe(true);
    expect(dockerRunGrantsGpu("nvidia-docker run img")).toBe(true);
  });
  it("reads a plain run as no GPU, and a line that starts no container as null", () => {
    expect(dockerRunGrantsGpu("sudo docker run --shm-size 8G --name c img $1")).toBe(false);
    expect(dockerRunGrantsGpu("docker build -t img .")).toBeNull();
    expect(dockerRunGrantsGpu("python train.py --gpus 1")).toBeNull();
  });
});

describe("cudaLine", () => {
  it("finds .cuda() or a cuda device string, not a comment or a docstring", () => {
    expect(cudaLine('"""Call .cuda() first."""\n# x.cuda()\nx = x.to("cuda:0")\n')).toBe(3);
    expect(cudaLine("if torch.cuda.is_available():\n    pass\n")).toBeNull();
  });
});
