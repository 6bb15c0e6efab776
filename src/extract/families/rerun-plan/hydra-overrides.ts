// hydra's command line: `@hydra.main(config_path, config_name)` (or the compose API handed sys.argv) takes `key=value` overrides of its config
// tree (the primary file merged with the group files its `defaults:` list picks), `+key=` adds a key,
// `group=option` picks `config_path/group/option.yaml`. Pure over a read function.
import { yamlParser } from "../../../io/yaml.js";
import { joinFrom } from "./parser-view.js";

export interface HydraTree {
  /** The folder of the config files, from the repo root. */
  root: string;
  /** Every key of the merged tree, dotted ("model.depth"), parents included. */
  keys: ReadonlySet<string>;
  /** Folders under the root: the config groups. */
  groups: ReadonlySet<string>;
  /** Every file of the tree was read and understood: an unknown key is then certain. */
  complete: boolean;
  /** The command line's words reach hydra (always under `@hydra.main`; under compose, when it is handed sys.argv). */
  readsArgv: boolean;
  /** Keys whose value is hydra's mandatory marker `???` (a group whose default is `???` included), each with the
   * file that leaves it so. */
  mandatory: ReadonlyMap<string, string>;
  /** Keys some composed file gives a real value: a `???` elsewhere is then filled by the merge. */
  valued: ReadonlySet<string>;
  /** Keys some composed file sets to false, 0 or null (and none to anything else): flags the config turns off. */
  off: ReadonlySet<string>;
}

export interface HydraFiles {
  read: (path: string) => string | null;
  isDir: (path: string) => boolean;
}

const join = (a: string, b: string) =>
  [a, b]
    .filter((p) => p !== "" && p !== ".")
    .join("/")
    .replace(/\/\.\//g, "/");

/** A hydra program's config: the folder (from the repo root), the primary config's name, and whether the
 * command line's `key=value` words reach hydra. */
export interface HydraConfig {
  root: string;
  name: string;
  readsArgv: boolean;
}

const literal = (args: string, key: string) => new RegExp(`\\b${key}\\s*=\\s*["']([^"']*)["']`).exec(args)?.[1];

/** The config folder and config name a hydra decorator matched by `main` names, else the compose API's
 * (`initialize(config_path=...)` or `initialize_config_dir(config_dir=...)`, then `compose(config_name=...)`),
 * the folder resolved from the program's own; null without one, or with one above the repo (or absolute, or
 * a package path), none of ours. */
export function hydraMainConfig(
  text: string,
  program: string,
  main: RegExp = /@hydra\.main\(([^)]*)\)/,
): HydraConfig | null {
  const folder = program.includes("/") ? program.slice(0, program.lastIndexOf("/")) : "";
  const found = main.exec(text);
  if (found) {
    const path = literal(found[1]!, "config_path");
    const name = literal(found[1]!, "config_name");
    if (path === undefined || name === undefined || path.includes(":")) return null;
    const root = joinFrom(folder, path);
    return root === null ? null : { root, name, readsArgv: true };
  }
  return composeConfig(text, folder);
}

/** The compose API: hydra reads only the overrides the code hands `compose`, the command line's when it hands
 * it `sys.argv`. */
function composeConfig(text: string, folder: string): HydraConfig | null {
  const compose = /\bhydra\b/.test(text)
    ? /\bcompose\(\s*(?:["']([^"']+)["']|([^)]*\bconfig_name\s*=[^)]*))/.exec(text)
    : null;
  if (!compose) return null;
  const end = text.indexOf("\n", compose.index);
  const call = text.slice(compose.index, end < 0 ? undefined : end);
  const name = compose[1] ?? literal(compose[2]!, "config_name");
  if (name === undefined) return null;
  const readsArgv = /\boverrides\s*=\s*[^\n]*\bsys\.argv\b/.test(call);
  const initialize = /\binitialize\(([^)]*\bconfig_path\s*=[^)]*)\)/.exec(text);
  if (initialize) {
    const path = literal(initialize[1]!, "config_path");
    if (path === undefined || path.includes(":")) return null;
    const root = joinFrom(folder, path);
    return root === null ? null : { root, name, readsArgv };
  }
  // initialize_config_dir wants an absolute folder: one built from the program's own (`Path(__file__).parent / "conf"`,
  // `os.path.join(os.path.dirname(__file__), "conf")`) is ours; one from the working folder or a machine's is not known.
  const dir = /\binitialize_config_dir\(\s*(?:config_dir\s*=\s*)?([^\n]*)/.exec(text)?.[1];
  if (dir === undefined || !/__file__/.test(dir)) return null;
  const parts = [...dir.matchAll(/["']([^"']*)["']/g)].map((m) => m[1]!);
  if (parts.length === 0 || parts.some((p) => p.includes(":") || p.startsWith("/"))) return null;
  const root = joinFrom(folder, parts.join("/"));
  return root === null ? null : { root, name, readsArgv };
}

/** The tree `@hydra.main` or the compose API in `text` (the program at `program`) names; null without one or a
 * config file. */
