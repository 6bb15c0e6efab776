// Personal shares a repo names as where its data or weights come from (pure): Google Drive files and
// folders, `gdown <id>`, Dropbox links; and whether a public source (a Kaggle dataset, a release asset,
// Hugging Face, Zenodo) is named beside them.

export interface PersonalLink {
  line: number;
  host: "Google Drive" | "Dropbox";
  /** The link without its query (`?usp=sharing`, `?dl=1`), or `gdown <id>`. */
  url: string;
}

const DRIVE =
  /https?:\/\/drive\.google\.com\/(?:file\/d\/[\w-]{10,}|drive\/(?:u\/\d+\/)?folders\/[\w-]{10,}|(?:open|uc)\?(?:[\w=&]*&)?id=[\w-]{10,})/g;
const DROPBOX = /https?:\/\/(?:www\.|dl\.)?dropbox(?:usercontent)?\.com\/(?:s|sh|scl\/fi)\/[\w.\/%-]+/g;
const GDOWN = /\bgdown\s+(?:--id\s+)?['"]?([\w-]{25,})\b/g;
/** Sources a stranger can count on: a Kaggle competition or dataset, a release asset, a model or data hub. */
const PUBLIC =
  /kaggle\s+(?:competitions|datasets)\s+download|kaggle\.com\/(?:c|competitions|datasets)\/|github\.com\/[\w.-]+\/[\w.-]+\/releases\/download\/|huggingface\.co\/|zenodo\.org\/|figshare\.com\/|hf_hub_download|snapshot_download/i;

export function personalLinks(text: string): PersonalLink[] {
  const out: PersonalLink[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.length > 4096) return;
    for (const m of line.matchAll(DRIVE)) out.push({ line: i + 1, host: "Google Drive", url: m[0] });
    for (const m of line.matchAll(GDOWN)) out.push({ line: i + 1, host: "Google Drive", url: `gdown ${m[1]}` });
    for (const m of line.matchAll(DROPBOX))
      out.push({ line: i + 1, host: "Dropbox", url: m[0].replace(/[.,)]+$/, "") });
  });
  return out;
}

/** The first line naming a public source, "line" of the text, or null. */
export function publicSourceLine(text: string): number | null {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => l.length <= 4096 && PUBLIC.test(l));
  return i < 0 ? null : i + 1;
}
