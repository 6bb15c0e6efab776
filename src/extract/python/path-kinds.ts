// What kind of machine-specific path a string is, if it is one at all.

export type PathKind =
  "kaggle-input" | "kaggle-working" | "home" | "windows-drive" | "colab-drive" | "mnt" | "data-root" | "absolute";

/** System locations that exist on every Linux machine: portable, so not reported. */
const SYSTEM = /^\/(?:dev|proc|sys|etc|usr|bin|sbin|lib|lib64|opt\/conda|var|run|tmp)(?:\/|$)/;
/** Characters that say "regex, template or prose", not a path. */
const NOT_PATH = /[\s()|^$<>"'`,;]|\\[dswbnt]/;

/** A drive path: `X:\` or `X:/` and then a path segment. Prompt text such as `Response A:\n{ra}` puts an
 * escape (`\n`, `\t`, `\r`) after the colon, not a folder name; `C:\new_data` is still a folder. */
const WINDOWS_DRIVE = /^[A-Za-z]:[\\/](?![nrt](?![\w.-]))[\w.~$%{-]/;

export function pathKind(value: string): PathKind | null {
  const v = value.trim();
  if (v.length < 2 || v.length > 300 || v.includes("://") || v.includes("\n")) return null;
  if (/^[A-Za-z]:[\\/]/.test(v)) return WINDOWS_DRIVE.test(v) && !/[\r\n\t]/.test(v) ? "windows-drive" : null;
  if (v.startsWith("~/") || v === "~") return "home";
  if (!v.startsWith("/") || v.startsWith("//") || NOT_PATH.test(v) || SYSTEM.test(v)) return null;
  if (!/^\/[\w.~*{}-]/.test(v)) return null;
  if (v.startsWith("/kaggle/input")) return "kaggle-input";
  if (v.startsWith("/kaggle/working") || v === "/kaggle" || v.startsWith("/kaggle/")) return "kaggle-working";
  if (/^\/(?:home|Users)\/[^/]+/.test(v) || v === "/root" || v.startsWith("/root/")) return "home";
  if (v.startsWith("/content/drive") || v.startsWith("/gdrive") || v.startsWith("/content/gdrive"))
    return "colab-drive";
  if (v.startsWith("/mnt/") || v.startsWith("/media/") || v.startsWith("/Volumes/")) return "mnt";
  // Shared disks and cluster file systems (/gpfs, /lustre, /groups): one site's layout.
  if (
    /^\/(?:data|datasets?|dataset|storage|scratch|workspace|input|output|raid|nfs|gpfs|lustre|groups)(?:\/|$)/.test(v)
  )
    return "data-root";
  return "absolute";
}

/** Folder names that are a repo's own data layout, not a Kaggle dataset (`../input/train/`). */
export const GENERIC_FOLDERS = new Set(
  "train test val valid validation images image imgs masks labels data dataset datasets raw processed input output models weights features folds tmp cache".split(
    " ",
  ),
);

/** The Kaggle dataset or competition slug a path reads from: /kaggle/input/<slug>/..., or in a notebook
 * (Kaggle's layout) ../input/<slug>/... A script's `../input/train/` is the repo's own folder. */
export function kaggleSlugOf(path: string, notebook = true): string | null {
  const m = /^(\/kaggle\/input|(?:\.\.\/)+input)\/([A-Za-z0-9][\w.-]*)(\/|$)/.exec(path);
  if (!m || m[2]!.includes("*")) return null;
  const kaggleRoot = m[1] === "/kaggle/input";
  if (!kaggleRoot && (!notebook || m[3] !== "/" || GENERIC_FOLDERS.has(m[2]!.toLowerCase()))) return null;
  if (/\.[a-z0-9]{1,5}$/i.test(m[2]!)) return null; // ../input/train.csv: Kaggle's old one-competition layout

  return m[2]!;
}

/** The Kaggle slug a script's `../input/<slug>/...` reads when it climbs above the repo root from the script's
 * folder: Kaggle's layout (the code in /kaggle/working, the data in /kaggle/input), not one machine's. */
export function kaggleInputAbove(path: string, fromFile: string): string | null {
  const ups = /^((?:\.\.\/)+)input\//.exec(path)?.[1]!.length ?? 0;
  if (ups / 3 <= fromFile.split("/").length - 1) return null;
  return kaggleSlugOf(path, true);
}
