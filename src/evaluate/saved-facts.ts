// Facts saved beside what the stages recorded, so an audit can be judged again offline (`repro-audit judge`).
// A saved file is input: checked here, at the boundary, against the fact schemas and the report schema.
import type { Facts } from "../model/facts.js";
import { badInput } from "../model/errors.js";
import { schemaProblems } from "../io/schema.js";
import type { AuditRecord } from "./assemble.js";
import { factProblems } from "./fact-schemas.js";
import { score } from "./score.js";

const SAVED_FACTS_KIND = "repro-audit facts";

export interface SavedFacts {
  kind: typeof SAVED_FACTS_KIND;
  schemaVersion: 1;
  record: AuditRecord;
  facts: Facts;
}

export function savedFacts(record: AuditRecord, facts: Facts): SavedFacts {
  return { kind: SAVED_FACTS_KIND, schemaVersion: 1, record, facts };
}

/** The saved facts in `text`, or a bad-input error naming the file and its first problems. */
export function parseSavedFacts(file: string, text: string): SavedFacts {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw badInput(
      `${file} is not JSON (${(error as Error).message})`,
      "Pass a file written by repro-audit audit --facts FILE",
    );
  }
  const saved = doc as Partial<SavedFacts> | null;
  if (!saved || typeof saved !== "object" || saved.kind !== SAVED_FACTS_KIND || saved.schemaVersion !== 1) {
    throw badInput(
      `${file} is not a repro-audit facts file (kind and schemaVersion 1 missing)`,
      "Pass a file written by repro-audit audit --facts FILE",
    );
  }
  const facts = saved.facts as Facts | undefined;
  if (
    !facts ||
    typeof facts.families !== "object" ||
    typeof facts.notCollected !== "object" ||
    facts.families === null ||
    facts.notCollected === null
  ) {
    throw badInput(
      `${file} /facts: must hold families and notCollected`,
      "Pass a file written by repro-audit audit --facts FILE",
    );
  }
  const problems = [
    ...factProblems(facts).map((p) => `/facts ${p}`),
    // The record must make a valid report once judged: check it with empty findings and a neutral score.
    ...schemaProblems("report.schema.json", { ...saved.record, findings: [], rules: [], score: score([]) }).map(
      (p) => `/record${p}`,
    ),
  ];
  if (problems.length)
    throw badInput(
      `${file} does not hold valid facts: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`,
      "Pass a file written by repro-audit audit --facts FILE",
    );
  return saved as SavedFacts;
}
