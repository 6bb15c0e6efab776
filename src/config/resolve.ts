// Flag over user config over repo config over default, for every tunable, with the source kept (pure).
// The audited repo's own config may only describe the training; whatever else it sets is ignored, said once.
import { dirname, isAbsolute, resolve as resolvePath } from "node:path";
import { sourced, type Origin, type Sourced } from "../model/sourced.js";
import type { Config } from "./config.js";
import {
  parseMount,
  specOf,
  TUNABLE_NAMES,
  type Flags,
  type Mount,
  type TunableName,
  type TunableValue,
} from "./tunables.js";

export type Settings = { [K in TunableName]: Sourced<TunableValue<K>> | null };

export interface ConfigSource {
  config: Config;
  /** The file it was read from (relative paths inside it are relative to its folder). */
  file: string;
}

export interface ResolveInput {
  flags: Flags;
  user?: ConfigSource;
  repo?: ConfigSource;
  /** The user vouches for the repo (their own): its config counts as theirs. */
  trustRepo?: boolean;
}

export interface Resolved {
  settings: Settings;
  /** Rule folders (absolute) and disabled rules, from the configs the audit trusts. */
  rules: Array<{ dir: string; origin: "user-config" | "repo-config" }>;
  disable: string[];
  /** One sentence per field of the repo's config that was ignored, and what was read from it. */
  notes: string[];
}

const REPO_FILE = "the repo's .repro-audit.yml";

function valueAt(config: Config, path: readonly string[]): unknown {
  let node: unknown = config;
  for (const key of path) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Config documents hold data mounts as "host:container" strings; hosts are relative to the config's folder. */
function fromConfig(name: TunableName, raw: unknown, file: string): unknown {
  // One base image or a list of them (the one whose Python the spec states is used).
  if (name === "baseImage") return [raw].flat();
  if (name !== "data") return raw;
  return (raw as string[]).map((text): Mount => {
    const mount = parseMount(text, `${file} train.data`);
    return {
      host: isAbsolute(mount.host) ? mount.host : resolvePath(dirname(file), mount.host),
      container: mount.container,
    };
  });
}

function resolveOne(name: TunableName, input: ResolveInput, repoAllowed: boolean): Sourced<unknown> | null {
  const spec = specOf(name);
  const clamp = (value: unknown) => (spec.clamp ? spec.clamp(value) : value);
  const flag = input.flags[name];
  if (flag !== undefined) return sourced(clamp(flag), "flag", spec.flag ?? name);
  const path = spec.config;
  const layers: Array<[ConfigSource | undefined, Origin, string | null]> = [
    [input.user, "user-config", null],
    [repoAllowed ? input.repo : undefined, "repo-config", REPO_FILE],
  ];
  if (path) {
    for (const [layer, origin, label] of layers) {
      const raw = layer ? valueAt(layer.config, path) : undefined;
      if (raw !== undefined)
        return sourced(clamp(fromConfig(name, raw, layer!.file)), origin, `${label ?? layer!.file} ${path.join(".")}`);
    }
  }
  return spec.default === undefined ? null : sourced(spec.default, "default", "default");
}

/** Top-level keys and nested fields the repo's config set that it may not: each is one note. */
function ignoredRepoFields(config: Config): string[] {
  const allowed = new Set(TUNABLE_NAMES.filter((n) => specOf(n).repo).map((n) => specOf(n).config!.join(".")));
  const ignored: string[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const field of Object.keys(value)) if (!allowed.has(`${key}.${field}`)) ignored.push(`${key}.${field}`);
    } else if (!allowed.has(key)) ignored.push(key);
  }
  return ignored;
}

export function resolveSettings(input: ResolveInput): Resolved {
  const trusted = input.trustRepo === true;
  const settings = {} as Record<TunableName, Sourced<unknown> | null>;
  for (const name of TUNABLE_NAMES) settings[name] = resolveOne(name, input, trusted || specOf(name).repo);
  const notes: string[] = [];
  if (input.repo) {
    const ignored = trusted ? [] : ignoredRepoFields(input.repo.config);
    for (const field of ignored)
      notes.push(
        `The repo's .repro-audit.yml sets ${field}: ignored, since only your flags and --config can set it (--trust-repo for your own repo).`,
      );
    const used = TUNABLE_NAMES.filter((n) => settings[n]?.origin === "repo-config").map((n) =>
      specOf(n).config!.join("."),
    );
    if (used.length) notes.push(`Read from the repo's .repro-audit.yml: ${used.join(", ")}.`);
  }
  const repo = trusted ? input.repo?.config : undefined;
  const rules = [
    ...(repo?.rules ?? []).map((dir) => ({ dir, origin: "repo-config" as const })),
    ...(input.user?.config.rules ?? []).map((dir) => ({ dir, origin: "user-config" as const })),
  ];
  const disable = [...(repo?.disable ?? []), ...(input.user?.config.disable ?? [])];
  return { settings: settings as Settings, rules, disable, notes };
}

/** A setting's value, or undefined when it has neither a value nor a default. */
export function valueOf<K extends TunableName>(settings: Settings, name: K): TunableValue<K> | undefined {
  return settings[name]?.value as TunableValue<K> | undefined;
}
