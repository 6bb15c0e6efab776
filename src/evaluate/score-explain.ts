// The score's arithmetic in words (pure): for --explain-score from a score, and for `rules explain` from a rule.
import { AREAS, type Score } from "../model/report.js";
import { AREA_OF, AREA_POINTS, BLOCK_CAP, pointsLost } from "./score.js";
import { firstLookLine } from "./first-look-gate.js";
import type { Rule } from "./rule.js";

const num = (x: number) => String(Math.round(x * 10) / 10);
const AREA_LIST = AREAS.map((a) => `${a} ${AREA_POINTS[a]}`).join(", ");

/** One line per area and per failing rule, then the total: every number the score rests on. */
export function explainScore(score: Score): string[] {
  const lines: string[] = [];
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
    for (const l of score.losses.filter((x) => x.area === area)) {
      lines.push(`  ${l.rule} (${l.effect}, weight ${num(l.weight)}): ${l.findings} finding(s) cost ${num(l.weight)} x log2(1 + ${l.findings}) = ${num(l.lost)}`);
    }
  }
  const assessed = AREAS.map((a) => score.areas[a]).filter((a) => a?.assessed);
  const kept = assessed.reduce((s, a) => s + (a.points ?? 0), 0);
  const of = assessed.reduce((s, a) => s + a.of, 0);
  lines.push(
    score.total === null
      ? "total: not assessed (no area was)"
      : `total = 100 x ${num(kept)} / ${of} = ${score.total}` + (of < 100 ? ` (areas not assessed are left out, not counted as full)` : ""),
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
      (rule.check.absent ? ": one finding when there is none." : rule.group ? `: one finding per distinct ${rule.group.join(" + ")}.` : ": one finding per record."),
    ...(rule.applies ? [`Applies when '${rule.applies.family}' has a record${rule.applies.where ? ` where ${JSON.stringify(rule.applies.where)}` : ""}; otherwise not applicable.`] : []),
    ...(rule.needs?.length ? [`Needs collected: ${rule.needs.join(", ")}; otherwise not assessed.`] : []),
    ...(rule.firstLook ? ["", `First look: ${firstLookLine(rule.firstLook)}.`] : []),
    ...(rule.heldBack ? [`Held back by the first-look gate from its own ${rule.heldBack.severity} severity and ${rule.heldBack.blockWhen ? "blocking case" : rule.heldBack.effect} effect until its precision reaches the gate.`] : []),
    "",
    "Score arithmetic:",
    `  its category '${rule.category}' answers the '${area}' question, worth ${of} of the 100 points (${AREA_LIST}).`,
    `  lost = weight x log2(1 + findings) = ${rule.weight} x log2(1 + n); findings -> points lost: ${costs}.`,
    effect === "block"
      ? `  blocking: any finding caps '${area}' at a third of its points (${num(of * BLOCK_CAP)}), whatever else is good.`
      : rule.blockWhen
        ? `  friction, except that a finding whose record matches ${JSON.stringify(rule.blockWhen)} blocks: it caps '${area}' at ${num(of * BLOCK_CAP)}.`
        : `  friction: it costs points but never caps '${area}'.`,
    `  an area keeps max(0, points - losses of its rules), capped when blocked; total = 100 x points kept / points of the assessed areas.`,
  ];
  return lines.join("\n");
}