export function hydraTree(text: string, program: string, files: HydraFiles, configName?: string): HydraTree | null {
  const config = hydraMainConfig(text, program);
  if (!config) return null;
  const { root, readsArgv } = config;
  const name = configName ?? config.name;
  const keys = new Set<string>();
  const groups = new Set<string>();
  const mandatory = new Map<string, string>();
  const valued = new Set<string>();
  const falsy = new Set<string>();
  const truthy = new Set<string>();
  let complete = true;
  const load = (file: string): Record<string, unknown> | null => {
    const source = files.read(file);
    if (source === null) return null;
    try {
      const doc: unknown = yamlParser().load(source);
      return doc !== null && typeof doc === "object" && !Array.isArray(doc) ? (doc as Record<string, unknown>) : {};
    } catch {
      return null;
    }
  };
  const addKeys = (doc: Record<string, unknown>, prefix: string, file: string) => {
    for (const [key, value] of Object.entries(doc)) {
      if (prefix === "" && key === "defaults") continue;
      const dotted = prefix ? `${prefix}.${key}` : key;
      keys.add(dotted);
      if (value === "???") {
        if (!mandatory.has(dotted)) mandatory.set(dotted, file);
      } else if (value !== null && typeof value === "object" && !Array.isArray(value))
        addKeys(value as Record<string, unknown>, dotted, file);
      else {
        valued.add(dotted);
        (value === false || value === 0 || value === null ? falsy : truthy).add(dotted);
      }
    }
  };
  const primaryFile = join(root, `${name.replace(/\.ya?ml$/, "")}.yaml`);
  const primary = load(primaryFile);
  if (primary === null) return null;
  addKeys(primary, "", primaryFile);
  const defaults = primary["defaults"];
  if (Array.isArray(defaults)) {
    for (const entry of defaults) {
      if (entry === "_self_") continue;
      if (typeof entry === "string") {
        // A file of the root merged at the top (`- base`).
        const doc = load(join(root, `${entry}.yaml`));
        if (doc === null) complete = false;
        else addKeys(doc, "", join(root, `${entry}.yaml`));
        continue;
      }
      if (entry === null || typeof entry !== "object") {
        complete = false;
        continue;
      }
      for (const [group, option] of Object.entries(entry as Record<string, unknown>)) {
        // `- model: ???`: hydra stops with "You must specify 'model'" unless the command line picks one.
        if (/^[\w/]+$/.test(group) && option === "???") {
          groups.add(group);
          mandatory.set(group.replace(/\//g, "."), primaryFile);
          continue;
        }
        // `override x`, `x@pkg`, `optional x`, a list of options, interpolations: read, but not followed.
        if (!/^[\w/]+$/.test(group) || typeof option !== "string" || option.includes("$")) {
          complete = false;
          continue;
        }
        groups.add(group);
        keys.add(group.replace(/\//g, "."));
        const doc = load(join(root, `${group}/${option}.yaml`));
        if (doc === null) complete = false;
        else addKeys(doc, group.replace(/\//g, "."), join(root, `${group}/${option}.yaml`));
      }
    }
  } else if (defaults !== undefined) complete = false;
  const off = new Set([...falsy].filter((k) => !truthy.has(k)));
  return { root, keys, groups, complete, readsArgv, mandatory, valued, off };
}

/** The `???` values hydra would stop on for this command line: those no composed file fills and no word sets,
 * each as "key (file)"; empty when nothing certain can be said (a file of the tree not read, or a word that picks
 * another option of the group the key lies in, whose file may fill it). */
export function unsetMandatory(words: readonly string[], tree: HydraTree): string[] {
  if (!tree.complete || !tree.readsArgv) return [];
  const set = new Set<string>();
  for (const word of words) {
    const m = /^[+]{0,2}([A-Za-z_][\w./@-]*)=/.exec(word);
    if (m) set.add(m[1]!.replace(/@.*$/, "").replace(/\//g, "."));
  }
  const out: string[] = [];
  for (const [key, file] of tree.mandatory) {
    if (tree.valued.has(key)) continue;
    // The key, or a group above it that a word re-picks (its new file may fill the key), is set by the command.
    const parts = key.split(".");
    if (parts.some((_, i) => set.has(parts.slice(0, i + 1).join(".")))) continue;
    out.push(`${key} (${file})`);
  }
  return out;
}

/** The primary config a command line names in place of the decorator's: `--config-name x`, `--config-name=x`,
 * `-cn x`; undefined without one. */
export function configNameArgument(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const m = /^(?:--config-name|-cn)(?:=(.+))?$/.exec(words[i]!);
    if (!m) continue;
    const value = m[1] ?? words[i + 1];
    if (value !== undefined && /^[\w./-]+$/.test(value)) return value;
  }
  return undefined;
}

/** The first override the tree rejects, and why; null when all pass or nothing certain can be said. */
export function rejectedOverride(words: readonly string[], tree: HydraTree, files: HydraFiles): string | null {
  for (const word of words) {
    const m = /^([~+]{0,2})([A-Za-z_][\w./@-]*)=(.*)$/.exec(word);
    if (!m || m[1] !== "") continue; // `+key=` adds, `++key=` adds or sets, `~key` deletes
    const [, , key, value] = m;
    if (key!.startsWith("hydra.") || key!.includes("@")) continue;
    // `model=resnet` picks a file of the group folder: the file must be there.
    if (files.isDir(join(tree.root, key!))) {
      if (/^[\w.-]+$/.test(value!) && files.read(join(tree.root, `${key}/${value}.yaml`)) === null)
        return `${word}: ${join(tree.root, key!)}/ holds no ${value}.yaml (hydra exits with 'Could not find')`;
      continue;
    }
    if (tree.keys.has(key!)) continue;
    // A key under a group the tree does not read in full may be there.
    if (!tree.complete) continue;
    return `${word}: the config tree (${tree.root || "."}) has no key ${key} (hydra exits with 'Could not override'; add it with +${key}=)`;
  }
  return null;
}
