// A name an import at module level rebinds to another kind of object, then used as only the earlier binding
// allows: `from glob import glob` ... `import glob` then `glob("x/*")` (a module is not callable: TypeError);
// `import time` ... `from time import time` then `time.time()` (a function has no attribute time:
// AttributeError). Only these two shapes, read on tree-sitter's tree; a name bound anywhere but by plain
// unconditional module-level imports, or rebound in the scope of the use, is not judged. Pure.
import type { Node } from "web-tree-sitter";
import { bindsHere, fieldIs } from "./names-confirm.js";

/** Standard modules whose member of the same name is a function (glob.glob, time.time, copy.copy, ...): after
 * `from M import M` the name is that function, and `M.attr` fails. Modules whose same-named member is a class
 * (datetime.datetime) are left out: the class has attributes (`datetime.now()`) the module-style use may mean. */
const SAME_NAMED_FUNCTIONS: ReadonlySet<string> = new Set([
  "time",
  "glob",
  "copy",
  "random",
  "pprint",
  "fnmatch",
  "bisect",
]);

export interface ShadowedUse {
  name: string;
  /** The line of the use that fails. */
  line: number;
  /** The use as written in short: `glob(...)`, `time.time`. */
  use: string;
  /** The earlier binding the use fits, and the import that rebinds the name before the use runs. */
  boundAt: number;
  reboundAt: number;
}

type Kind = "module" | "member" | "other";
interface Binding {
  at: number;
  line: number;
  kind: Kind;
  /** Directly a statement of the module (not inside an if, try, with or loop). */
  plain: boolean;
}

const SCOPES = new Set([
  "function_definition",
  "lambda",
  "class_definition",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
  "generator_expression",
]);
const DEFERRED = new Set(["function_definition", "lambda"]);
const PARAMETER_PARENTS = new Set([
  "parameters",
  "lambda_parameters",
  "typed_parameter",
  "list_splat_pattern",
  "dictionary_splat_pattern",
]);

/** Whether the identifier is bound where it stands (a target, a parameter, a def or class name, an import). */
function isBinding(id: Node): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (bindsHere(id, parent)) return true;
  if (PARAMETER_PARENTS.has(parent.type)) return true;
  if (parent.type === "default_parameter" || parent.type === "typed_default_parameter")
    return fieldIs(parent, "name", id);
  if (parent.type === "function_definition" || parent.type === "class_definition") return fieldIs(parent, "name", id);
  if (parent.type === "delete_statement") return true;
  if (parent.type === "dotted_name") return importBinding(id, parent) !== null;
  return false;
}

/** For an identifier in an import's dotted name: the kind it binds there, or null where it binds nothing. */
function importBinding(id: Node, dotted: Node): Kind | null {
  const statement = dotted.parent;
  if (statement?.type === "import_statement")
    return dotted.firstNamedChild?.startIndex === id.startIndex ? "module" : null;
  if (statement?.type === "import_from_statement" && !fieldIs(statement, "module_name", dotted)) {
    const module = statement.childForFieldName("module_name")?.text;
    return module === id.text ? "member" : "other";
  }
  return null;
}

/** What a binding at module level binds the name to. */
function kindOf(id: Node): Kind {
  const parent = id.parent!;
  if (parent.type === "dotted_name") return importBinding(id, parent) ?? "other";
  // `import a as name` binds a module; `from m import a as name` whatever a is.
  if (parent.type === "aliased_import" && parent.parent?.type === "import_statement") return "module";
  return "other";
}

/** The scopes around a node, innermost first; a def's or class's own name belongs to the scope outside it. */
function scopesOf(id: Node): Node[] {
  const out: Node[] = [];
  let child: Node = id;
  for (let node = id.parent; node; child = node, node = node.parent) {
    if (!SCOPES.has(node.type)) continue;
    if ((node.type === "function_definition" || node.type === "class_definition") && fieldIs(node, "name", child))
      continue;
    out.push(node);
  }
  return out;
}

