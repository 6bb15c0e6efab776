// The fact families and their fields, one JSON Schema each in schemas/facts/<id>.json: what rules may match
// and fill messages from, what `rules facts` prints, and what facts read back from a file must look like.
import { readdirSync } from "node:fs";
import type { Facts } from "../model/facts.js";
import { readDataJsonAt } from "../io/package.js";
import { schemaPath, schemaProblems } from "../io/schema.js";

export interface FamilySchema {
  title: string;
  description: string;
  properties: Record<string, { type: string | string[]; description: string }>;
}

/** Every family with a schema, sorted by id. */
export function factFamilies(): string[] {
  return readdirSync(schemaPath("facts"))
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort();
}

export function familySchema(id: string): FamilySchema | null {
  return factFamilies().includes(id) ? readDataJsonAt<FamilySchema>("schemas", "facts", `${id}.json`) : null;
}

/** The fields a family's records may carry. */
export function familyFields(id: string): string[] {
  return Object.keys(familySchema(id)?.properties ?? {});
}

/** Every record that breaks its family's schema, as "<family>[<index>] <pointer>: <problem>"; unknown families too. */
export function factProblems(facts: Facts): string[] {
  const known = new Set(factFamilies());
  const problems: string[] = [];
  for (const [family, records] of Object.entries(facts.families)) {
    if (!known.has(family)) {
      problems.push(`${family}: no such fact family (schemas/facts/${family}.json)`);
      continue;
    }
    records.forEach((record, i) => {
      for (const p of schemaProblems(`facts/${family}.json`, record)) problems.push(`${family}[${i}] ${p}`);
    });
  }
  return problems;
}

/** `repro-audit rules facts`: each family, its description and its fields. */
export function describeFamilies(): string {
  return factFamilies()
    .map((id) => {
      const schema = familySchema(id)!;
      const fields = Object.entries(schema.properties).map(([k, v]) => `  ${k}: ${v.description}`);
      return [`${id}: ${schema.description}`, ...fields].join("\n");
    })
    .join("\n\n")
    .concat("\n");
}
