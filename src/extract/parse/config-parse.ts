// Parse a config file's text safely (JSON, YAML, TOML, INI): a value, or where and why it is malformed. Pure.
import { yamlParser } from "../../io/yaml.js";
import { parse as parseToml } from "smol-toml";
import type { ConfigFormat } from "../../model/repo-view.js";
import { jsonErrorOffset, lineAt } from "./json-error.js";

export type ParsedConfig = { ok: true; value: unknown } | { ok: false; line: number | null; message: string };

/**
 * Expanded size past which a YAML document counts as an alias bomb. js-yaml 4 resolves an alias to the
 * same object (loading "billion laughs" is fast and small), but anything that then walks the value (an
 * extractor, JSON.stringify) would visit every expanded node; so the expanded size is counted first.
 */
export const MAX_YAML_EXPANDED_NODES = 1_000_000;

export function parseConfig(text: string, format: ConfigFormat): ParsedConfig {
  switch (format) {
    case "json":
      return parseJson(text);
    case "yaml":
      return parseYaml(text);
    case "toml":
      return parseTomlText(text);
    case "ini":
      return parseIni(text);
  }
}

function parseJson(text: string): ParsedConfig {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const offset = jsonErrorOffset(text);
    return { ok: false, line: offset === null ? null : lineAt(text, offset), message: firstLine(error) };
  }
}

let tolerant: import("js-yaml").Schema | undefined;

/** The safe schema plus PyYAML's `!!python/...` tags and local `!Tag`s read as the plain value they tag: a
 * program loading with `yaml.Loader` reads such a file, so it is no syntax error. Nothing is constructed. */
function tolerantSchema(): import("js-yaml").Schema {
  if (tolerant) return tolerant;
  const yaml = yamlParser();
  const plain = (prefix: string) =>
    (["scalar", "sequence", "mapping"] as const).map(
      (kind) => new yaml.Type(prefix, { kind, multi: true, construct: (data: unknown) => data }),
    );
  return (tolerant = yaml.DEFAULT_SCHEMA.extend([...plain("tag:yaml.org,2002:python/"), ...plain("!")]));
}

function parseYaml(text: string): ParsedConfig {
  let docs: unknown[];
  try {
    // js-yaml 4's default schema is the safe one (no !!js types); several documents ("---") are allowed.
    docs = yamlParser().loadAll(text, undefined, { json: true, schema: tolerantSchema() });
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? firstLine(error);
    return { ok: false, line: typeof mark?.line === "number" ? mark.line + 1 : null, message: reason };
  }
  const value = docs.length === 1 ? docs[0] : docs;
  const size = expandedSize(value, MAX_YAML_EXPANDED_NODES);
  if (size === "cycle") return { ok: false, line: null, message: "an alias refers to itself (recursive document)" };
  if (size > MAX_YAML_EXPANDED_NODES) {
    return {
      ok: false,
      line: null,
      message: `aliases expand to more than ${MAX_YAML_EXPANDED_NODES} nodes (alias bomb)`,
    };
  }
  return { ok: true, value };
}

/** Nodes a full walk of `value` would visit, memoised by object so shared (aliased) parts cost once here. */
function expandedSize(value: unknown, limit: number): number | "cycle" {
  const memo = new Map<object, number>();
  const inProgress = new Set<object>();
  const visit = (node: unknown): number => {
    if (node === null || typeof node !== "object") return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (inProgress.has(node)) throw CYCLE;
    inProgress.add(node);
    let total = 1;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      total += visit(child);
      if (total > limit) break;
    }
    inProgress.delete(node);
    memo.set(node, total);
    return total;
  };
  try {
    return visit(value);
  } catch (error) {
    if (error === CYCLE) return "cycle";
    throw error;
  }
}
const CYCLE = Symbol("cycle");

function parseTomlText(text: string): ParsedConfig {
  try {
    return { ok: true, value: parseToml(text) };
  } catch (error) {
    const line = (error as { line?: number }).line;
    return {
      ok: false,
      line: typeof line === "number" ? line : null,
      message: firstLine(error).replace(/^Invalid TOML document: /, ""),
    };
  }
}

/**
 * INI as Python's configparser reads it: [section] headers, `key = value` or `key: value`, `;`/`#`
 * comments, indented continuation lines, keys without a value. Anything else is malformed.
 */
function parseIni(text: string): ParsedConfig {
  const value: Record<string, Record<string, string>> = {};
  let section: Record<string, string> | null = null;
  let lastKey: string | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith(";") || trimmed.startsWith("#")) continue;
    if (/^\s/.test(raw) && section && lastKey !== null) {
      section[lastKey] += `\n${trimmed}`;
      continue;
    }
    const header = /^\[([^\]]+)\]\s*([;#].*)?$/.exec(trimmed);
    if (header) {
      section = value[header[1]!.trim()] ??= {};
      lastKey = null;
      continue;
    }
    if (!section) return { ok: false, line: i + 1, message: "a key before any [section] header" };
    const pair = /^([^=:]+?)\s*(?:[=:]\s*(.*))?$/.exec(trimmed);
    if (!pair || pair[1]!.startsWith("["))
      return { ok: false, line: i + 1, message: `not a [section], key = value or comment: '${trimmed.slice(0, 60)}'` };
    lastKey = pair[1]!;
    section[lastKey] = pair[2] ?? "";
  }
  return { ok: true, value };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
}
