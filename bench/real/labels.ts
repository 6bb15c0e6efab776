// Hand labels of one real repo (bench/real/labels/<owner>+<name>.yaml): parsed and checked against
// labels.schema.json once, here at the boundary; the rest of the bench trusts the shape.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import yaml from "js-yaml";
import type AjvClass from "ajv";
import { describeErrors } from "../../src/io/schema.js";

const Ajv = createRequire(import.meta.url)("ajv").default as typeof AjvClass.default;

export const DEFECT_KINDS = ["machine-path", "missing-script", "undeclared-package", "py3-syntax"] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];
export const REVIEW_CATEGORIES = ["install", "data", "run", "trust"] as const;
export type ReviewCategory = (typeof REVIEW_CATEGORIES)[number];

/** A place in the repo: file null for the repository as a whole; notebooks by cell and cellLine. */
export interface Place {
  file: string | null;
  line?: number | null;
  cell?: number;
  cellLine?: number;
  /** A word the finding's message or values must hold, to pick among findings at one place. */
  hint?: string;
}

export interface FindingLabel extends Place {
  rule: string;
  verdict: "correct" | "wrong";
  why: string;
}

export interface DefectLabel extends Place {
  kind: DefectKind;
  what: string;
}

export interface Review {
  total: number;
  categories: Record<
    ReviewCategory,
    { points: number; of: number; judgement: "fine" | "friction" | "blocks"; note?: string }
  >;
  why: [string, string];
}

export interface RepoLabels {
  repo: string;
  commit: string;
  branch?: string;
  notes?: string;
  /** Every error and warning finding of the day was read: fewer than 15 exist. */
  allRead?: boolean;
  /** Rules the snapshot cannot be judged by (its artifacts, not the repo's): disabled in the bench's audit. */
  snapshot?: { disable: string[]; why: string };
  findings: FindingLabel[];
  defects: DefectLabel[];
  review: Review;
}

/** Where the label files and their schema live in the source tree (also when run from dist/). */
export function benchRealDir(): string {
  const here = fileURLToPath(new URL(".", import.meta.url));
  return here.includes("/dist/") ? join(here.slice(0, here.lastIndexOf("/dist/")), "bench", "real") : here;
}

let validate: ReturnType<AjvClass.default["compile"]> | null = null;
function validator() {
  if (validate) return validate;
  const schema = JSON.parse(readFileSync(join(benchRealDir(), "labels.schema.json"), "utf8"));
  validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validate;
}

/** Parse one label file's text. Throws one Error listing every problem with its JSON pointer. */
export function parseLabels(text: string, fileName: string): RepoLabels {
  let doc: unknown;
  try {
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA });
  } catch (error) {
    throw new Error(`${fileName}: not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const check = validator();
  if (!check(doc)) throw new Error(`${fileName}: ${describeErrors(check.errors).join("; ")}`);
  const labels = doc as RepoLabels;
  const problems = [...labels.findings, ...labels.defects].flatMap((p, i) => placeProblems(p, i));
  const sum = REVIEW_CATEGORIES.reduce((s, c) => s + labels.review.categories[c].points, 0);
  const of = REVIEW_CATEGORIES.reduce((s, c) => s + labels.review.categories[c].of, 0);
  if (of !== 100) problems.push(`/review/categories: the categories' "of" must add up to 100, not ${of}`);
  if (Math.abs(sum - labels.review.total) > 1e-9)
    problems.push(`/review/total: ${labels.review.total} is not the sum of the category points (${sum})`);
  for (const c of REVIEW_CATEGORIES) {
    const cat = labels.review.categories[c];
    if (cat.points > cat.of) problems.push(`/review/categories/${c}: ${cat.points} points out of ${cat.of}`);
  }
  if (problems.length > 0) throw new Error(`${fileName}: ${problems.join("; ")}`);
  return labels;
}

/** A notebook place needs cell and cellLine together, and then no line. */
function placeProblems(place: Place, index: number): string[] {
  const hasCell = place.cell !== undefined || place.cellLine !== undefined;
  if (!hasCell) return [];
  if (place.cell === undefined || place.cellLine === undefined)
    return [`item ${index} (${place.file}): cell and cellLine go together`];
  if (place.line !== undefined && place.line !== null)
    return [`item ${index} (${place.file}): give line or cell/cellLine, not both`];
  return [];
}

/** Every label file of the bench, keyed by the checkout folder name (<owner>+<name>). */
export function readAllLabels(dir = join(benchRealDir(), "labels")): Map<string, RepoLabels> {
  const out = new Map<string, RepoLabels>();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    out.set(f.replace(/\.yaml$/, ""), parseLabels(readFileSync(join(dir, f), "utf8"), `bench/real/labels/${f}`));
  }
  return out;
}
