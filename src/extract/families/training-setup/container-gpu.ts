// A container started without GPU access (`docker run --shm-size 8G image train`: no `--gpus`, no
// `--runtime=nvidia`, no NVIDIA device) while the code asks for CUDA: inside it the training finds no GPU and
// runs on the CPU for days, or fails at its first `.cuda()`. Pure.
import { docstringLines } from "./docstring-lines.js";

/** Whether a `docker run` (podman run) line grants the container a GPU; null when the line runs no container.
 * `nvidia-docker run` always does; so do `--gpus`, `--runtime=nvidia`, an NVIDIA `--device` and a CDI device. */
export function dockerRunGrantsGpu(command: string): boolean | null {
  const words = command.trim().split(/\s+/);
  let at = 0;
  while (words[at] === "sudo" || /^-/.test(words[at] ?? "") || /^\w+=/.test(words[at] ?? "")) at++;
  const program = words[at]?.split("/").pop() ?? "";
  if (!/^(?:docker|podman|nvidia-docker)$/.test(program)) return null;
  if (words[at + 1] !== "run" && !(words[at + 1] === "container" && words[at + 2] === "run")) return null;
  if (program === "nvidia-docker") return true;
  const rest = words.slice(at + 2).join(" ");
  return /(?:^|\s)--gpus[\s=]|--runtime[\s=]+["']?nvidia|--device[\s=]+["']?(?:\/dev\/nvidia|nvidia\.com\/gpu)|NVIDIA_VISIBLE_DEVICES/.test(
    rest,
  );
}

/** Python that puts work on CUDA: `.cuda()`, a "cuda" or "cuda:0" device string. */
const CUDA = /\.cuda\(\s*\d*\s*\)|["']cuda(?::\d{1,2})?["']/;

/** The first line (1-based) where Python text asks for CUDA, comments and docstrings left out; null when none. */
export function cudaLine(text: string): number | null {
  if (!text.includes("cuda")) return null;
  const prose = docstringLines(text);
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (prose.has(i + 1)) continue;
    if (CUDA.test(lines[i]!.replace(/#.*$/, ""))) return i + 1;
  }
  return null;
}
