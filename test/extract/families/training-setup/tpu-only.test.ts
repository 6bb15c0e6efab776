// Code that runs only on a TPU, and code that falls back on another device.
import { describe, expect, it } from "vitest";
import { tpuUse } from "../../../../src/extract/families/training-setup/tpu-only.js";

describe("tpuUse", () => {
  it("reads TensorFlow's resolver, PyTorch/XLA's device and JAX's TPU as TPU-only", () => {
    expect(tpuUse("import tensorflow as tf\n\nresolver = TPUClusterResolver(tpu='')\n")).toEqual({
      line: 3,
      name: "TPUClusterResolver",
      fallback: false,
    });
    expect(tpuUse("import torch_xla.core.xla_model as xm\ndev = xm.xla_device()\n")?.name).toBe("xm.xla_device");
    expect(tpuUse("import jax\ndevs = jax.devices('tpu')\n")?.fallback).toBe(false);
    expect(tpuUse("from jax.tools import colab_tpu\ncolab_tpu.setup_tpu()\n")?.line).toBe(2);
  });

  it("takes a default strategy, a CUDA device or an if around the call as a fallback", () => {
    const tf =
      "try:\n    tpu = TPUClusterResolver()\nexcept ValueError:\n    strategy = tf.distribute.get_strategy()\n";
    expect(tpuUse(tf)?.fallback).toBe(true);
    expect(tpuUse("dev = xm.xla_device() if TPU else torch.device('cuda')\n")?.fallback).toBe(true);
    expect(tpuUse("if cfg.accelerator == 'tpu':\n    strategy = TPUStrategy(r)\n")?.fallback).toBe(true);
  });

  it("takes a checkpoint loaded onto the CPU or a CUDA seed for no fallback", () => {
    const xla =
      "torch.cuda.manual_seed(0)\ndevice = xm.xla_device()\nstate = torch.load(p, map_location=torch.device('cpu'))\n";
    expect(tpuUse(xla)?.fallback).toBe(false);
  });

  it("reads no call in comments, imports or words about a TPU", () => {
    expect(tpuUse("# tpu = TPUClusterResolver()\nimport torch_xla\nprint('no tpu here')\n")).toBeNull();
    expect(tpuUse("data/processed/tile/xla\nsearch = 'xla-default'\n")).toBeNull();
  });
});
