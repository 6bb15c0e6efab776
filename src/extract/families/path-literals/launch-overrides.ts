// Config values every launch of the config replaces: `model.path: /media/u/deberta` in exp.yaml, while each
// script or README command that runs with exp.yaml (`--config ../config/exp.yaml`, `--config-name exp`) passes
// `model.path=microsoft/deberta-v3-base` (or `+model.path=`, `++model.path=`). The value in the file is a default
// no rerun reads, not a path to hunt. Pure over the texts.

import { indentedKeyPaths } from "../../parse/indented-keys.js";

const KEY = /^(\s*)(?:-\s+)?["']?([\w-]+)["']?\s*:/;

/** Each line's dotted key (`model.path`), by indentation: YAML's nesting, or pretty-printed JSON's. */
export const dottedKeys = (text: string): Map<number, string> => indentedKeyPaths(text, KEY);

/** The commands of launch texts (scripts, README commands) with their `\` continuations joined. */
function commandsOf(texts: readonly string[]): string[] {
  return texts.flatMap((t) => t.replace(/\\\r?\n/g, " ").split(/\r?\n|;|&&/));
}

/** The lines of `config` whose dotted key every launch naming the config overrides on its command line; empty
 * when no launch names it. */
export function launchOverriddenLines(config: string, text: string, launches: readonly string[]): Set<number> {
  const base = config.slice(config.lastIndexOf("/") + 1);
  const stem = base.replace(/\.(?:ya?ml|json)$/i, "");
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // By a relative path (an absolute one is another copy: a run's saved config), or by hydra's config name.
  const byPath = new RegExp(`(?:^|[\\s=])["']?([^\\s"'=]*?)(?:^|/|\\b)${esc(base)}(?=$|[\\s"'])`, "g");
  const byName = new RegExp(`(?:--config-name|-cn)[\\s=]+["']?${esc(stem)}(?:\\.ya?ml)?(?=$|[\\s"'])`);
  const names = (c: string) => byName.test(c) || [...c.matchAll(byPath)].some((m) => !/^[/~$]/.test(m[1]!));
  const runs = commandsOf(launches).filter((c) => !/^\s*#/.test(c) && names(c));
  const out = new Set<number>();
  if (runs.length === 0) return out;
  for (const [line, key] of dottedKeys(text)) {
    const override = new RegExp(`(?:^|\\s)\\+{0,2}${esc(key)}=`);
    if (runs.every((c) => override.test(c))) out.add(line);
  }
  return out;
}
