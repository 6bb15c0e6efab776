// Build a real git repo in a temp folder from the given files, run the static extractors up to the
// rerun-plan family over it, and hand back that family's records, or the findings of chosen rules (the
// folder is removed afterwards).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FactRecord } from "../../../../src/model/facts.js";
import type { Finding } from "../../../../src/model/finding.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { walkRepo } from "../../../../src/extract/view/walk.js";
import { builtinRulesDir, loadRules } from "../../../../src/evaluate/load-rules.js";
import { judge } from "../../../../src/evaluate/judge.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=Fixture", "-c", "user.email=fixture@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "utf8" },
  );

/** A real git repo of the given files (main, and `extra` branches made from it), handed to `use`, then removed. */
async function inRepo<T>(files: Record<string, string>, extra: string[], use: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), "rerun-plan-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "solution");
    for (const branch of extra) git(dir, "branch", branch);
    return await use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function planOf(files: Record<string, string>): Promise<FactRecord[]> {
  return inRepo(files, ["dev"], async (dir) => {
    const upTo = STATIC_EXTRACTORS.findIndex((e) => e.id === "rerun-plan");
    const facts = await extractFacts(await walkRepo(dir), STATIC_EXTRACTORS.slice(0, upTo + 1), {
      branches: ["main", "dev"],
    });
    const records = facts.families["rerun-plan"];
    if (!records) throw new Error(`rerun-plan not collected: ${facts.notCollected["rerun-plan"] ?? "unknown"}`);
    return records;
  });
}

/** Every static family's records of one family over a real git repo of the given files. */
export async function familyOf(files: Record<string, string>, family: string): Promise<FactRecord[]> {
  return inRepo(files, [], async (dir) => {
    const facts = await extractFacts(await walkRepo(dir), STATIC_EXTRACTORS, { branches: ["main"] });
    return facts.families[family] ?? [];
  });
}

/** The steps as [order, parent, cwd, program, purpose, repeat]. */
export const stepsOf = (records: readonly FactRecord[]) =>
  records.filter((r) => r.kind === "step").map((r) => [r.order, r.parent, r.cwd, r.program, r.purpose, r.repeat]);
export const reachOf = (records: readonly FactRecord[]) =>
  records.filter((r) => r.kind === "reach").map((r) => [r.file, r.step, r.via, r.from]);
export const summaryOf = (records: readonly FactRecord[]) => records.find((r) => r.kind === "summary");

/** Every static family over a real git repo of the given files, then the named built-in rules judged on them
 * (graded by the plan, as the audit grades them): each finding as [rule, file, line, severity]. */
/** A rule's severity as the first-look gate lets it act: what a finding of it is, whatever the rounds' figures. */
export function gatedSeverity(ruleId: string): string {
  const rule = loadRules([builtinRulesDir()]).find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  return rule.severity;
}

/** The severity of a finding the grading caps at a warning (unconfirmed, or placed where no plan was found),
 * under the gate's. */
export function gatedWarning(ruleId: string): string {
  const severity = gatedSeverity(ruleId);
  return severity === "error" ? "warning" : severity;
}

export async function findingsOf(
  files: Record<string, string>,
  ruleIds: readonly string[],
): Promise<Array<[string, string | null, number | null, string]>> {
  return judgedAs(files, ruleIds, (f) => f.severity);
}

/** As findingsOf, each finding as [rule, file, line, evidence]: whether the audit could confirm it. */
export async function evidenceOf(
  files: Record<string, string>,
  ruleIds: readonly string[],
): Promise<Array<[string, string | null, number | null, string]>> {
  return judgedAs(files, ruleIds, (f) => f.evidence ?? "none");
}

/** As findingsOf, each finding as [rule, file, line, place]: on the rerun plan, off it, or unknown. */
export async function placesOf(
  files: Record<string, string>,
  ruleIds: readonly string[],
): Promise<Array<[string, string | null, number | null, string]>> {
  return judgedAs(files, ruleIds, (f) => f.plan ?? "none");
}

/** The named built-in rules judged over a real git repo of the files: each finding as [rule, file, line, told]. */
async function judgedAs(
  files: Record<string, string>,
  ruleIds: readonly string[],
  told: (f: Finding) => string,
): Promise<Array<[string, string | null, number | null, string]>> {
  return inRepo(files, [], async (dir) => {
    const facts = await extractFacts(await walkRepo(dir), STATIC_EXTRACTORS, { branches: ["main"] });
    const rules = loadRules([builtinRulesDir()]).filter((r) => ruleIds.includes(r.id));
    return judge(rules, facts).findings.map((f) => [f.rule, f.file ?? null, f.line ?? null, told(f)]);
  });
}
