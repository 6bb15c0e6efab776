// Key/value pairs of YAML, JSON, TOML and INI files read line by line, so every value keeps its line; a one-line
// mapping (minified JSON) gives each pair with its key.
// (A real parse loses line numbers, and these facts need only scalar values and their keys.)

export interface ConfigValue {
  line: number;
  /** The key on that line, when there is one ("epochs" for `epochs: 20`, `"epochs": 20` or `epochs = 20`). */
  key: string | null;
  /** The scalar or inline-list text, quotes removed for a single quoted scalar. */
  value: string;
}

const KEYED = /^\s*(?:-\s+)?["']?([A-Za-z_][\w.-]*)["']?\s*[:=]\s*(.*?)\s*,?\s*$/;
const QUOTED = /"((?:[^"\\]|\\.)*)"|'([^']*)'/g;
/** A JSON pair inside a flow mapping on one line (`{"DATA_DIR": "./data", "epochs": 20}`): its key and scalar. */
const INLINE_PAIR = /["']([A-Za-z_][\w.-]*)["']\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s,{}[\]"']+))/g;

export function configValues(text: string): ConfigValue[] {
  const out: ConfigValue[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#") || trimmed.startsWith(";") || trimmed.startsWith("//")) continue;
    const keyed = KEYED.exec(raw);
    const key = keyed ? keyed[1]! : null;
    const rest = keyed ? keyed[2]! : trimmed.replace(/^-\s+/, "").replace(/,$/, "");
    const quoted = [...rest.matchAll(QUOTED)].map((m) => (m[1] !== undefined ? m[1].replace(/\\\\/g, "\\") : m[2]!));
    // A one-line mapping (minified JSON, a YAML flow map) keeps each pair's own key.
    const pairs = rest.startsWith("{") ? [...rest.matchAll(INLINE_PAIR)] : [];
    if (pairs.length > 0) {
      for (const p of pairs) {
        const value = p[2] !== undefined ? p[2].replace(/\\\\/g, "\\") : (p[3] ?? p[4]!);
        out.push({ line: i + 1, key: p[1]!, value });
      }
      continue;
    }
    if (quoted.length === 1 && /^["'].*["']$/.test(rest)) out.push({ line: i + 1, key, value: quoted[0]! });
    else if (rest && !rest.startsWith("{") && (quoted.length === 0 || rest.startsWith("[")))
      out.push({ line: i + 1, key, value: rest.replace(/\s+#.*$/, "") });
    else for (const q of quoted) out.push({ line: i + 1, key, value: q });
  }
  return out;
}

/** Config files worth scanning: not lock files or huge generated JSON. */
export function scannableConfig(path: string, size: number): boolean {
  return (
    size <= 1_000_000 &&
    !/(?:^|\/)(?:package-lock\.json|.*\.lock|yarn\.lock|tsconfig.*\.json)$/.test(path) &&
    !path.endsWith(".ipynb")
  );
}
