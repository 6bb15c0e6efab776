// One Markdown page per built-in rule (docs/rules/<id>.md), made from its YAML (pure). `npm run docs:rules`
// writes them; test/evaluate/rule-doc.test.ts fails when one is missing or out of date.
import { AREA_OF, AREA_POINTS, BLOCK_CAP, pointsLost, SCORE_MODEL } from "./score.js";
import type { Rule } from "./rule.js";
import { FIRST_LOOK_GATE, FIRST_LOOK_NOTE, firstLookLine } from "./first-look-gate.js";
import { REPOSITORY_URL } from "../io/package.js";

/** Where the generated pages are published: SARIF's helpUri and the Markdown report's rule links point here.
 * Under package.json's repository, so a fork's package links to its own pages; null when it names none. */
const RULE_DOCS_BASE = REPOSITORY_URL ? `${REPOSITORY_URL}/blob/main/docs/rules/` : null;

/** A built-in rule's page; undefined when the package names no repository (no helpUri then). */
export function ruleDocUrl(id: string): string | undefined {
  return RULE_DOCS_BASE === null ? undefined : `${RULE_DOCS_BASE}${encodeURIComponent(id)}.md`;
}

const num = (x: number) => String(Math.round(x * 10) / 10);
const code = (value: unknown) => `\`${JSON.stringify(value)}\``;

const gatePercent = `${Math.round(FIRST_LOOK_GATE.precision * 100)}%`;
const notePercent = `${Math.round(FIRST_LOOK_NOTE.precision * 100)}%`;

/** Its precision on repos read blind, and what the gate holds back while it is under it. */
function firstLookSection(rule: Rule): string[] {
  if (!rule.firstLook) return [];
  const heldParts = rule.heldBack
    ? [
        ...(rule.heldBack.severity !== rule.severity ? [`its own severity (${rule.heldBack.severity})`] : []),
        ...(rule.heldBack.effect === "block" || rule.heldBack.blockWhen ? ["its power to block"] : []),
      ]
    : [];
  const noted = rule.heldBack && rule.severity === "info" && rule.heldBack.severity !== "info";
  const held = heldParts.length
    ? ` Under ${gatePercent}, it is held back from ${heldParts.join(" and ")} until a later round lifts it.${noted ? ` Under ${notePercent} over at least ${FIRST_LOOK_NOTE.minJudged} findings, its findings are notes (info): listed, and still costing their friction points in the score.` : ""}`
    : "";
  return ["## First-look precision", "", `${firstLookLine(rule.firstLook)}.${held}`, ""];
}

/** How conclusive its findings are, and what the rerun plan lets them do. */
function evidenceSection(rule: Rule): string[] {
  const lines =
    rule.evidence === "unconfirmed"
      ? ["Its findings are unconfirmed: a warning at most, and they never block."]
      : [
          "Its findings are conclusive: on the rerun plan they keep the rule's severity and may block.",
          ...(rule.unconfirmedWhen
            ? [
                `A finding whose record matches ${code(rule.unconfirmedWhen)} is unconfirmed: a warning at most, and it never blocks.`,
              ]
            : []),
        ];
  if (rule.infoWhen)
    lines.push(
      `A finding whose records all match ${code(rule.infoWhen)} is a note: info, never blocking, costing nothing (the record shows the case harmless).`,
    );
  return [
    "## Evidence",
    "",
    ...lines,
    "Off the rerun plan a finding is info and costs nothing; where no plan was found, a finding in code is a warning at most.",
    "",
  ];
}

export function ruleDoc(rule: Rule): string {
  const effect = rule.effect ?? "friction";
  const area = AREA_OF[rule.category];
  const of = AREA_POINTS[area];
  const where = rule.check.where ? ` where ${code(rule.check.where)}` : "";
  const lines = [
    `<!-- Generated from rules/${rule.id}.yaml by \`npm run docs:rules\`; edit the YAML, not this page. -->`,
    `# ${rule.id}`,
    "",
    `**${rule.title}**`,
    "",
    `| category | severity | effect | weight |`,
    `| --- | --- | --- | --- |`,
    `| ${rule.category} (${area}, ${of} points) | ${rule.severity} | ${effect} | ${rule.weight} |`,
    "",
    "## Why it matters",
    "",
    rule.reason,
    "",
    ...firstLookSection(rule),
    ...evidenceSection(rule),
    "## What it checks",
    "",
    rule.check.absent
      ? `One finding when the \`${rule.check.family}\` facts hold no record${where}.`
      : `One finding per record of the \`${rule.check.family}\` facts${where}` +
        (rule.group
          ? `; records with the same ${rule.group.map((g) => `\`${g}\``).join(" and ")} make one finding, each record one of its places.`
          : "."),
    ...(rule.applies
      ? [
          "",
          `Applies only when \`${rule.applies.family}\` has a record${rule.applies.where ? ` where ${code(rule.applies.where)}` : ""}; otherwise *not applicable*.`,
        ]
      : []),
    ...(rule.needs?.length
      ? ["", `Needs ${rule.needs.map((n) => `\`${n}\``).join(", ")} collected; otherwise *not assessed*.`]
      : []),
    "",
    `Message: \`${rule.message}\``,
    ...(rule.fix ? ["", "## How to fix it", "", rule.fix] : []),
    "",
    "## What it costs",
    "",
    rule.check.absent
      ? `Its finding is that the repo lacks this altogether, which blind readers weigh about as a block: it costs ${SCORE_MODEL.absenceFactor} x ${rule.weight} x log2(1 + 1) = ${num(SCORE_MODEL.absenceFactor * pointsLost(rule.weight, 1))} of the ${of} ${area} points, and the absences of ${area} together at most what a block takes (${num(of * (1 - BLOCK_CAP))}).`
      : `n findings cost ${rule.weight} x log2(1 + n) of the ${of} ${area} points: ` +
        [1, 2, 5, 20].map((n) => `${n} -> ${num(pointsLost(rule.weight, n))}`).join(", ") +
        ".",
    effect === "block"
      ? `It blocks: any finding caps ${area} at ${num(of * BLOCK_CAP)} points, whatever else is good.`
      : rule.blockWhen
        ? `It is friction, except that a finding whose record matches ${code(rule.blockWhen)} blocks: it caps ${area} at ${num(of * BLOCK_CAP)} points.`
        : "It is friction: it costs points but never caps the area.",
    "",
    "## Quiet it",
    "",
    `A line comment \`# repro-audit: ignore[${rule.id}] <reason>\` (honoured with \`--trust-repo\`), \`exclude:\` globs or \`disable: [${rule.id}]\` in your \`--config\`; each is counted in the report.`,
    "",
  ];
  return lines.join("\n");
}
