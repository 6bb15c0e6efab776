// Confirm lexical unbound-name candidates on tree-sitter's tree: keep a name only where the parser sees
// it loaded as a plain expression and never in a binding position.
import type { Node } from "web-tree-sitter";
import type { NameUse } from "./names-lexical.js";

/** Parent types (with the child's field, when it matters) where an identifier is not a load. */
const NOT_LOAD: Record<string, string | null> = {
  attribute: "attribute",
  keyword_argument: "name",
  function_definition: "name",
  class_definition: "name",
  dotted_name: null,
  aliased_import: null,
  parameters: null,
  lambda_parameters: null,
  default_parameter: "name",
  typed_default_parameter: "name",
  typed_parameter: null,
  list_splat_pattern: null,
  dictionary_splat_pattern: null,
  global_statement: null,
  nonlocal_statement: null,
  as_pattern_target: null,
  case_pattern: null,
  keyword_pattern: null,
  type_parameter: null,
};

/** Parent types where an identifier (in the given field, or anywhere) is bound. */
const BINDS: Record<string, string | null> = {
  assignment: "left",
  augmented_assignment: "left",
  for_statement: "left",
  for_in_clause: "left",
  named_expression: "name",
  pattern_list: null,
  tuple_pattern: null,
  list_pattern: null,
  as_pattern_target: null,
  case_pattern: null,
  global_statement: null,
  nonlocal_statement: null,
  aliased_import: "alias",
  type_alias_statement: null,
};

export function confirmUnbound(root: Node, candidates: readonly NameUse[]): NameUse[] {
  const wanted = new Set(candidates.map((c) => c.name));
  const bound = new Set<string>();
  const firstLoad = new Map<string, number>();
  /** The first load that runs at import, where one does. */
  const importLoad = new Map<string, number>();
  /** Names whose first import-time load is in the module's last statement: all above it has run by then. */
  const lastLoad = new Set<string>();
  // Visit only the identifiers the lexer saw spelling a candidate (WASM calls are the cost here).
  const ids: Array<[string, Node]> = [];
  for (const c of candidates) {
    for (const offset of c.offsets ?? []) {
      const node = root.descendantForIndex(offset, offset + c.name.length);
      if (node && node.type === "identifier" && node.startIndex === offset) ids.push([c.name, node]);
    }
  }
  for (const [name, id] of ids) {
    if (!wanted.has(name)) continue;
    const parent = id.parent;
    if (!parent || parent.type === "ERROR" || hasErrorAncestor(parent)) continue;
    if (bindsHere(id, parent)) {
      bound.add(name);
      continue;
    }
    const field = NOT_LOAD[parent.type];
    if (field === null) continue;
    if (field !== undefined && fieldIs(parent, field, id)) continue;
    if (!firstLoad.has(name)) firstLoad.set(name, id.startPosition.row + 1);
    if (!importLoad.has(name) && runsAtImport(id)) {
      importLoad.set(name, id.startPosition.row + 1);
      if (inLastStatement(id)) lastLoad.add(name);
    }
  }
  return candidates
    .filter((c) => firstLoad.has(c.name) && !bound.has(c.name))
    .map((c) =>
      importLoad.has(c.name)
        ? {
            name: c.name,
            line: importLoad.get(c.name)!,
            atImport: true,
            ...(lastLoad.has(c.name) ? { last: true } : {}),
          }
        : { name: c.name, line: firstLoad.get(c.name)! },
    );
}

/** Whether the node sits in a script's last statement (comments after it aside), a statement of its own such as a
 * call, with another such statement above it: the script's work (a submission written) is done when it fails. A
 * class or function defined last fails as the module loads, before its caller runs anything. */
function inLastStatement(id: Node): boolean {
  let node: Node = id;
  while (node.parent && node.parent.type !== "module") node = node.parent;
  if (!node.parent || node.type !== "expression_statement") return false;
  for (let next = node.nextNamedSibling; next; next = next.nextNamedSibling) if (next.type !== "comment") return false;
  for (let before = node.previousNamedSibling; before; before = before.previousNamedSibling)
    if (before.type === "expression_statement") return true;
  return false;
}

/** Whether a load runs when the module is imported or started: outside every function and lambda body and
 * outside an `if __name__ == "__main__":` block (class bodies, bases, decorators and default values run then). */
function runsAtImport(id: Node): boolean {
  let child: Node = id;
  for (let node = id.parent; node; child = node, node = node.parent) {
    if ((node.type === "function_definition" || node.type === "lambda") && fieldIs(node, "body", child)) return false;
    if (node.type === "if_statement" && /^__name__\s*==/.test(node.childForFieldName("condition")?.text ?? ""))
      return false;
  }
  return true;
}

/** Whether an assignment, loop, `with ... as`, walrus, pattern, global or import alias binds the identifier. */
export function bindsHere(id: Node, parent: Node): boolean {
  // Walk up through target containers (a, (b, c)) to the statement that binds them.
  let child = id;
  let node: Node | null = parent;
  while (
    node &&
    (node.type === "pattern_list" ||
      node.type === "tuple_pattern" ||
      node.type === "list_pattern" ||
      node.type === "tuple" ||
      node.type === "list" ||
      node.type === "parenthesized_expression" ||
      node.type === "list_splat_pattern")
  ) {
    child = node;
    node = node.parent;
  }
  if (!node) return false;
  const field = BINDS[node.type];
  if (field === undefined) return false;
  return field === null || fieldIs(node, field, child);
}

export function fieldIs(parent: Node, field: string, child: Node): boolean {
  const target = parent.childForFieldName(field);
  return target !== null && target.startIndex === child.startIndex && target.endIndex === child.endIndex;
}

function hasErrorAncestor(node: Node): boolean {
  for (let n: Node | null = node; n; n = n.parent) if (n.type === "ERROR") return true;
  return false;
}
