// GPU ids a training hard-codes (`CUDA_VISIBLE_DEVICES = "3"`, `set_device(2)`, `device_ids=[0,1,2,3]`, a
// `--gpus 0,1,2,3` default): any but GPU 0 alone, with what set them.
import { describe, expect, it } from "vitest";
import { pythonGpuIds, shellGpuIds } from "../../../../src/extract/families/training-setup/gpu-ids.js";

describe("pythonGpuIds", () => {
  it("reads the environment variable, set_device, device_ids, cuda:N and a --gpus default", () => {
    const text = [
      'os.environ["CUDA_VISIBLE_DEVICES"] = "3"',
      "torch.cuda.set_device(2)",
      "model = nn.DataParallel(model, device_ids=[0, 1, 2, 3])",
      "x = x.to('cuda:1')",
      "parser.add_argument('--gpus', type=str, default='0,1,2,3')",
      "parser.add_argument('--gpu_id', type=int, default=1)",
    ].join("\n");
    expect(pythonGpuIds(text)).toEqual([
      { line: 1, value: "3", name: "CUDA_VISIBLE_DEVICES" },
      { line: 2, value: "2", name: "torch.cuda.set_device" },
      { line: 3, value: "0,1,2,3", name: "device_ids" },
      { line: 4, value: "1", name: "cuda:1" },
      { line: 5, value: "0,1,2,3", name: "--gpus" },
      { line: 6, value: "1", name: "--gpu_id" },
    ]);
  });

  it("reads GPU 0 alone as the selection it is, and leaves a GPU count, comments, cuda:0 and ids from arguments", () => {
    const text = [
      "os.environ['CUDA_VISIBLE_DEVICES'] = '0'",
      "torch.cuda.set_device(0)",
      "device_ids=[0]",
      "parser.add_argument('--gpus', type=int, default=2)",
      "trainer = Trainer(gpus=2)",
      "# torch.cuda.set_device(3)",
      "device = torch.device('cuda:0')",
      "torch.cuda.set_device(args.local_rank)",
    ].join("\n");
    expect(pythonGpuIds(text)).toEqual([
      { line: 1, value: "0", name: "CUDA_VISIBLE_DEVICES" },
      { line: 2, value: "0", name: "torch.cuda.set_device" },
      { line: 3, value: "0", name: "device_ids" },
    ]);
  });
});

describe("shellGpuIds", () => {
  it("reads CUDA_VISIBLE_DEVICES before a command or exported, and a --gpus list", () => {
    const text = [
      "CUDA_VISIBLE_DEVICES=2,3 python train.py",
      "export CUDA_VISIBLE_DEVICES=1",
      "python train.py --gpus 0,1,2,3",
      "CUDA_VISIBLE_DEVICES=0 python predict.py --gpus 1",
      "# CUDA_VISIBLE_DEVICES=5 python old.py",
      "CUDA_VISIBLE_DEVICES=$GPU python x.py",
    ].join("\n");
    expect(shellGpuIds(text)).toEqual([
      { line: 1, value: "2,3", name: "CUDA_VISIBLE_DEVICES" },
      { line: 2, value: "1", name: "CUDA_VISIBLE_DEVICES" },
      { line: 3, value: "0,1,2,3", name: "--gpus" },
      { line: 4, value: "0", name: "CUDA_VISIBLE_DEVICES" },
    ]);
  });
});
