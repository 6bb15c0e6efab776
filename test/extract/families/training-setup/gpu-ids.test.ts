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

  it("reads the GPU a gradient-boosting library is given by keyword or params key, not one from a variable", () => {
    const text = [
      "model = xgb.XGBRegressor(tree_method='gpu_hist', gpu_id=1)",
      "params = {'device': 'gpu', 'gpu_device_id': 2}",
      "model = xgb.XGBRegressor(gpu_id=0)",
      "model = xgb.XGBRegressor(gpu_id=args.gpu)",
    ].join("\n");
    expect(pythonGpuIds(text)).toEqual([
      { line: 1, value: "1", name: "gpu_id" },
      { line: 2, value: "2", name: "gpu_device_id" },
      { line: 3, value: "0", name: "gpu_id" },
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

describe("shellGpuIds and bash's exports", () => {
  it("leaves a bare assignment that no export, set -a or later use passes on to the programs", () => {
    const text = [
      "#!/bin/bash",
      "CUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7",
      "",
      "torchrun --nproc_per_node=8 train.py --fold 0",
      "CUDA_VISIBLE_DEVICES=2,3; python predict.py",
    ].join("\n");
    expect(shellGpuIds(text)).toEqual([]);
  });

  it("reads a bare assignment the script exports later, after set -a, or reads back, and one continued onto a command", () => {
    const exported = "CUDA_VISIBLE_DEVICES=2,3\nexport CUDA_VISIBLE_DEVICES\npython train.py\n";
    const allexport = "set -a\nCUDA_VISIBLE_DEVICES=4\npython train.py\n";
    const reused = "CUDA_VISIBLE_DEVICES=1,2\npython train.py --gpus $CUDA_VISIBLE_DEVICES\n";
    const continued = "CUDA_VISIBLE_DEVICES=5 \\\n  python train.py\n";
    expect(shellGpuIds(exported)).toEqual([{ line: 1, value: "2,3", name: "CUDA_VISIBLE_DEVICES" }]);
    expect(shellGpuIds(allexport)).toEqual([{ line: 2, value: "4", name: "CUDA_VISIBLE_DEVICES" }]);
    expect(shellGpuIds(reused)).toEqual([{ line: 1, value: "1,2", name: "CUDA_VISIBLE_DEVICES" }]);
    expect(shellGpuIds(continued)).toEqual([{ line: 1, value: "5", name: "CUDA_VISIBLE_DEVICES" }]);
  });
});

describe("pythonGpuIds and docstrings", () => {
  it("leaves device_ids in a docstring's usage example, and reads the code after it", () => {
    const text = [
      "def replicate(module):",
      '    """Replicate a module.',
      "",
      "    Examples:",
      "        > sync_bn = SynchronizedBatchNorm1d(10)",
      "        > sync_bn = DataParallel(sync_bn, device_ids=[0, 1])",
      '    """',
      "    return DataParallel(module, device_ids=[2, 3])",
    ].join("\n");
    expect(pythonGpuIds(text)).toEqual([{ line: 8, value: "2,3", name: "device_ids" }]);
  });
});
