// A checkpoint path built from a config's file name (`models/<stem>/<stem>_epoch10.pth`, named in a later
// stage's config) is what the training saves when it runs that config: its save path is the config's name,
// known only at run time. Pure.

/** Stems too generic to say a path was built from one config (`models/base/...`). */
const GENERIC_STEMS = new Set(["config", "configs", "default", "defaults", "base", "train", "model", "models", "best"]);

/** The file names, without folder and extension, of the repo's configs that may name a training run. */
export function configStems(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    const m = /(?:^|\/)([\w.-]+)\.(?:ya?ml|json|py|toml)$/i.exec(p);
    const stem = m?.[1]?.toLowerCase();
    if (stem && stem.length >= 4 && !GENERIC_STEMS.has(stem)) out.add(stem);
  }
  return out;
}

/** Does the path name a config by its stem: a folder of that name, or a file named after it (`<stem>_epoch10.pth`)? */
export function namesConfigStem(path: string, stems: ReadonlySet<string>): boolean {
  if (stems.size === 0) return false;
  const segs = path.toLowerCase().split("/");
  const base = segs[segs.length - 1] ?? "";
  if (segs.slice(0, -1).some((s) => stems.has(s))) return true;
  const head = /^([\w.-]+?)(?:[_-](?:epoch|fold|best|last|final)[\w.-]*)?\.\w+$/.exec(base)?.[1];
  return head !== undefined && stems.has(head);
}
