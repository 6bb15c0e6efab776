// The rerun-plan fact family read for grading (pure): which files the rerun runs, states steps in, loads and
// reads, and the plan as the report shows it. Absent family: null, and findings are graded as their rules say.
import type { FactRecord, Facts } from "../model/facts.js";
import type { PlanSection, PlanStep } from "../model/report.js";

const PLAN_FAMILY = "rerun-plan";

export interface PlanIndex {
  /** A plan was found (at least one step runs a file of the repo). */
  found: boolean;
  /** Why none was found, in a few words. */
  what: string | null;
  /** Code files a step runs, calls or imports, and the scripts, notebooks and Makefiles steps are stated in. */
  reached: ReadonlySet<string>;
  /** Files that state a step (READMEs among them). */
  stating: ReadonlySet<string>;
  /** Config files a step loads, and files a step reads. */
  loaded: ReadonlySet<string>;
  /** Modules the steps only import, with the line spans that run only when the module is run itself. */
  mainOnly: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** Reached files with the line spans of the top-level functions nothing calls. */
  uncalled: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>;
  /** Reached files with the line spans of branches the documented arguments rule out, and why. */
  ruledOut: ReadonlyMap<string, { spans: ReadonlyArray<readonly [number, number]>; why: string }>;
  /** Vendored copies of libraries (their folders) no step reaches a file of, with the library's name. */
  unreachedCopies: ReadonlyArray<{ root: string; name: string }>;
  /** Specs off the documented install route (the README installs others), with what the README installs. */
  offRouteSpecs: ReadonlyMap<string, string>;
}

/** Repo-relative paths as the families write them, without a leading "./". */
export const normalPath = (path: string) => path.replace(/^(\.\/)+/, "");

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

function summaryOf(records: readonly FactRecord[]): FactRecord | undefined {
  return records.find((r) => r.kind === "summary");
}

/** The plan's index, or null when the family was not collected (absent, or marked not collected). */
export function planIndex(facts: Facts): PlanIndex | null {
  const records = facts.families[PLAN_FAMILY];
  if (!records) return null;
  const steps = records.filter((r) => r.kind === "step");
  const reached = new Set<string>();
  const stating = new Set<string>();
  const loaded = new Set<string>();
  const mainOnly = new Map<string, Array<[number, number]>>();
  const uncalled = new Map<string, Array<[number, number]>>();
  const ruledOut = new Map<string, { spans: Array<[number, number]>; why: string }>();
  for (const r of records) {
    const file = text(r.file);
    if (r.kind === "reach" && file) reached.add(normalPath(file));
    if (r.kind === "reach" && file && text(r.mainOnly)) mainOnly.set(normalPath(file), spansOf(r.mainOnly as string));
    if (r.kind === "reach" && file && text(r.uncalled)) uncalled.set(normalPath(file), spansOf(r.uncalled as string));
    if (r.kind === "reach" && file && text(r.ruledOut))
      ruledOut.set(normalPath(file), { spans: spansOf(r.ruledOut as string), why: text(r.ruledOutWhy) ?? "" });
    if (r.kind === "io" && r.mode === "read" && text(r.path)) loaded.add(normalPath(r.path as string));
  }
  for (const s of steps) {
    const file = text(s.file);
    if (file) (stating.add(normalPath(file)), reached.add(normalPath(file)));
    const program = text(s.program);
    if (program && s.exists !== false) reached.add(normalPath(program));
    for (const config of (text(s.configs) ?? "").split(",")) if (config.trim()) loaded.add(normalPath(config.trim()));
  }
  // A step's own program runs itself, whatever an import of it by another step says.
  for (const s of steps) if (text(s.program)) mainOnly.delete(normalPath(s.program as string));
  // A copy is reached through the modules of it the steps import; one they import nothing of lies beside the rerun.
  const copies = (facts.families["vendored"] ?? []).filter(
    (r) => r.kind === "copy" && text(r.file) && !(r.why === "fork"),
  );
  const unreachedCopies = copies
    .map((r) => ({ root: normalPath(r.file as string).replace(/\/+$/, ""), name: text(r.name) ?? (r.file as string) }))
    .filter((c) => c.root !== "" && ![...reached].some((f) => f.startsWith(`${c.root}/`)));
  const summary = summaryOf(records);
  // A summary is the contract; without one, a step that runs a repo file is the plan's evidence.
  const found = typeof summary?.found === "boolean" ? summary.found : steps.some((s) => text(s.program) !== null);
  const offRouteSpecs = new Map<string, string>();
  for (const r of facts.families["env-spec"] ?? [])
    if (r.kind === "spec-file" && text(r.file) && text(r.offRoute))
      offRouteSpecs.set(normalPath(r.file as string), r.offRoute as string);
  return {
    found,
    what: text(summary?.what),
    reached,
    stating,
    loaded,
    mainOnly,
    uncalled,
    ruledOut,
    unreachedCopies,
    offRouteSpecs,
  };
}

/** "12-20,31-40" as spans; malformed parts are dropped. */
function spansOf(value: string): Array<[number, number]> {
  return value.split(",").flatMap((part) => {
    const m = /^(\d+)-(\d+)$/.exec(part.trim());
    return m ? [[Number(m[1]), Number(m[2])] as [number, number]] : [];
  });
}

function stepOf(r: FactRecord): PlanStep {
  return {
    order: typeof r.order === "number" ? r.order : 0,
    file: text(r.file) ?? "",
    ...(typeof r.line === "number" ? { line: r.line } : {}),
    cwd: text(r.cwd) ?? ".",
    command: text(r.command) ?? "",
    program: text(r.program),
    repeat: typeof r.repeat === "number" && r.repeat > 0 ? r.repeat : 1,
  };
}

/** The plan as the report carries it: its steps in order, how many code files they reach, or why there is none. */
export function planSection(facts: Facts): PlanSection {
  const records = facts.families[PLAN_FAMILY];
  if (!records)
    return { collected: false, reason: facts.notCollected[PLAN_FAMILY] ?? "this audit's facts hold no rerun plan" };
  const index = planIndex(facts)!;
  const summary = summaryOf(records);
  const steps = records
    .filter((r) => r.kind === "step")
    .map(stepOf)
    .sort((a, b) => a.order - b.order);
  const reached =
    typeof summary?.reached === "number"
      ? summary.reached
      : new Set(records.filter((r) => r.kind === "reach" && text(r.file)).map((r) => normalPath(r.file as string)))
          .size;
  return {
    collected: true,
    found: index.found,
    basis: text(summary?.basis) ?? (index.found ? "readme" : "none"),
    steps,
    reached,
    ...(index.what ? { what: index.what } : {}),
  };
}
