// GPU counts a training fixes: launcher process counts, GPU-count variables, Trainer(gpus=N), argparse and config
// defaults; 1 and counts read from arguments fix nothing.
import { describe, expect, it } from "vitest";
import {
  configGpuCount,
  pythonGpuCounts,
  shellGpuCounts,
} from "../../../../src/extract/families/training-setup/gpu-counts.js";

describe("shellGpuCounts", () => {
  it("reads the process count of torchrun, torch.distributed.launch, accelerate and deepspeed, one process too", () => {
    const text = [
      "CUDA_VISIBLE_DEVICES=0,1,2,3,4,5,6,7",
      "torchrun --nproc_per_node=8 train.py",
      "python -m torch.distributed.launch --nproc_per_node 4 train.py",
      "accelerate launch --num_processes=2 train.py",
      "deepspeed --num_gpus 3 train.py",
      "torchrun --nproc-per-node=1 predict.py",
      "torchrun --nproc_per_node=$NGPU train.py",
      "# torchrun --nproc_per_node=16 old.py",
    ].join("\n");
    expect(shellGpuCounts(text)).toEqual([
      { line: 2, value: 8, name: "--nproc_per_node" },
      { line: 3, value: 4, name: "--nproc_per_node" },
      { line: 4, value: 2, name: "--num_processes" },
      { line: 5, value: 3, name: "--num_gpus" },
      { line: 6, value: 1, name: "--nproc_per_node" },
    ]);
  });

  it("reads a training's own GPU-count option and a Hydra override, not a list of GPU ids", () => {
    const text = [
      "python train.py --gpus 4",
      "python -m pkg.train trainer.gpus=8 dataset.phase=train",
      "python train.py --n_gpus=2",
      "python train.py --gpus 0,1",
      "CUDA_VISIBLE_DEVICES=0 python train.py",
    ].join("\n");
    expect(shellGpuCounts(text)).toEqual([
      { line: 1, value: 4, name: "--gpus" },
      { line: 2, value: 8, name: "trainer.gpus" },
      { line: 3, value: 2, name: "--n_gpus" },
    ]);
  });
});

describe("pythonGpuCounts", () => {
  it("reads GPU-count variables, a Lightning Trainer's gpus or devices, spawn's nprocs and argparse defaults", () => {
    const text = [
      "class CFG:",
      "    N_GPUS = 3",
      "trainer = pl.Trainer(",
      "    max_epochs=10,",
      "    gpus=8,",
      ")",
      "mp.spawn(run, nprocs=4, join=True)",
      "parser.add_argument('--num_gpus', type=int, default=2)",
      "trainer = Trainer(devices=2, accelerator='gpu')",
    ].join("\n");
    expect(pythonGpuCounts(text)).toEqual([
      { line: 2, value: 3, name: "N_GPUS" },
      { line: 3, value: 8, name: "Trainer(gpus)" },
      { line: 7, value: 4, name: "spawn(nprocs)" },
      { line: 8, value: 2, name: "--num_gpus" },
      { line: 9, value: 2, name: "Trainer(devices)" },
    ]);
  });

  it("leaves one GPU, counts from arguments or the machine, GPU id lists, comments and docstrings", () => {
    const text = [
      "N_GPUS = 1",
      "n_gpus = torch.cuda.device_count()",
      "trainer = pl.Trainer(gpus=args.gpus)",
      "trainer = pl.Trainer(gpus=[0, 1])",
      "# N_GPUS = 4",
      '"""',
      "    trainer = Trainer(gpus=8)",
      '"""',
      "parser.add_argument('--gpus', type=str, default='0,1')",
    ].join("\n");
    expect(pythonGpuCounts(text)).toEqual([]);
  });
});

describe("configGpuCount", () => {
  it("reads a GPU or process count key with a whole number of 2 or more", () => {
    expect(configGpuCount("num_gpus", "8")).toBe(8);
    expect(configGpuCount("trainer.gpus", "4")).toBe(4);
    expect(configGpuCount("num_processes", "2")).toBe(2);
    expect(configGpuCount("gpus", "1")).toBeNull();
    expect(configGpuCount("gpus", "[0, 1]")).toBeNull();
    expect(configGpuCount("num_workers", "8")).toBeNull();
  });
});