const within = (node: Node, scope: Node) => node.startIndex >= scope.startIndex && node.endIndex <= scope.endIndex;

const COMPOUND = new Set([
  "if_statement",
  "try_statement",
  "with_statement",
  "for_statement",
  "while_statement",
  "match_statement",
]);

/** The binding runs whenever the module loads: no if, try, with, loop or match holds it. */
function plainStatement(node: Node): boolean {
  for (let n = node.parent; n; n = n.parent) if (COMPOUND.has(n.type)) return false;
  return true;
}

/** The failing uses of `names` in a parsed module (one per name and shape, the first). */
export function shadowedUses(root: Node, names: ReadonlySet<string>): ShadowedUse[] {
  // A star import or a global statement may rebind any name at module level: nothing is judged.
  if (root.descendantsOfType("wildcard_import").length > 0) return [];
  const byName = new Map<string, Node[]>();
  for (const id of root.descendantsOfType("identifier"))
    if (names.has(id.text)) (byName.get(id.text) ?? byName.set(id.text, []).get(id.text)!).push(id);
  const out: ShadowedUse[] = [];
  for (const [name, ids] of byName) {
    if (ids.some((id) => id.parent?.type === "global_statement" || id.parent?.type === "nonlocal_statement")) continue;
    const binders = ids.filter(isBinding);
    const local = binders.filter((id) => scopesOf(id).length > 0);
    const module: Binding[] = binders
      .filter((id) => scopesOf(id).length === 0)
      .map((id) => ({ at: id.startIndex, line: id.startPosition.row + 1, kind: kindOf(id), plain: plainStatement(id) }))
      .sort((a, b) => a.at - b.at);
    if (module.length < 2 || module.some((b) => !b.plain)) continue;
    const seen = new Set<string>();
    for (const id of ids) {
      if (binders.includes(id)) continue;
      const shape = shapeOf(id, name);
      if (shape === null || seen.has(shape.kind)) continue;
      const scopes = scopesOf(id);
      // Rebound in a scope of the use (a local import, a parameter, a loop variable): the module's name is not read.
      if (local.some((b) => scopes.some((s) => within(b, s)))) continue;
      const deferred = scopes.some((s) => DEFERRED.has(s.type));
      // A function runs after the module has loaded: its last binding; a line of the module: the last one above it.
      const before = deferred ? module : module.filter((b) => b.at < id.startIndex);
      const effect = before[before.length - 1];
      const earlier = before[before.length - 2];
      if (!effect || !earlier) continue;
      const fails =
        shape.kind === "call"
          ? effect.kind === "module" && earlier.kind !== "module"
          : SAME_NAMED_FUNCTIONS.has(name) && effect.kind === "member" && earlier.kind === "module";
      if (!fails) continue;
      seen.add(shape.kind);
      out.push({
        name,
        line: id.startPosition.row + 1,
        use: shape.text,
        boundAt: earlier.line,
        reboundAt: effect.line,
      });
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

/** A call of the name, or a load of a non-dunder attribute of it (`time.time`), with the use in short. */
function shapeOf(id: Node, name: string): { kind: "call" | "attribute"; text: string } | null {
  const parent = id.parent;
  if (!parent) return null;
  if (parent.type === "call" && fieldIs(parent, "function", id)) return { kind: "call", text: `${name}(...)` };
  if (parent.type === "attribute" && fieldIs(parent, "object", id)) {
    const attribute = parent.childForFieldName("attribute")?.text ?? "";
    if (!attribute || attribute.startsWith("__")) return null;
    // `time.x = ...` sets an attribute of the function, which Python allows.
    const above = parent.parent;
    if (
      above &&
      (above.type === "assignment" || above.type === "augmented_assignment") &&
      fieldIs(above, "left", parent)
    )
      return null;
    if (above?.type === "delete_statement") return null;
    return { kind: "attribute", text: `${name}.${attribute}` };
  }
  return null;
}
