// Code that runs only on a TPU: TensorFlow's `TPUClusterResolver` / `TPUStrategy`, PyTorch/XLA's
// `xm.xla_device()`, JAX told to use the TPU (`jax.devices("tpu")`, `colab_tpu.setup_tpu()`). A stranger with GPUs
// must port it, unless the file also picks another device: a fallback strategy (`tf.distribute.get_strategy()`,
// `MirroredStrategy`), a CUDA device, or the TPU call under an `if`. Read from the file's text; comments and
// strings that only mention a TPU are not calls. Pure.

export interface TpuUse {
  /** Line of the first TPU call in the file. */
  line: number;
  /** The call as written: "TPUClusterResolver", "xm.xla_device", "jax.devices('tpu')". */
  name: string;
  /** True when the file has another device to fall back on. */
  fallback: boolean;
}

const TPU_CALLS: readonly RegExp[] = [
  /\b((?:tf\.distribute\.(?:cluster_resolver\.)?)?TPUClusterResolver)\s*\(/,
  /\b((?:tf\.distribute\.(?:experimental\.)?)?TPUStrategy)\s*\(/,
  /\b(\w+\.xla_device)\s*\(/,
  /\b(jax\.devices\s*\(\s*['"]tpu['"]\s*\))/,
  /\b((?:jax\.tools\.)?colab_tpu\.setup_tpu)\s*\(/,
];

/** Another device the file can run on: a default or GPU strategy, a CUDA device, JAX's GPU. A CPU named only to
 * load a checkpoint (`map_location=torch.device("cpu")`) is no fallback for the training. */
const FALLBACK =
  /\b(?:get_strategy|MirroredStrategy|OneDeviceStrategy|MultiWorkerMirroredStrategy)\s*\(|['"](?:cuda|gpu|GPU)(?::\d+)?['"]|\.cuda\s*\(\s*\)|\bcuda\.is_available\s*\(/;

const indentOf = (line: string) => line.length - line.trimStart().length;

/** The first TPU call in a Python file's text, or null when it has none. */
export function tpuUse(text: string): TpuUse | null {
  if (!/TPU|xla_device|tpu/.test(text)) return null;
  const lines = text.split("\n").map((l) => l.replace(/#.*$/, ""));
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 2000 || /^\s*(?:def|class|import|from)\b/.test(line)) continue;
    for (const re of TPU_CALLS) {
      const m = re.exec(line);
      if (!m) continue;
      const fallback = FALLBACK.test(lines.join("\n")) || underIf(lines, i);
      return { line: i + 1, name: m[1]!.replace(/\s+/g, ""), fallback };
    }
  }
  return null;
}

/** True when an `if` or `elif` opens a block the line sits in: the TPU is one choice among others. */
function underIf(lines: readonly string[], i: number): boolean {
  let indent = indentOf(lines[i]!);
  for (let k = i - 1; k >= 0 && indent > 0; k--) {
    const l = lines[k]!;
    if (l.trim() === "") continue;
    const own = indentOf(l);
    if (own >= indent) continue;
    indent = own;
    if (/^\s*(?:if|elif)\b/.test(l)) return true;
  }
  return false;
}
