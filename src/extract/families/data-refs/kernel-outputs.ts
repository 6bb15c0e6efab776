// Hosted notebooks whose outputs the repo's steps read: a Kaggle kernel kernel-metadata.json mounts
// (`kernel_sources`, read under ../input/<slug>/), one `kaggle kernels output owner/slug -p dir` downloads, one
// the README links (kaggle.com/code/owner/slug). A stranger must rerun such a kernel by hand. Pure.
import type { FactRecord } from "../../../model/facts.js";
import type { FetchLine } from "./fetch-commands.js";

export interface HostedKernel {
  /** owner/slug as written. */
  slug: string;
  /** Where the repo names it, "file:line". */
  by: string;
  /** The folder `kaggle kernels output -p` downloads into; null where the kernel is mounted under ../input/<slug>/. */
  folder: string | null;
}

const OUTPUT_COMMAND = /kaggle\s+kernels\s+output\s+["']?([\w-]+\/[\w.-]+)["']?([^\n;&|]*)/g;
const KERNEL_LINK = /kaggle\.com\/(?:code|kernels)\/([\w-]+\/[\w-]+)/gi;

export function hostedKernels(
  lines: readonly FetchLine[],
  readmes: ReadonlyArray<{ file: string; text: string }>,
  metadata: readonly FactRecord[],
): HostedKernel[] {
  const out: HostedKernel[] = [];
  for (const r of metadata)
    if (r.kind === "kernel-source" && typeof r.value === "string" && typeof r.slug === "string")
      out.push({ slug: r.value, by: `${r.file}:${r.line}`, folder: null });
  for (const l of lines)
    for (const m of l.text.matchAll(OUTPUT_COMMAND)) {
      const folder = /(?:^|\s)(?:-p|--path)[\s=]+["']?([\w./-]+)/
        .exec(m[2]!)?.[1]
        ?.replace(/^\.\//, "")
        .replace(/\/+$/, "");
      out.push({ slug: m[1]!, by: `${l.file}:${l.line}`, folder: folder && folder !== "." ? folder : null });
    }
  for (const { file, text } of readmes)
    text.split(/\r?\n/).forEach((raw, i) => {
      if (raw.length > 4000) return;
      for (const m of raw.matchAll(KERNEL_LINK)) out.push({ slug: m[1]!, by: `${file}:${i + 1}`, folder: null });
    });
  return out;
}

/** The kernel whose output a read path is, "owner/slug (file:line)", or null: under ../input/<slug>/ or
 * /kaggle/input/<slug>/, or under the folder its output was downloaded into. */
export function kernelOutputOf(path: string, kernels: readonly HostedKernel[]): string | null {
  const p = path.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "");
  const mounted = /^(?:(?:\.\.\/)+|\/kaggle\/)input\/([^/]+)\//.exec(p)?.[1]?.toLowerCase();
  for (const k of kernels) {
    const name = k.slug.slice(k.slug.indexOf("/") + 1).toLowerCase();
    if ((mounted !== undefined && mounted === name) || (k.folder !== null && p.startsWith(`${k.folder}/`)))
      return `${k.slug} (${k.by})`;
  }
  return null;
}
