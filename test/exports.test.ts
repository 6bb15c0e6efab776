// Every name src/ exports has an importer (in src/, test/ or bench/) or is the library's public API (src/index.ts):
// a name nobody imports is dead code that still looks like an interface.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = new URL("../", import.meta.url).pathname;
/** The public API: all it exports is used by the library's callers. */
const PUBLIC = "src/index.ts";

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? e.name === "node_modules" || e.name === "fixtures"
        ? []
        : tsFiles(join(dir, e.name))
      : /\.(ts|mts)$/.test(e.name) && !e.name.endsWith(".d.ts")
        ? [join(dir, e.name)]
        : [],
  );
}

/** A relative specifier's file ("./x.js" -> x.ts), or null for a package. */
function target(from: string, specifier: string): string | null {
  if (!specifier.startsWith(".")) return null;
  const path = resolve(dirname(from), specifier).replace(/\.js$/, ".ts");
  return relative(ROOT, path.endsWith(".ts") ? path : `${path}.ts`);
}

const ALL = "*";

interface ModuleNames {
  /** Names the file exports, with their line. */
  exported: Map<string, number>;
  /** Per imported file: the names taken from it ("*": all of them). */
  uses: Map<string, Set<string>>;
}

function readModule(file: string, text = readFileSync(file, "utf8")): ModuleNames {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const exported = new Map<string, number>();
  const uses = new Map<string, Set<string>>();
  const use = (specifier: string, name: string) => {
    const to = target(file, specifier);
    if (!to) return;
    if (!uses.has(to)) uses.set(to, new Set());
    uses.get(to)!.add(name);
  };
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const exportsItself = (node: ts.Node) =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const from = node.moduleSpecifier.text;
      const clause = node.importClause;
      if (clause?.name) use(from, "default");
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) use(from, ALL);
      if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const el of clause.namedBindings.elements) use(from, (el.propertyName ?? el.name).text);
    } else if (ts.isExportDeclaration(node)) {
      const from = node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : null;
      if (!node.exportClause) {
        if (from) use(from, ALL);
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) {
          if (from) use(from, (el.propertyName ?? el.name).text);
          if (!node.isTypeOnly && !el.isTypeOnly) exported.set(el.name.text, lineOf(el));
        }
      } else if (from) use(from, ALL);
    } else if (exportsItself(node)) {
      if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations)
          if (ts.isIdentifier(d.name)) exported.set(d.name.text, lineOf(d));
      } else if (
        (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) &&
        node.name
      ) {
        exported.set(node.name.text, lineOf(node));
      }
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg)) for (const name of dynamicNames(node)) use(arg.text, name);
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      use(
        node.argument.literal.text,
        node.qualifier ? (ts.isIdentifier(node.qualifier) ? node.qualifier.text : node.qualifier.left.getText()) : ALL,
      );
    }
    node.forEachChild(visit);
  };
  visit(source);
  return { exported, uses };
}

/** What a dynamic import takes: `const { a } = await import(x)`, `(await import(x)).a`, else everything. */
function dynamicNames(call: ts.CallExpression): string[] {
  let node: ts.Node = call;
  if (ts.isAwaitExpression(node.parent)) node = node.parent;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return [parent.name.text];
  if (ts.isVariableDeclaration(parent) && ts.isObjectBindingPattern(parent.name)) {
    const names = parent.name.elements.map((el) =>
      el.propertyName && ts.isIdentifier(el.propertyName)
        ? el.propertyName.text
        : ts.isIdentifier(el.name)
          ? el.name.text
          : null,
    );
    if (names.every((n): n is string => n !== null)) return names;
  }
  return [ALL];
}

/** Dead exports of the extraction, whose folders are being regrouped by fact family: each goes with that move.
 * Listed so that a new one still fails; an entry that is no longer dead must leave the list. */
const KNOWN_IN_EXTRACT = new Set<string>([]);

/** Each exported value of src/ that no other file imports, as "src/x.ts name" with its line. Types are left out:
 * an exported interface documents the signatures that use it. */
function deadExports(): Array<{ key: string; line: number }> {
  const files = ["src", "test", "bench"].flatMap((dir) => tsFiles(join(ROOT, dir)));
  const modules = new Map(files.map((file) => [relative(ROOT, file), readModule(file)]));
  const used = new Map<string, Set<string>>();
  for (const [file, m] of modules) {
    for (const [to, names] of m.uses) {
      if (to === file) continue;
      if (!used.has(to)) used.set(to, new Set());
      for (const name of names) used.get(to)!.add(name);
    }
  }
  const dead: Array<{ key: string; line: number }> = [];
  for (const [file, m] of modules) {
    if (!file.startsWith("src/") || file === PUBLIC) continue;
    const taken = used.get(file) ?? new Set();
    if (taken.has(ALL)) continue;
    for (const [name, line] of m.exported) if (!taken.has(name)) dead.push({ key: `${file} ${name}`, line });
  }
  return dead.sort((a, b) => (a.key < b.key ? -1 : 1));
}

describe("exports", () => {
  const dead = deadExports();

  it("every exported value of src/ is imported somewhere, or is the library's public API (src/index.ts)", () => {
    const fresh = dead
      .filter((d) => !KNOWN_IN_EXTRACT.has(d.key))
      .map((d) => `${d.key} (line ${d.line}): import it, or drop its export`);
    expect(fresh).toEqual([]);
  });

  it("lists as known only exports that are still dead", () => {
    const keys = new Set(dead.map((d) => d.key));
    expect([...KNOWN_IN_EXTRACT].filter((key) => !keys.has(key))).toEqual([]);
  });

  it("reads what a module exports and takes: aliases, lists, type-only names, dynamic imports", () => {
    const text = [
      'import { a as b, type T } from "./x.js";',
      'import * as all from "./y.js";',
      'import pkg from "node:fs";',
      'export { shared } from "./z.js";',
      'export type { OnlyType } from "./z.js";',
      "export const one = 1, two = 2;",
      "export function three() {}",
      "export interface Four {}",
      "const five = 5;",
      "export { five };",
      'const { six } = await import("./w.js");',
      'const seven = (await import("./v.js")).seven;',
    ].join("\n");
    const m = readModule(join(ROOT, "src/sample.ts"), text);
    expect([...m.exported.keys()].sort()).toEqual(["five", "one", "shared", "three", "two"]);
    expect(Object.fromEntries([...m.uses].map(([to, names]) => [to, [...names].sort()]))).toEqual({
      "src/x.ts": ["T", "a"],
      "src/y.ts": [ALL],
      "src/z.ts": ["OnlyType", "shared"],
      "src/w.ts": ["six"],
      "src/v.ts": ["seven"],
    });
  });
});
