// The config files a hydra program composes for one command line: the primary config and each group's option
// of its `defaults:` list, a `group=option` word on the command line picking another. Pure over a read function.
import { yamlParser } from "../../../io/yaml.js";
import { configNameArgument, hydraMainConfig, type HydraFiles } from "./hydra-overrides.js";

const join = (a: string, b: string) => [a, b].filter((p) => p !== "" && p !== ".").join("/");

/** A decorator naming a config folder and a config name: `@hydra.main(...)` or a project's wrapper of it (else
 * the compose API's). */
const MAIN = /@[\w.]+\(([^)]*\bconfig_name\s*=[^)]*)\)/;

/** The composed files, the winning first (the primary, whose keys hydra merges last, then the groups from
 * the last picked to the first); null when `text` declares no hydra main or its primary config is absent. */
export function hydraConfigFiles(
  text: string,
  program: string,
  args: readonly string[],
  files: HydraFiles,
): string[] | null {
  const config = hydraMainConfig(text, program, MAIN);
  if (!config) return null;
  const { root, readsArgv } = config;
  // `--config-name x` (or `-cn x`) on the command line names the primary config in place of the decorator's.
  const named = readsArgv ? configNameArgument(args) : undefined;
  const name = named ?? config.name;
  const primary = join(root, `${name.replace(/\.ya?ml$/, "")}.yaml`);
  const text0 = files.read(primary);
  if (text0 === null) return null;
  const picks = new Map<string, string>();
  for (const entry of defaultsOf(text0)) {
    if (typeof entry === "string") {
      if (entry !== "_self_") picks.set(`\0${entry}`, entry);
      continue;
    }
    if (entry === null || typeof entry !== "object") continue;
    for (const [key, option] of Object.entries(entry as Record<string, unknown>)) {
      const group = key
        .replace(/^(?:override|optional)\s+/, "")
        .replace(/@.*$/, "")
        .trim();
      if (/^[\w/]+$/.test(group) && typeof option === "string" && /^[\w./-]+$/.test(option)) picks.set(group, option);
    }
  }
  // `train=large` on the command line picks configs/train/large.yaml instead of the default's option.
  for (const word of readsArgv ? args : []) {
    const m = /^\+{0,2}([\w/]+)=([\w./-]+)$/.exec(word);
    if (m && files.isDir(join(root, m[1]!))) picks.set(m[1]!, m[2]!);
  }
  const chosen = [...picks.entries()]
    .map(([group, option]) =>
      group.startsWith("\0") ? join(root, `${option}.yaml`) : join(root, `${group}/${option}.yaml`),
    )
    .filter((f) => files.read(f) !== null);
  return [primary, ...chosen.reverse()];
}

function defaultsOf(text: string): unknown[] {
  try {
    const doc: unknown = yamlParser().load(text);
    const defaults = doc !== null && typeof doc === "object" ? (doc as Record<string, unknown>)["defaults"] : null;
    return Array.isArray(defaults) ? defaults : [];
  } catch {
    return [];
  }
}
