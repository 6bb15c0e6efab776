// Read rule files from folders (I/O) around a pure check of each document against schemas/rule.schema.json.
import { readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { packagePath } from "../io/package.js";
import { yamlParser } from "../io/yaml.js";
import { badInput } from "../model/errors.js";
import { insideRoot, readRegularFile } from "../io/safe-file.js";
import { schemaProblems } from "../io/schema.js";
import type { Rule, Where } from "./rule.js";
import { factFamilies, familyFields } from "./fact-schemas.js";
import { ruleDocUrl } from "./rule-doc.js";
import { gateByFirstLook } from "./first-look-gate.js";
import { builtRuleDocs, type RuleText } from "./built-rules.js";
import { compareText } from "../model/text-order.js";

/** A rule is a short YAML document; anything larger is refused unread. */
const MAX_RULE_BYTES = 64 * 1024;

/** The rules/ folder shipped with the package. */
export function builtinRulesDir(): string {
  return packagePath("rules");
}

/** Built-in rules first, then the trusted configs' folders; a repo's own folders only where they really lie
 * inside the repo (links resolved), so a trusted repo's config still cannot reach into the host. */
export function ruleFolders(
  extra: ReadonlyArray<{ dir: string; origin: "user-config" | "repo-config" }>,
  repoRoot: string,
): string[] {
  const outside = extra.filter((r) => r.origin === "repo-config" && !insideRoot(repoRoot, r.dir));
  if (outside.length)
    throw badInput(
      `the repo's .repro-audit.yml names rule folders outside the repo: ${outside.map((r) => r.dir).join(", ")}`,
      "Keep rule folders inside the repo",
    );
  return [builtinRulesDir(), ...extra.map((r) => r.dir)];
}

/** Pure: problems with one parsed rule document, each "<file> <pointer>: <problem>". */
export function ruleProblems(file: string, doc: unknown): string[] {
  const problems = schemaProblems("rule.schema.json", doc).map((p) => `${file} ${p}`);
  if (problems.length > 0) return problems;
  const rule = doc as Rule;
  const expectedId = basename(file).replace(/\.ya?ml$/, "");
  if (rule.id !== expectedId) problems.push(`${file} /id: must equal the file name '${expectedId}'`);
  for (const [field, matcher] of Object.entries(rule.check.where ?? {})) {
    if (matcher && typeof matcher === "object" && "matches" in matcher) {
      try {
        new RegExp(matcher.matches);
      } catch {
        problems.push(`${file} /check/where/${field}/matches: not a valid regular expression`);
      }
    }
  }
  return [...problems, ...selectorProblems(file, rule, familyFieldsOrNull)];
}

/** A family's fields, or null for a family with no schema. */
function familyFieldsOrNull(family: string): readonly string[] | null {
  return factFamilies().includes(family) ? familyFields(family) : null;
}

/** Pure: families and fields a rule's selectors name that no fact schema has. A misspelt field in `applies`
 * would otherwise match nothing and make the rule silently not applicable on every repo. */
function selectorProblems(
  file: string,
  rule: Pick<Rule, "check" | "applies" | "unless" | "blockWhen" | "unconfirmedWhen" | "infoWhen">,
  fieldsOf: (family: string) => readonly string[] | null,
): string[] {
  const problems: string[] = [];
  // An absence has no record of its own: its finding stands on the one `applies` found (see judge.ts).
  const found = rule.check.absent && rule.applies ? rule.applies.family : rule.check.family;
  const named: Array<[pointer: string, family: string, where: Where | undefined]> = [
    ["/check", rule.check.family, rule.check.where],
    ...(rule.applies
      ? [["/applies", rule.applies.family, rule.applies.where] as [string, string, Where | undefined]]
      : []),
    ...(rule.unless ? [["/unless", rule.unless.family, rule.unless.where] as [string, string, Where | undefined]] : []),
    // blockWhen, unconfirmedWhen and infoWhen match the records the finding stands on.
    ["/blockWhen", found, rule.blockWhen],
    ["/unconfirmedWhen", found, rule.unconfirmedWhen],
    ["/infoWhen", found, rule.infoWhen],
  ];
  for (const [pointer, family, where] of named) {
    const fields = fieldsOf(family);
    if (fields === null) {
      if (pointer === "/check" || pointer === "/applies" || pointer === "/unless")
        problems.push(`${file} ${pointer}/family: no fact family '${family}' (see \`repro-audit rules facts\`)`);
      continue;
    }
    const base =
      pointer === "/blockWhen" || pointer === "/unconfirmedWhen" || pointer === "/infoWhen"
        ? pointer
        : `${pointer}/where`;
    for (const field of Object.keys(where ?? {}))
      if (!fields.includes(field))
        problems.push(`${file} ${base}/${field}: '${family}' records have no field '${field}'`);
  }
  return problems;
}

/** `shipped`: a built-in rule, part of this package and checked against the schema by its tests
 * (test/evaluate/load-rules.test.ts), so a start-up does not compile the schema for it. */
/** The one check a shipped rule still gets at load: its id is its file name. */
function shippedRuleProblems(file: string, doc: unknown): string[] {
  const expectedId = basename(file).replace(/\.ya?ml$/, "");
  return (doc as Partial<Rule> | null)?.id === expectedId
    ? []
    : [`${file} /id: must equal the file name '${expectedId}'`];
}

export function parseRule(file: string, text: string, shipped = false): Rule {
  let doc: unknown;
  try {
    const yaml = yamlParser();
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    throw badInput(
      `rule file ${file} is not valid YAML (${(error as Error).message.split("\n")[0]})`,
      "Fix the YAML or remove the file",
      error,
    );
  }
  return ruleFromDoc(file, doc, shipped);
}

/** A rule from its parsed document, checked as parseRule checks it. */
function ruleFromDoc(file: string, doc: unknown, shipped: boolean): Rule {
  const problems = shipped ? shippedRuleProblems(file, doc) : ruleProblems(file, doc);
  if (problems.length > 0) {
    throw badInput(`invalid rule file: ${problems.join("; ")}`, "Fix the rule file against schemas/rule.schema.json");
  }
  return gateByFirstLook({ ...(doc as Omit<Rule, "source">), source: file });
}

/** Load every *.yaml in the given folders; a later folder's rule with the same id replaces an earlier one.
 * Built-in rules link their generated page (docs/rules/<id>.md) unless they name a help page themselves. */
export function loadRules(dirs: string[]): Rule[] {
  const byId = new Map<string, Rule>();
  const builtin = resolve(builtinRulesDir());
  for (const dir of dirs) {
    let names: string[];
    try {
      if (!statSync(dir).isDirectory()) throw new Error("not a directory");
      names = readdirSync(dir)
        .filter((n) => /\.ya?ml$/.test(n))
        .sort();
    } catch (error) {
      throw badInput(`rules folder ${dir} cannot be read`, "Check the path given in rules: of .repro-audit.yml", error);
    }
    const texts: RuleText[] = names.map((name) => {
      const read = readRegularFile(resolve(dir, name), MAX_RULE_BYTES);
      if (!read.ok)
        throw badInput(
          `rule file ${resolve(dir, name)} ${read.problem}`,
          "Rule files must be regular YAML files of at most 64 KiB",
        );
      return { name, text: read.text };
    });
    const shipped = resolve(dir) === builtin;
    // The shipped rules as the build parsed them, unless a rule file changed since.
    const built = shipped ? builtRuleDocs(texts) : null;
    for (const { name, text } of texts) {
      const file = resolve(dir, name);
      const rule = built?.has(name) ? ruleFromDoc(file, built.get(name), shipped) : parseRule(file, text, shipped);
      const page = shipped && !rule.helpUri ? ruleDocUrl(rule.id) : undefined;
      if (page) rule.helpUri = page;
      byId.set(rule.id, rule);
    }
  }
  return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
}
