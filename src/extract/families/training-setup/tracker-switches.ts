// Whether a tracker's config switch (`use_wandb` of `if cfg.use_wandb:`) is on for the planned run: the plan's own
// arguments first (`--use_wandb`, `use_wandb=false`), then the configs its steps load (`use_wandb: true` in the YAML
// the README passes), then the code's defaults (an argparse default, a dataclass field, a config dict). A switch on by
// default still starts the tracker on a stranger's rerun; the finding names it and how to turn it off. Pure.

export interface SwitchOn {
  /** The switch as the code tests it: "use_wandb". */
  name: string;
  /** Where it is set on, "configs/x.yaml:3" or "train.py:5". */
  at: string;
  /** What sets it on, as written: "use_wandb: true", "default=True". */
  written: string;
  /** How to turn it off. */
  off: string;
}

export interface PlanSwitchInputs {
  /** The arguments of each step of the plan, as written, with where the step is. */
  steps: ReadonlyArray<{ args: string; at: string }>;
  /** The configs the plan's steps load. */
  planConfigs: ReadonlyArray<{ path: string; text: string }>;
  /** The repo's other configs: read only where neither the plan nor the code says. */
  otherConfigs: ReadonlyArray<{ path: string; text: string }>;
  python: ReadonlyArray<{ path: string; text: string }>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The name as an option: `use_wandb` is also `--use-wandb`. */
const optionName = (name: string) => `(?:${escape(name)}|${escape(name.replace(/_/g, "-"))})`;
const TRUE = /^(?:true|yes|on|1)$/i;
const FALSE = /^(?:false|no|off|0|none|null)$/i;
const MAX_LINE = 2000;

type Said = { on: boolean; at: string; written: string; via: "argument" | "config" | "option" | "code" } | null;

/** The plan's arguments: `--use_wandb` alone, `--use_wandb true`, `use_wandb=false` (hydra's overrides too). */
function fromArguments(name: string, steps: PlanSwitchInputs["steps"]): Said {
  const flag = new RegExp(String.raw`(?:^|\s)--(no[-_])?${optionName(name)}(?:[=\s]+(\w+))?(?=\s|$)`);
  const assigned = new RegExp(String.raw`(?:^|\s)\+{0,2}(?:[\w.]+\.)?${escape(name)}=(\w+)(?=\s|$)`);
  for (const step of steps) {
    const set = assigned.exec(step.args);
    if (set && (TRUE.test(set[1]!) || FALSE.test(set[1]!)))
      return { on: TRUE.test(set[1]!), at: step.at, written: set[0].trim(), via: "argument" };
    const m = flag.exec(step.args);
    if (!m) continue;
    const value = m[2] && (TRUE.test(m[2]) || FALSE.test(m[2])) ? TRUE.test(m[2]) : true;
    return { on: m[1] ? !value : value, at: step.at, written: m[0].trim(), via: "argument" };
  }
  return null;
}

/** A YAML or JSON key set true or false (`use_wandb: true`, `"use_wandb": false`), the first one in the files. */
function fromConfigs(name: string, configs: PlanSwitchInputs["planConfigs"]): Said {
  const key = new RegExp(String.raw`^\s*(?:-\s+)?["']?${escape(name)}["']?\s*:\s*["']?(\w+)["']?\s*,?\s*(?:#.*)?$`);
  for (const { path, text } of configs) {
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i]!.length <= MAX_LINE ? key.exec(lines[i]!) : null;
      if (m && (TRUE.test(m[1]!) || FALSE.test(m[1]!)))
        return { on: TRUE.test(m[1]!), at: `${path}:${i + 1}`, written: m[0].trim().replace(/,$/, ""), via: "config" };
    }
  }
  return null;
}

/** The code's default: an argparse option's `default=` or store action, a class field or a config dict's key. */
function fromCode(name: string, python: PlanSwitchInputs["python"]): Said {
  const option = new RegExp(String.raw`['"]--${optionName(name)}['"]`);
  const field = new RegExp(
    String.raw`^\s*(?:[A-Za-z_][\w.]*\.)?${escape(name)}\s*(?::\s*bool\s*)?=\s*(True|False)\s*(?:#.*)?$|['"]${escape(name)}['"]\s*:\s*(True|False)\b`,
  );
  for (const { path, text } of python) {
    if (!text.includes(name) && !text.includes(name.replace(/_/g, "-"))) continue;
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.length > MAX_LINE) continue;
      // The option's name on the call's line or on one of the first lines after its `add_argument(`.
      const start = option.test(line)
        ? [i, i - 1, i - 2].find((k) => k >= 0 && lines[k]!.includes("add_argument("))
        : undefined;
      if (start !== undefined) {
        // The call's text up to its closing parenthesis (a few lines at most).
        const call = lines.slice(start, start + 8).join(" ");
        const end = call.indexOf(")", call.indexOf("add_argument(") + 13);
        const args = end >= 0 ? call.slice(0, end) : call;
        const action = /\baction\s*=\s*['"]store_(true|false)['"]/.exec(args);
        const dflt = /\bdefault\s*=\s*(True|False|1|0)\b/.exec(args);
        if (dflt) return { on: /^(?:True|1)$/.test(dflt[1]!), at: `${path}:${i + 1}`, written: dflt[0], via: "option" };
        if (action) return { on: action[1] === "false", at: `${path}:${i + 1}`, written: action[0], via: "option" };
        continue;
      }
      const m = field.exec(line);
      if (m) return { on: (m[1] ?? m[2]) === "True", at: `${path}:${i + 1}`, written: m[0].trim(), via: "code" };
    }
  }
  return null;
}

/** The first of the switches that the planned run has on, with where and how to turn it off; null when each is off
 * or its value is unknown. */
export function switchOnForPlan(names: readonly string[], inputs: PlanSwitchInputs): SwitchOn | null {
  for (const name of names) {
    const said =
      fromArguments(name, inputs.steps) ??
      fromConfigs(name, inputs.planConfigs) ??
      fromCode(name, inputs.python) ??
      fromConfigs(name, inputs.otherConfigs);
    if (!said?.on) continue;
    const file = said.at.slice(0, said.at.lastIndexOf(":"));
    const off = {
      argument: said.written.startsWith("-")
        ? `drop \`${said.written}\` from the command at ${said.at}`
        : `pass \`${said.written.replace(/=.*$/, "=false")}\` instead at ${said.at}`,
      config: `set \`${name}: false\` in ${file}`,
      option: said.written.startsWith("action")
        ? `pass \`--${name}\` (its \`${said.written}\` at ${said.at})`
        : `turn \`--${name}\` off (its \`${said.written}\` at ${said.at})`,
      code: `set \`${name}\` to False at ${said.at}`,
    }[said.via];
    return { name, at: said.at, written: said.written, off };
  }
  return null;
}
