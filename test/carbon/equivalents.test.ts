// The fixed carbon factors: each default is declared once, in carbon/equivalents.ts, and read from there.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { DEFAULT_PUE, validatePue } from "../../src/carbon/equivalents.js";

const SRC = new URL("../../src/", import.meta.url).pathname;
const HOME = "carbon/equivalents.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Lines where a file's code (not its comments) spells `figure`: a number literal, or inside a string or template. */
function spelledAt(file: string, figure: string): number[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const pattern = new RegExp(`(^|[^\\d.])${figure.replace(".", "\\.")}(?![\\d])`);
  const lines: number[] = [];
  const visit = (node: ts.Node): void => {
    const literal =
      ts.isNumericLiteral(node) ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (literal && pattern.test(node.text)) lines.push(source.getLineAndCharacterOfPosition(node.getStart()).line + 1);
    node.forEachChild(visit);
  };
  visit(source);
  return lines;
}

describe("carbon defaults", () => {
  it("declares the default PUE once: every other file reads DEFAULT_PUE", () => {
    const elsewhere = sourceFiles(SRC)
      .filter((file) => relative(SRC, file) !== HOME)
      .flatMap((file) => spelledAt(file, String(DEFAULT_PUE)).map((line) => `${relative(SRC, file)}:${line}`));
    expect(elsewhere).toEqual([]);
  });

  it("names the default in the hint of a refused PUE", () => {
    expect(() => validatePue(0.5)).toThrow(
      expect.objectContaining({ hint: expect.stringContaining(`default ${DEFAULT_PUE}`) }),
    );
  });
});
