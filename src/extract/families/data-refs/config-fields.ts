// A file name whose fields a config fills (`open(root / "feats" / f"v{cfg.feats_ver}.pkl")` with
// `feats_ver: "3_deic"` in a YAML config): the names the run reads, so that a write of another version
// (`v1n.pkl`) is not taken for it through the field's wildcard. Pure.
import type { ConfigKeys } from "./config-keys.js";

const MAX_NAMES = 8;

/** The read `path` with its file name's fields filled by config values, one path per value (at most a few), with
 * where the values are; [] when the line holds no f-string that spells the name, or a field no config key fills. */
export function configFilledNames(
  path: string,
  lineText: string,
  keys: ConfigKeys,
): Array<{ path: string; by: string }> {
  const cut = path.lastIndexOf("/");
  const base = path.slice(cut + 1);
  if (!base.includes("*")) return [];
  for (const m of lineText.matchAll(/\b[rR]?[fF][rR]?(["'])((?:(?!\1).)*)\1/g)) {
    const body = m[2]!;
    const fields = [...body.matchAll(/\{([^{}]+)\}/g)].map((f) => f[1]!.replace(/(?:![rsa])?(?::[^}]*)?$/, "").trim());
    if (fields.length === 0) continue;
    const template = body.replace(/\{[^{}]+\}/g, "*");
    if (template.slice(template.lastIndexOf("/") + 1) !== base) continue;
    // Each field an attribute chain or key a config sets (`cfg.feats_ver`, `self.cfg["ver"]`).
    const values = fields.map((f) => {
      const chain = /^[A-Za-z_][\w.]*(?:\[["'][\w-]+["']\])?$/.test(f)
        ? f.replace(/\[["']([\w-]+)["']\]$/, ".$1")
        : null;
      return chain === null ? [] : keys.whole(chain).filter((v) => /^[\w.-]+$/.test(v.path));
    });
    if (values.some((v) => v.length === 0)) return [];
    let names: Array<{ name: string; by: string[] }> = [{ name: base, by: [] }];
    for (const options of values)
      names = names.flatMap((n) =>
        options.map((o) => ({ name: n.name.replace("*", o.path), by: n.by.includes(o.by) ? n.by : [...n.by, o.by] })),
      );
    return names.slice(0, MAX_NAMES).map((n) => ({ path: `${path.slice(0, cut + 1)}${n.name}`, by: n.by.join(", ") }));
  }
  return [];
}
