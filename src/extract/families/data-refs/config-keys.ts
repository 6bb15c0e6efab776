// Values a path's unknown root may stand for: `data_dir: data` in a YAML config, `"RAW_DATA_DIR":
// "./datasets/raw/"` in SETTINGS.json, `DATA_DIR = "input"` at the top of a settings.py. Pure.
import { configValues } from "../../python/config-lines.js";

export class ConfigKeys {
  private readonly values = new Map<string, Array<{ value: string; by: string }>>();

  add(key: string, value: string, by: string): void {
    const v = value.trim();
    if (v === "" || v.length > 300 || /^(?:true|false|null|none|~|-?\d+(?:\.\d+)?)$/i.test(v) || v.includes("://"))
      return;
    const list = this.values.get(key) ?? this.values.set(key, []).get(key)!;
    if (list.length < 8 && !list.some((x) => x.value === v)) list.push({ value: v, by });
  }

  addConfigText(file: string, text: string): void {
    for (const v of configValues(text))
      if (v.key) this.add(v.key.slice(v.key.lastIndexOf(".") + 1), v.value, `${file}:${v.line}`);
  }

  /** `path` with its leading `*` replaced by each value the key holds. */
  substitute(path: string, key: string | undefined): Array<{ path: string; by: string }> {
    if (!key || !path.startsWith("*")) return [];
    const list = this.values.get(key) ?? this.values.get(key.toLowerCase()) ?? this.values.get(key.toUpperCase()) ?? [];
    return list.map((v) => ({ path: joinRoot(v.value, path.slice(1)), by: v.by }));
  }
}

/** `root + rest` as Python's `+` joins them: `'./data/' + 'train/x'` keeps the root's slash, `'./data' + '/x'`
 * and `'./data/' + '/x'` give one slash, `'./data' + 'x'` gives `./datax` as the code does. */
export function joinRoot(root: string, rest: string): string {
  const base = root.replace(/\/+$/, "");
  if (rest.startsWith("/")) return base + rest;
  return base.length < root.length ? `${base}/${rest}` : base + rest;
}
