// Checkpoint names a file formats at save time (`"snap_{n}th.pt".format(n=i)`, `f"fold{k}_best.pth"`,
// `"model_%d.pt" % e`), often held in a default argument the save call only names: each template makes every
// name that fits it (`snap_0th.pt`), in a folder only the run knows. Pure.
import type { Written } from "./produced.js";

/** A quoted file name with `{...}` or `%d`-style fields and a checkpoint's extension, its quote kept out. */
const TEMPLATE =
  /["']([\w.-]*(?:\{[^{}"'\n]*\}|%0?\d*[ds])[\w.{}%-]*\.(?:pt|pth|ckpt|bin|safetensors|h5|hdf5|keras|onnx|params|weights))["']/gi;

/** The templates in a file's text, each as a write of its pattern (`snap_*th.pt` in an unknown folder) at its line. */
export function checkpointTemplates(file: string, text: string): Written[] {
  const out: Written[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    // A file name sits on a short line; a long one (a data blob, minified code) would cost time for nothing.
    if (lines[i]!.length > 2000) continue;
    for (const m of lines[i]!.matchAll(TEMPLATE)) {
      const name = m[1]!.replace(/\{[^{}]*\}|%0?\d*[ds]/g, "*");
      // A name of fields alone (`{name}.pth`) says nothing of the file it makes.
      if (!/[A-Za-z0-9]/.test(name.replace(/\.[A-Za-z0-9]+$/, "").replace(/\*/g, ""))) continue;
      out.push({ path: `*/${name}`, by: `${file}:${i + 1}`, what: "file", fromFile: file });
    }
  }
  return out;
}
