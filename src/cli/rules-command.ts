// `repro-audit rules list|explain|facts`: the built-in rules, one rule's arithmetic, the fact families.
import { builtinRulesDir, loadRules } from "../evaluate/load-rules.js";
import { explainRule } from "../evaluate/score-explain.js";
import { AREA_OF } from "../evaluate/score.js";
import { describeFamilies, factFamilies, familySchema } from "../evaluate/fact-schemas.js";
import { badInput } from "../model/errors.js";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { ruleDoc } from "../evaluate/rule-doc.js";
import type { Rule } from "../evaluate/rule.js";

/** One page per rule, docs/rules/<id>.md, from the YAML; the contract test keeps them in step. */
function writeRuleDocs(rules: readonly Rule[], dir: string): string {
  mkdirSync(dir, { recursive: true });
  for (const rule of rules) writeFileSync(join(dir, `${rule.id}.md`), ruleDoc(rule));
  return `wrote ${rules.length} rule pages to ${dir}\n`;
}

export function rulesCommand(
  action: "list" | "explain" | "facts" | "docs",
  id: string | undefined,
  format: "text" | "json",
): string {
  const rules = loadRules([builtinRulesDir()]);
  if (action === "docs") return writeRuleDocs(rules, id!);
  if (action === "explain") {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw badInput(`no rule '${id}'`, "Run repro-audit rules list to see the rule ids");
    return `${explainRule(rule)}\n`;
  }
  if (action === "facts") {
    if (format === "json")
      return `${JSON.stringify(
        factFamilies().map((id) => ({ id, ...familySchema(id) })),
        null,
        2,
      )}\n`;
    return describeFamilies();
  }
  if (format === "json") {
    const list = rules.map((r) => ({
      id: r.id,
      title: r.title,
      category: r.category,
      area: AREA_OF[r.category],
      severity: r.severity,
      effect: r.effect ?? "friction",
      weight: r.weight,
      reason: r.reason,
      ...(r.fix ? { fix: r.fix } : {}),
      ...(r.helpUri ? { helpUri: r.helpUri } : {}),
    }));
    return `${JSON.stringify(list, null, 2)}\n`;
  }
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules
    .map(
      (r) =>
        `${r.id.padEnd(width)}  ${r.category.padEnd(12)} ${r.severity.padEnd(7)} ${(r.effect ?? "friction").padEnd(8)} w${r.weight}  ${r.title}`,
    )
    .join("\n")
    .concat("\n");
}
