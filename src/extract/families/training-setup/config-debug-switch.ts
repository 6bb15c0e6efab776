// A YAML config that sets `debug: true` where the code that loads it reads `cfg.debug` (or `cfg["debug"]`) to cut
// the training short or skip saving: committed on, the documented run trains a smoke test, unless a step passes
// the switch off (`--debug 0`, `debug=false`). Pure.
import { effectsIn, type DebugSwitch } from "./debug-switch.js";

const ON = /^\s*(debug|DEBUG)\s*:\s*(?:true|True|TRUE|yes|1)\s*(?:#.*)?$/;
const OFF_ON_STEP = /--debug(?:\s+|=)(?:0|false|False)\b|(?:^|[\s.])debug=(?:0|false|False)\b|--no-debug\b/;
const MAX_LINE = 2000;

export interface ConfigText {
  path: string;
  text: string;
}

/** Debug keys left on in the YAML configs that the plan's steps load, or that code names by file name and reads the
 * key of. `loaded`: the configs a plan step names; `steps`: the steps' arguments. */
export function configDebugSwitches(
  configs: ReadonlyArray<ConfigText>,
  python: ReadonlyArray<ConfigText>,
  steps: ReadonlyArray<{ args: string }>,
  loaded: ReadonlySet<string>,
): Array<DebugSwitch & { path: string }> {
  const out: Array<DebugSwitch & { path: string }> = [];
  const overridden = steps.some((s) => OFF_ON_STEP.test(s.args));
  for (const config of configs) {
    if (!/\.ya?ml$/i.test(config.path) || !/debug/i.test(config.text)) continue;
    const lines = config.text.split("\n");
    const at = lines.findIndex((l) => l.length <= MAX_LINE && ON.test(l));
    if (at < 0) continue;
    const key = ON.exec(lines[at]!)![1]!;
    const base = config.path.slice(config.path.lastIndexOf("/") + 1);
    const readers = python.filter((p) => loaded.has(config.path) || p.text.includes(base));
    const effects = readers.flatMap((r) =>
      [...effectsIn(r.text.split("\n"), key, "key")].map(([what, line]) => `${what} (${r.path} line ${line})`),
    );
    if (effects.length === 0) continue;
    out.push({
      path: config.path,
      line: at + 1,
      name: key,
      effects: effects.slice(0, 3).join(", "),
      off: overridden,
    });
  }
  return out;
}
