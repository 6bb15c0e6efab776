// Which target a bare `make` runs: `.DEFAULT_GOAL`, else the first target that is no special target (`.PHONY`)
// or pattern rule. A goal that only prints the Makefile's help runs no pipeline: the target the README names
// (`make pipeline`) or the Makefile's comments call the pipeline is the one a rerun follows. Pure.

/** A target line: its names before the colon (no `:=`, no `::=`). */
const TARGET_LINE = /^([A-Za-z0-9_.%/$(){}-][^:#=]*?)\s*:(?![=:])(.*)$/;
/** Names a help goal goes by. */
const HELP_NAME = /^(?:help|usage|list|targets|info)$/i;
/** Words that say a target runs the whole solution (in its name or its `##` comment). */
const PIPELINE_WORDS = /\b(?:pipeline|all|reproduce|repro|end[- ]to[- ]end|everything|whole|full|train(?:ing)?)\b/i;

interface Target {
  name: string;
  /** Its `## ...` comment, or the `#` comment line just above it. */
  comment: string;
  recipe: string[];
}

function targetsOf(text: string): { targets: Target[]; defaultGoal: string | null } {
  const lines = text.split(/\r?\n/).slice(0, 5000);
  const targets: Target[] = [];
  let defaultGoal: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const goal = /^\.DEFAULT_GOAL\s*:?=\s*(\S+)/.exec(line);
    if (goal) defaultGoal = goal[1]!;
    if (line.startsWith("\t") || line.length > 1000) continue;
    const m = TARGET_LINE.exec(line);
    if (!m) continue;
    const recipe: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith("\t"); j++) recipe.push(lines[j]!.slice(1));
    const own = /##\s*(.*)$/.exec(m[2]!)?.[1] ?? "";
    const above = /^#+\s*(.*)$/.exec(lines[i - 1] ?? "")?.[1] ?? "";
    for (const name of m[1]!.trim().split(/\s+/))
      if (!name.startsWith(".") && !name.includes("%") && !name.includes("$"))
        targets.push({ name, comment: own || above, recipe });
  }
  return { targets, defaultGoal };
}

/** A target that only prints help: named so, or whose recipe reads the Makefile itself (`grep ... $(MAKEFILE_LIST)`). */
const printsHelp = (t: Target) =>
  HELP_NAME.test(t.name) ||
  t.recipe.some((r) => /MAKEFILE_LIST/.test(r)) ||
  (t.recipe.length > 0 && t.recipe.every((r) => /^[@-]*\s*(?:echo|printf)\b/.test(r)));

/** The target a bare `make` runs, or the pipeline target when that one only prints help; "" when the Makefile
 * has no target. `readme`: the README's text, where `make <target>` names the pipeline. */
export function makeGoal(makefile: string, readme = ""): string {
  const { targets, defaultGoal } = targetsOf(makefile);
  const goal = targets.find((t) => t.name === defaultGoal) ?? targets[0];
  if (!goal) return "";
  if (!printsHelp(goal)) return goal.name;
  const runs = targets.filter((t) => !printsHelp(t));
  const named = [...readme.matchAll(/\bmake\s+([A-Za-z0-9_][\w.-]*)/g)]
    .map((m) => runs.find((t) => t.name === m[1]))
    .find(Boolean);
  const pipeline =
    named ?? runs.find((t) => PIPELINE_WORDS.test(t.name)) ?? runs.find((t) => PIPELINE_WORDS.test(t.comment));
  return pipeline?.name ?? goal.name;
}
