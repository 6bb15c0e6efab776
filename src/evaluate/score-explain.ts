// The score's arithmetic in words (pure): for --explain-score from a score (with the rerun plan that graded its
// findings), and for `rules explain` from a rule.
import type { Finding } from "../model/finding.js";
import { AREAS, type Area, type PlanSection, type PlanStep, type Score } from "../model/report.js";
import { AREA_OF, AREA_POINTS, BLOCK_CAP, pointsLost, SCORE_MODEL } from "./score.js";
import { firstLookLine } from "./first-look-gate.js";
import type { Rule } from "./rule.js";

const num = (x: number) => String(Math.round(x * 10) / 10);
const AREA_LIST = AREAS.map((a) => `${a} ${AREA_POINTS[a]}`).join(", ");

/** What graded the findings, beside the score: the report's plan and its findings. */
export interface ExplainContext {
  plan?: PlanSection;
  findings?: readonly Finding[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function stepLine(step: PlanStep): string {
  const runs = step.program === null ? "an outside tool" : `runs ${step.program}`;
  return `  ${step.order}. in ${step.cwd}: ${step.command} (${runs})${step.repeat > 1 ? `, ${step.repeat} times` : ""}`;
}

/** The plan's steps in order (working folder, command, program, repeat) and its reach, or why there is none. */
function planLines(plan: PlanSection | undefined): string[] {
  if (!plan) return [];
  if (!plan.collected)
    return [`rerun plan: not collected (${plan.reason}): findings graded as their rules are written`];
  if (!plan.found)
    return [
      `rerun plan: none found (${plan.what ?? "no step runs a file of the repo"}): findings in code are a warning at most and never block`,
    ];
  return [
    `rerun plan (from the ${plan.basis}): ${plural(plan.steps.length, "step")}, reaching ${plural(plan.reached, "code file")}`,
    ...plan.steps.map(stepLine),
  ];
}

const placeText = (f: Finding) =>
  f.file === null ? "the repository" : f.line !== null ? `${f.file}:${f.line}` : f.file;
const MAX_LISTED = 10;
const listed = (items: string[]) =>
  (items.length > MAX_LISTED ? [...items.slice(0, MAX_LISTED), `and ${items.length - MAX_LISTED} more`] : items).join(
    ", ",
  );

/** The findings of an area the plan set aside: off the plan (cost nothing), and unconfirmed or of an unknown
 * place (counted, but never an error nor a block). */
function setAsideLines(area: Area, findings: readonly Finding[]): string[] {
  const mine = findings.filter((f) => AREA_OF[f.category] === area);
  const off = mine
    .filter((f) => f.plan === "off")
    .map((f) => `${f.rule} at ${placeText(f)} (${f.planReason ?? "not on the rerun path"})`);
  const unsure = mine
    .filter((f) => f.plan !== undefined && f.plan !== "off" && (f.plan === "unknown" || f.evidence === "unconfirmed"))
    .map((f) => `${f.rule} at ${placeText(f)} (${f.plan === "unknown" ? "plan unknown" : "unconfirmed"})`);
  return [
    ...(off.length ? [`  set aside as off the plan (cost nothing): ${listed(off)}`] : []),
    ...(unsure.length ? [`  set aside as unconfirmed or plan unknown (counted, never block): ${listed(unsure)}`] : []),
  ];
}

/** The plan, then one line per area and per failing rule with what the plan set aside, then the total: every
 * number the score rests on. */
export function explainScore(score: Score, context: ExplainContext = {}): string[] {
  const lines: string[] = planLines(context.plan);
  const findings = context.findings ?? [];
  for (const area of AREAS) {
    const a = score.areas[area];
    if (!a) continue;
    if (!a.assessed || a.points === null) {
      lines.push(`${area}: not assessed (${a.reason ?? "no rule applied"}), left out of the total`);
      continue;
    }
    const left = num(Math.max(0, a.of - a.lost));
    const how = a.blockedBy.length
      ? `${a.of} - ${num(a.lost)} lost = ${left}; blocked by ${a.blockedBy.join(", ")}: capped at ${num(a.of * BLOCK_CAP)}`
      : `${a.of} - ${num(a.lost)} lost`;
    lines.push(`${area} (${a.categories.join(", ")}): ${num(a.points)} of ${a.of} (${how})`);
    const mine = score.losses.filter((x) => x.area === area);
    for (const l of mine) {
      lines.push(
        l.absence
          ? `  ${l.rule} (${l.effect}, weight ${num(l.weight)}): the repo lacks it altogether, ${SCORE_MODEL.absenceFactor} x ${num(l.weight)} x log2(1 + ${l.findings}) = ${num(l.lost)}`
          : `  ${l.rule} (${l.effect}, weight ${num(l.weight)}): ${l.findings} finding(s) cost ${num(l.weight)} x log2(1 + ${l.findings}) = ${num(l.lost)}`,
      );
    }
    const absences = mine.filter((l) => l.absence).reduce((t, l) => t + l.lost, 0);
    if (absences > a.of * (1 - BLOCK_CAP))
      lines.push(
        `  what it lacks altogether takes at most what a block takes: ${num(a.of * (1 - BLOCK_CAP))}, not ${num(absences)}`,
      );
    lines.push(...setAsideLines(area, findings));
  }
  const assessed = AREAS.map((a) => score.areas[a]).filter((a) => a?.assessed);
  const kept = assessed.reduce((s, a) => s + (a.points ?? 0), 0);
  const of = assessed.reduce((s, a) => s + a.of, 0);
  lines.push(
    score.total === null
      ? "total: not assessed (no area was)"
      : `total = 100 x ${num(kept)} / ${of} = ${score.total}` +
          (of < 100 ? ` (areas not assessed are left out, not counted as full)` : ""),
  );
  return lines;
}

/** A rule's reason, what it checks and what it costs, for `rules explain <id>`. */
export function explainRule(rule: Rule): string {
  const effect = rule.effect ?? "friction";
  const area = AREA_OF[rule.category];
  const of = AREA_POINTS[area];
  const costs = [1, 2, 5, 20].map((n) => `${n}: ${num(pointsLost(rule.weight, n))}`).join(", ");
  const lines = [
    `${rule.id} (${rule.category}, ${rule.severity}, ${effect}, weight ${rule.weight})`,
    rule.title,
    "",
    `Why: ${rule.reason}`,
    ...(rule.fix ? [`Fix: ${rule.fix}`] : []),
    "",
    `Checks: records of fact family '${rule.check.family}'${rule.check.where ? ` where ${JSON.stringify(rule.check.where)}` : ""}` +
      (rule.check.absent
        ? ": one finding when there is none."
        : rule.group
          ? `: one finding per distinct ${rule.group.join(" + ")}.`
          : ": one finding per record."),
    ...(rule.applies
      ? [
          `Applies when '${rule.applies.family}' has a record${rule.applies.where ? ` where ${JSON.stringify(rule.applies.where)}` : ""}; otherwise not applicable.`,
        ]
      : []),
    ...(rule.needs?.length ? [`Needs collected: ${rule.needs.join(", ")}; otherwise not assessed.`] : []),
    "",
    rule.evidence === "unconfirmed"
      ? "Evidence: unconfirmed; its findings are a warning at most and never block, off the rerun plan they are info and cost nothing."
      : `Evidence: conclusive${rule.unconfirmedWhen ? ` (unconfirmed where the record matches ${JSON.stringify(rule.unconfirmedWhen)}: a warning at most, never blocking)` : ""}; on the rerun plan its findings keep their severity and may block, off it they are info and cost nothing.`,
    ...(rule.firstLook ? ["", `First look: ${firstLookLine(rule.firstLook)}.`] : []),
    ...(rule.heldBack
      ? [
          `Held back by the first-look gate from its own ${rule.heldBack.severity} severity and ${rule.heldBack.blockWhen ? "blocking case" : rule.heldBack.effect} effect until its precision reaches the gate.`,
        ]
      : []),
    "",
    "Score arithmetic:",
    `  its category '${rule.category}' answers the '${area}' question, worth ${of} of the 100 points (${AREA_LIST}).`,
    rule.check.absent
      ? `  its finding is that the repo lacks this altogether: it costs ${SCORE_MODEL.absenceFactor} x weight x log2(1 + 1) = ${num(SCORE_MODEL.absenceFactor * pointsLost(rule.weight, 1))}; with the other absences of '${area}' at most what a block takes (${num(of * (1 - BLOCK_CAP))}).`
      : `  lost = weight x log2(1 + findings) = ${rule.weight} x log2(1 + n); findings -> points lost: ${costs}.`,
    effect === "block"
      ? `  blocking: any finding caps '${area}' at a third of its points (${num(of * BLOCK_CAP)}), whatever else is good.`
      : rule.blockWhen
        ? `  friction, except that a finding whose record matches ${JSON.stringify(rule.blockWhen)} blocks: it caps '${area}' at ${num(of * BLOCK_CAP)}.`
        : `  friction: it costs points but never caps '${area}'.`,
    `  an area keeps max(0, points - losses of its rules), capped when blocked; total = 100 x points kept / points of the assessed areas.`,
  ];
  return lines.join("\n");
}
