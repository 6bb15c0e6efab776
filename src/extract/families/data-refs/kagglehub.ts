// `kagglehub.dataset_download("owner/ds")` and its kin fetch a Kaggle source at run time, as `kaggle datasets
// download` does in a shell: the data is sourced, and the folder the call returns is where it lands. Pure.

export interface HubDownload {
  line: number;
  kind: "kaggle-dataset" | "kaggle-competition" | "kaggle-model";
  slug: string;
  /** The name the returned folder is bound to (`root = kagglehub.dataset_download(...)`), when it is one. */
  name?: string;
}

const KINDS = { dataset: "kaggle-dataset", competition: "kaggle-competition", model: "kaggle-model" } as const;
// `root = kagglehub.dataset_download("o/ds")`, also wrapped once (`Path(kagglehub.dataset_download(...))`).
const CALL =
  /^[ \t]*(?:([A-Za-z_]\w*)[ \t]*=[ \t]*(?:[\w.]+\([ \t]*)?)?(?:kagglehub[ \t]*\.[ \t]*)?(dataset|competition|model)_download[ \t]*\([ \t]*(?:handle[ \t]*=[ \t]*)?["']([\w.\/-]+)["']/gm;

/** The kagglehub downloads of one Python text, in order; none where the text does not use kagglehub. */
export function kagglehubDownloads(text: string): HubDownload[] {
  if (!text.includes("kagglehub")) return [];
  // A bare `dataset_download(...)` is kagglehub's only where the file imports it from there.
  const bare = /^[ \t]*from[ \t]+kagglehub[ \t]+import\b/m.test(text);
  const out: HubDownload[] = [];
  for (const m of text.matchAll(CALL)) {
    if (!bare && !/kagglehub[ \t]*\.[ \t]*\w+_download/.test(m[0])) continue;
    const line = text.slice(0, m.index).split("\n").length;
    out.push({
      line,
      kind: KINDS[m[2] as keyof typeof KINDS],
      slug: m[3]!,
      ...(m[1] ? { name: m[1] } : {}),
    });
    if (out.length >= 50) break;
  }
  return out;
}
