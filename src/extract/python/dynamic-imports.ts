// Modules a file loads by a name read at run time (`importlib.import_module("configs." + args.config)`,
// `__import__(name)` after `sys.path.append("configs")`): the module the step's arguments name in that
// folder, or every module of the folder when no argument names one (pure; the tree through `has`/`modules`).

export interface ModuleTree {
  has(path: string): boolean;
  isDir(path: string): boolean;
  /** The Python modules directly in a folder. */
  modules(folder: string): string[];
}

const CALL = /\b(?:import_module|__import__)\(\s*([^)\n]*)/g;
/** A dotted prefix the name is appended to: "configs." + x, f"configs.{x}", "configs.%s" % x, "configs.{}".format(x). */
const PREFIX = /^f?(['"])([A-Za-z_][\w.]*)\.(?:\1\s*\+|\{[^}]*\}\1|%s\1\s*%|\{\}\1\.format)/;
const LITERAL = /^(['"])([A-Za-z_][\w.]*)\1\s*(?:[,)]|$)/;
/** `import_module(config_name)` after a module-level `config_name = 'cfg_2'`: the constant's value, quoted. */
function constantOf(text: string, call: string): string | null {
  const name = /^([A-Za-z_]\w*)\s*(?:[,)]|$)/.exec(call)?.[1];
  if (!name) return null;
  const assigned = [...text.matchAll(new RegExp(`^${name}\\s*=\\s*(['"])([A-Za-z_][\\w.]*)\\1\\s*(?:#.*)?$`, "gm"))];
  // One assignment only: a name set twice may hold either value when the call runs.
  return assigned.length === 1 ? `'${assigned[0]![2]!}')` : null;
}
/** `for d in 'configs models metrics'.split(): sys.path.append(f'{BASE}/{d}/')`: each word's folder, with a
 * module-level string constant put in for another name (BASE = './'). */
const LOOP_ADD =
  /^[ \t]*for\s+(\w+)\s+in\s+(?:(['"])([\w\s]+)\2\.split\(\)|\[([^\]\n]*)\])\s*:\s*\n[ \t]+sys\.path\.(?:append|insert)\(\s*(?:\d+\s*,\s*)?f(['"])([^'"\n]*)\5/gm;

function loopedPathEntries(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LOOP_ADD)) {
    const words = m[3] !== undefined ? m[3].split(/\s+/) : [...m[4]!.matchAll(/['"]([\w.-]+)['"]/g)].map((w) => w[1]!);
    for (const word of words.filter(Boolean)) {
      const entry = m[6]!.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === m[1] ? word : (pathConstant(text, name) ?? "\0"),
      );
      if (!entry.includes("\0")) out.push(entry.replace(/\/{2,}/g, "/").replace(/^(?:\.\/)+/, ""));
    }
  }
  return out;
}

/** The value of a single module-level path constant (`BASEDIR = './'`), else null. */
function pathConstant(text: string, name: string): string | null {
  const all = [...text.matchAll(new RegExp(`^${name}\\s*=\\s*[rRuU]?(['"])([\\w./-]*)\\1\\s*(?:#.*)?$`, "gm"))];
  return all.length === 1 ? all[0]![2]! : null;
}

/** The string values the modules set for an attribute (`cfg.metric = "metric_1"`), each once. */
function attributeValues(modules: readonly string[], attr: string, read: (path: string) => string | null): string[] {
  const out = new Set<string>();
  const set = new RegExp(`^\\s*\\w+\\.${attr}\\s*=\\s*[rRuU]?(['"])([A-Za-z_][\\w.]*)\\1\\s*(?:#.*)?$`, "gm");
  for (const m of modules) for (const v of (read(m) ?? "").matchAll(set)) out.add(v[2]!);
  return [...out];
}

const PATH_ADD = /\bsys\.path\.(?:append|insert)\(\s*(?:\d+\s*,\s*)?(?:os\.path\.join\([^'"]*)?(['"])([\w./-]+)\1/g;

const join = (...parts: string[]) =>
  parts
    .filter((p) => p !== "" && p !== ".")
    .join("/")
    .replace(/\/\.\//g, "/")
    .replace(/^\.\//, "");

export function dynamicImports(
  text: string,
  folder: string,
  cwd: string,
  args: readonly string[],
  tree: ModuleTree,
  read?: (path: string) => string | null,
): string[] {
  return [...new Set(importTargets(text, folder, cwd, args, tree, read).flatMap((t) => t.modules))].sort();
}

/** What each `import_module`/`__import__` call loads: `named` when a literal, a module-level constant, an
 * attribute's single value or the step's arguments name the module; else every module it may be. */
export interface ImportTarget {
  modules: string[];
  named: boolean;
}

export function importTargets(
  text: string,
  folder: string,
  cwd: string,
  args: readonly string[],
  tree: ModuleTree,
  read?: (path: string) => string | null,
): ImportTarget[] {
  const calls = [...text.matchAll(CALL)].map((m) => m[1]!.trim());
  const targets: ImportTarget[] = [];
  if (calls.length === 0) return targets;
  const bases = [...new Set([folder, cwd, ""])];
  const out = new Set<string>();
  const moduleAt = (dotted: string): string | null => {
    const path = dotted.replace(/\./g, "/");
    for (const base of bases)
      for (const candidate of [join(base, `${path}.py`), join(base, path, "__init__.py")])
        if (tree.has(candidate)) return candidate;
    return null;
  };
  // What the arguments could name: option values and positionals, as dotted module names.
  const names = args
    .map((a) => (a.startsWith("-") ? (a.includes("=") ? a.slice(a.indexOf("=") + 1) : "") : a))
    .filter((a) => /^[\w./-]+$/.test(a))
    .map((a) => a.replace(/\.py$/, "").replace(/^\.\//, "").replace(/\//g, "."));
  const folderOf = (dotted: string) =>
    bases.map((b) => join(b, dotted.replace(/\./g, "/"))).find((d) => tree.isDir(d)) ?? null;
  const added = [...[...text.matchAll(PATH_ADD)].map((m) => m[2]!), ...loopedPathEntries(text)]
    .map((p) => p.replace(/^\.\//, "").replace(/\/+$/, ""))
    .flatMap((p) =>
      bases
        .map((b) => join(b, p))
        .filter((d) => d !== "" && tree.isDir(d))
        .slice(0, 1),
    );
  for (const raw of calls) {
    // `import_module(cfg.metric)`: the value a module loaded before it sets (`cfg.metric = "metric_1"`).
    const attr = /^[A-Za-z_]\w*\.([A-Za-z_]\w*)$/.exec(raw)?.[1];
    const valued = attr && read ? attributeValues([...out], attr, read) : [];
    const call = constantOf(text, raw) ?? (valued.length === 1 ? `'${valued[0]!}'` : raw);
    const literal = LITERAL.exec(call);
    if (literal) {
      const hit =
        moduleAt(literal[2]!) ??
        added
          .map((d) =>
            tree.has(`${d}/${literal[2]!.replace(/\./g, "/")}.py`)
              ? `${d}/${literal[2]!.replace(/\./g, "/")}.py`
              : null,
          )
          .find((p) => p !== null);
      if (hit) out.add(hit);
      targets.push({ modules: hit ? [hit] : [], named: true });
      continue;
    }
    const prefix = PREFIX.exec(call);
    const folders = prefix ? [folderOf(prefix[2]!)].filter((d): d is string => d !== null) : added;
    // A name as a whole module path (`--config configs.config1`), or a module of the folder.
    const named = [
      ...names.map((n) => (prefix ? null : moduleAt(n))),
      ...folders.flatMap((d) =>
        names.map(
          (n) =>
            [`${d}/${n.replace(/\./g, "/")}.py`, `${d}/${n.slice(n.lastIndexOf(".") + 1)}.py`].find((p) =>
              tree.has(p),
            ) ?? null,
        ),
      ),
    ].filter((p): p is string => p !== null);
    const modules = named.length > 0 ? named : folders.flatMap((d) => tree.modules(d));
    for (const p of modules) out.add(p);
    targets.push({ modules: [...new Set(modules)], named: named.length > 0 });
  }
  return targets;
}
