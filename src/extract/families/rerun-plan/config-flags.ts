// Branches behind a config key every config the steps load turns off: `if config["add_prefix"]:` or
// `if cfg.model.add_new_tokens:` in a file whose steps all load configs setting that key false (and pass no
// override of it). What such a branch reads, loads or names is off the rerun path. Read line by line. Pure.
import type { Span } from "./main-only.js";
import { blockLast } from "../../python/blocks.js";
import { configValues } from "../../python/config-lines.js";

/** The configs each step that reaches a file loads, with its command-line words; null when a step loads none
 * the audit can read (its values are then unknown). */
export type StepConfigs = () => ReadonlyArray<{
  configs: ReadonlyArray<{ path: string; text: string }>;
  args: readonly string[];
}> | null;

const HEADER = /^([ \t]*)(?:if|elif)\s+(.+?):\s*(?:#.*)?$/;
/** `config["key"]`, `self.cfg['key']`, `cfg.get("key")`: the key. */
const SUBSCRIPT = /^(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:\[\s*(['"])([\w.-]+)\1\s*\]|\.get\(\s*(['"])([\w.-]+)\3\s*\))$/;
/** `cfg.model.add_new_tokens`: the last name, under a config-like object. */
const ATTRIBUTE =
  /^(?:self\.)?(?:[A-Za-z_]\w*\.)*?(?:cfg|config|conf|hparams|opt|params|settings)\w*\.(?:[A-Za-z_]\w*\.)*([A-Za-z_]\w*)$/i;
const OFF = /^(?:false|no|off|0|null|none|~|""|'')$/i;

/** The config key a branch test reads as a flag (`config["x"]`, `cfg.a.x`), or null. */
export function flagKeyOf(test: string): string | null {
  const t = test.trim().replace(/^\((.*)\)$/, "$1");
  const sub = SUBSCRIPT.exec(t);
  if (sub) return (sub[2] ?? sub[4])!;
  return ATTRIBUTE.exec(t)?.[1] ?? null;
}

/** Whether every step's configs set `key` off: each step loads some config, every one that names the key sets
 * it false, at least one names it, and no step's words override it; with the configs in words. */
function offEverywhere(key: string, steps: NonNullable<ReturnType<StepConfigs>>): string | null {
  const named = new Set<string>();
  for (const step of steps) {
    if (step.configs.length === 0) return null;
    if (step.args.some((a) => new RegExp(`(?:^|[.\\-+])${key}=`).test(a))) return null;
    let seen = false;
    for (const c of step.configs) {
      const values = configValues(c.text).filter((v) => v.key === key);
      if (values.some((v) => !OFF.test(v.value.trim()))) return null;
      if (values.length > 0) {
        seen = true;
        named.add(c.path);
      }
    }
    if (!seen) return null;
  }
  return named.size === 0 ? null : [...named].sort().join(", ");
}

/** The body spans (1-based lines) of branches whose test needs a config key every loaded config sets false. */
export function configFlagSpans(text: string, stepConfigs: StepConfigs): Array<{ span: Span; why: string }> {
  if (!/^\s*(?:if|elif)\b/m.test(text)) return [];
  const lines = text.split("\n");
  const out: Array<{ span: Span; why: string }> = [];
  let steps: ReturnType<StepConfigs> | undefined;
  for (let i = 0; i < lines.length; i++) {
    const head = HEADER.exec(lines[i]!);
    if (!head || /\b(?:or|not)\b/.test(head[2]!)) continue;
    const keys = head[2]!.split(/\s+and\s+/).flatMap((c) => flagKeyOf(c) ?? []);
    if (keys.length === 0) continue;
    steps ??= stepConfigs();
    if (steps === null || steps.length === 0) return [];
    for (const key of keys) {
      // Code that sets the key itself may turn it on whatever the configs say.
      if (new RegExp(`\\[\\s*['"]${key}['"]\\s*\\]\\s*=[^=]|\\.${key}\\s*=[^=]`).test(text)) continue;
      const where = offEverywhere(key, steps);
      if (where === null) continue;
      const last = blockLast(lines, i);
      if (last > i)
        out.push({ span: [i + 2, last + 1], why: `${key} is false in every config the steps load (${where})` });
      break;
    }
  }
  return out;
}
