// Which config module a file's `cfg.<attr>` comes from. A script that picks its config by a constant
// (`config_name = 'cfg_2'; importlib.import_module(config_name)`) or imports it (`from configs import cfg_2 as
// cfg`) reads that module's values, or those of the modules it imports (a base config), never a sibling config
// that sets the same attribute; a script whose config is named only at run time (`import_module(args.config)`)
// holds no one value where its candidates disagree. Pure: the tree and the imports through the arguments.
import type { PyImport } from "../../python/file-index.js";
import { importTargets, type ModuleTree } from "../../python/dynamic-imports.js";
import { sysPathFolders } from "../../python/sys-path-folders.js";

export interface ConfigChoice {
  /** The reading file. */
  file: string;
  /** The file itself, the modules it names or imports, and the local modules those import. */
  allowed: ReadonlySet<string>;
  /** Folders of the modules chosen: another module there is a rival config, not this file's. */
  rivalFolders: ReadonlySet<string>;
  /** Folders of modules chosen by name (`import_module(config_name)`): a rival there never stands in, even
   * where the chosen module does not set the attribute. */
  namedFolders: ReadonlySet<string>;
  /** Modules a call loads by a name known only at run time. */
  candidates: ReadonlySet<string>;
}

const folderOf = (file: string) => (file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "");
const join = (a: string, b: string) => (a === "" ? b : `${a}/${b}`);

/** The local modules an import statement loads, from the file's folder, the folders it puts on sys.path or the root. */
function localModules(imp: PyImport, file: string, bases: readonly string[], tree: ModuleTree): string[] {
  let from = bases;
  if (imp.level > 0) {
    let folder = folderOf(file);
    for (let i = 1; i < imp.level; i++) folder = folderOf(folder);
    from = [folder];
  }
  const path = imp.module.replace(/\./g, "/");
  const out: string[] = [];
  for (const base of from) {
    const dir = path === "" ? base : join(base, path);
    const found = [`${dir}.py`, `${dir}/__init__.py`].find((p) => path !== "" && tree.has(p));
    if (found) out.push(found);
    for (const name of imp.names) if (tree.has(`${dir}/${name}.py`)) out.push(`${dir}/${name}.py`);
    if (out.length > 0) break;
  }
  return out;
}

export function configChoice(
  file: string,
  text: string,
  imports: readonly PyImport[],
  tree: ModuleTree,
  importsOf: (module: string) => readonly PyImport[],
  read: (path: string) => string | null,
): ConfigChoice {
  const bases = [...new Set([folderOf(file), ...sysPathFolders(text, file, "", (p) => tree.isDir(p)), ""])];
  const targets = /import_module\(|__import__\(/.test(text)
    ? importTargets(text, folderOf(file), "", [], tree, read)
    : [];
  const named = targets.filter((t) => t.named).flatMap((t) => t.modules);
  const chosen = [...named, ...imports.filter((i) => !i.optional).flatMap((i) => localModules(i, file, bases, tree))];
  const allowed = new Set([file, ...chosen]);
  // A chosen config's own imports (`from default_config import basic_cfg`) hold the values it does not set.
  for (const m of chosen)
    for (const imp of importsOf(m)) for (const p of localModules(imp, m, [folderOf(m), ""], tree)) allowed.add(p);
  return {
    file,
    allowed,
    rivalFolders: new Set(chosen.map(folderOf)),
    namedFolders: new Set(named.map(folderOf)),
    candidates: new Set(targets.filter((t) => !t.named).flatMap((t) => t.modules)),
  };
}

/** The values of one key a file may read, in the order to try: its own modules' first; a rival config's never;
 * where the file's config is named only at run time and its candidates disagree, none of theirs. */
export function scopeValues<T extends { value: string; by: string }>(list: readonly T[], choice: ConfigChoice): T[] {
  return withinSubproject(moduleScope(list, choice), choice.file);
}

/** A data config's values (YAML, JSON) for a file inside a top folder (one subproject of several): those of
 * configs in that folder where any sets the key; a config of another subproject sharing the key name is
 * another program's. */
function withinSubproject<T extends { by: string }>(list: readonly T[], file: string): T[] {
  const top = file.includes("/") ? `${file.slice(0, file.indexOf("/"))}/` : null;
  if (top === null) return [...list];
  const isData = (v: T) => !v.by.replace(/:\d+$/, "").endsWith(".py");
  if (!list.some((v) => isData(v) && v.by.startsWith(top))) return [...list];
  return list.filter((v) => !isData(v) || v.by.startsWith(top) || !v.by.includes("/"));
}

function moduleScope<T extends { value: string; by: string }>(list: readonly T[], choice: ConfigChoice): T[] {
  const fileOf = (v: T) => v.by.replace(/:\d+$/, "");
  const isModule = (v: T) => fileOf(v).endsWith(".py");
  const own = list.filter((v) => choice.allowed.has(fileOf(v)));
  const rival = (folders: ReadonlySet<string>) => (v: T) =>
    isModule(v) && !choice.allowed.has(fileOf(v)) && folders.has(folderOf(fileOf(v)));
  if (own.length > 0) return [...own, ...list.filter((v) => !own.includes(v) && !rival(choice.rivalFolders)(v))];
  const rest = list.filter((v) => !rival(choice.namedFolders)(v));
  const open = rest.filter((v) => choice.candidates.has(fileOf(v)));
  const disagree = new Set(open.map(fileOf)).size > 1 && new Set(open.map((v) => v.value)).size > 1;
  return disagree ? rest.filter((v) => !open.includes(v)) : rest;
}
