// The names a module binds at its top level, as `from module import name` finds them, read on tree-sitter's
// tree. Generous on purpose: every identifier outside function and class bodies counts (a load of a name no
// line binds fails by itself), as do def and class names and names a function declares global. A module
// whose names cannot be listed (a star import, a module `__getattr__`, globals(), vars(), exec, sys.modules
// edits) is open: nothing can be said to be missing from it. Pure.
import type { Node } from "web-tree-sitter";

export interface TopNames {
  names: Set<string>;
  /** The module may bind names no line spells. */
  open: boolean;
}

const DYNAMIC = /\b(?:globals|vars|locals)\s*\(|\bexec\s*\(|\bsys\.modules\b|\b__dict__\b|\bimportlib\b/;

export function topLevelNames(root: Node, text: string): TopNames {
  const names = new Set<string>();
  if (DYNAMIC.test(text) || root.descendantsOfType("wildcard_import").length > 0) return { names, open: true };
  for (const id of root.descendantsOfType("identifier")) {
    if (id.parent?.type === "global_statement") names.add(id.text);
    else if (!inBody(id)) names.add(id.text);
  }
  return { names, open: names.has("__getattr__") };
}

/** Whether an identifier lies in a function's or class's body or parameters (a def's or class's own name does
 * not: it is bound where the def stands). */
function inBody(id: Node): boolean {
  for (let node = id.parent; node; node = node.parent) {
    if (node.type !== "function_definition" && node.type !== "class_definition") continue;
    const name = node.childForFieldName("name");
    if (!(name && name.startIndex === id.startIndex)) return true;
  }
  return false;
}
