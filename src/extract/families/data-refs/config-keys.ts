// Values a path's unknown root may stand for: `data_dir: data` in a YAML config, `"RAW_DATA_DIR":
// "./datasets/raw/"` in SETTINGS.json, `DATA_DIR = "input"` at the top of a settings.py. Pure.
import { configValues } from "../../python/config-lines.js";
import { indentedKeyPaths } from "../../parse/indented-keys.js";

/** The values of one key that a reading file may take, in order (see config-choice.ts); all of them by default. */
export type KeyScope = <T extends { value: string; by: string }>(list: readonly T[]) => T[];

export class ConfigKeys {
  private readonly values = new Map<string, Array<{ value: string; by: string; path?: string }>>();

  /** `path`: the key's full dotted path in a nested config (`model.path`), when known. */
  add(key: string, value: string, by: string, path?: string): void {
    const v = value.trim();
    if (v === "" || v.length > 300 || /^(?:true|false|null|none|~|-?\d+(?:\.\d+)?)$/i.test(v) || v.includes("://"))
      return;
    const list = this.values.get(key) ?? this.values.set(key, []).get(key)!;
    if (list.length < 8 && !list.some((x) => x.value === v && x.path === path))
      list.push({ value: v, by, ...(path ? { path } : {}) });
  }

  addConfigText(file: string, text: string): void {
    const paths = /\.ya?ml$/i.test(file) ? yamlKeyPaths(text) : new Map<number, string>();
    for (const v of configValues(text))
      if (v.key) this.add(v.key.slice(v.key.lastIndexOf(".") + 1), v.value, `${file}:${v.line}`, paths.get(v.line));
  }

  /** The values a whole path may be when code reads it as the chain `self.cfg.model.path`: when the chain names a
   * section (`model`), a value under a key path the chain ends with (`model.path`, not `multi_task.path`); else,
   * or with no known key path, by its last name (`cfg.path` may be any section's object). */
  whole(chain: string, scope?: KeyScope): Array<{ path: string; by: string }> {
    const last = chain.slice(chain.lastIndexOf(".") + 1);
    const section = chain.replace(/^self\./, "").split(".").length >= 3;
    const list = this.list(last, scope);
    return list
      .filter((v) => !section || !v.path || chain === v.path || chain.endsWith(`.${v.path}`))
      .map((v) => ({ path: v.value, by: v.by }));
  }

  /** `path` with its leading `*` replaced by each value the key holds. */
  substitute(path: string, key: string | undefined, scope?: KeyScope): Array<{ path: string; by: string }> {
    if (!key || !path.startsWith("*")) return [];
    return this.list(key, scope).map((v) => ({ path: joinRoot(v.value, path.slice(1)), by: v.by }));
  }

  private list(key: string, scope?: KeyScope): Array<{ value: string; by: string; path?: string }> {
    const list = this.values.get(key) ?? this.values.get(key.toLowerCase()) ?? this.values.get(key.toUpperCase()) ?? [];
    return scope ? scope(list) : list;
  }
}

/** `root + rest` as Python's `+` joins them: `'./data/' + 'train/x'` keeps the root's slash, `'./data' + '/x'`
 * and `'./data/' + '/x'` give one slash, `'./data' + 'x'` gives `./datax` as the code does. */
export function joinRoot(root: string, rest: string): string {
  const base = root.replace(/\/+$/, "");
  if (rest.startsWith("/")) return base + rest;
  return base.length < root.length ? `${base}/${rest}` : base + rest;
}

/** Line -> full dotted key of a YAML mapping's keys, from indentation (`model:\n  path: x` -> model.path). */
const yamlKeyPaths = (text: string) => indentedKeyPaths(text, /^(\s*)([A-Za-z_][\w.-]*)\s*:(?:\s|$)/);
