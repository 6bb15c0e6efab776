// Find the line a value was declared on, for parsers whose libraries (YAML, TOML) do not keep lines.

/** 1-based line of the first line at or after `from` containing `needle`; `fallback` when absent. */
export function lineOf(text: string, needle: string, from = 1, fallback = 1): number {
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(0, from - 1); i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  return fallback;
}

/** 1-based line where a `[section]` header (TOML / INI) starts, or 1. */
export function sectionLine(text: string, section: string): number {
  const escaped = section.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(`^\\s*\\[\\s*${escaped}\\s*\\]`);
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => re.test(l));
  return i >= 0 ? i + 1 : 1;
}
