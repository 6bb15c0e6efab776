// .repro-audit.yml: a pure validate beside a thin read. The schema is schemas/config.schema.json.
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import yaml from "js-yaml";
import { badInput } from "../model/errors.js";
import { schemaProblems } from "../evaluate/schema-validator.js";
import type { StageName } from "../model/report.js";

export const CONFIG_FILE = ".repro-audit.yml";

export interface TrainConfig {
  commands?: string[];
  epochs?: number;
  folds?: number;
  models?: number;
  seeds?: number;
  measureEpochs?: number;
  batches?: number;
  timeoutSeconds?: number;
  data?: string[];
}

export interface Config {
  rules?: string[];
  disable?: string[];
  failUnder?: number;
  stages?: StageName[];
  build?: { engine?: "auto" | "docker" | "podman"; baseImage?: string; timeoutSeconds?: number };
  train?: TrainConfig;
  carbon?: { region?: string; intensity?: number; pue?: number };
}

/** Pure: the problems with a parsed config document, each "<file> <pointer>: <problem>". */
export function configProblems(file: string, doc: unknown): string[] {
  return schemaProblems("config.schema.json", doc).map((p) => `${file} ${p}`);
}

export function parseConfig(file: string, text: string): Config {
  let doc: unknown;
  try {
    // JSON_SCHEMA: no custom tags; maxAliases-like protection comes from js-yaml's own limits on small files.
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA, filename: file }) ?? {};
  } catch (error) {
    throw badInput(`config ${file} is not valid YAML (${(error as Error).message.split("\n")[0]})`, "Fix the YAML");
  }
  const problems = configProblems(file, doc);
  if (problems.length > 0) throw badInput(`invalid config: ${problems.join("; ")}`, "Fix it against schemas/config.schema.json");
  const config = doc as Config;
  // Rule folders are relative to the config file that names them.
  if (config.rules) config.rules = config.rules.map((dir) => resolve(dirname(file), dir));
  return config;
}

export function readConfig(file: string): Config {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw badInput(`config ${file} cannot be read`, "Check the path given to --config", error);
  }
  if (text.length > 256 * 1024) throw badInput(`config ${file} is over 256 KiB`, "Keep .repro-audit.yml small");
  return parseConfig(file, text);
}

/** Field-by-field merge: the user's config (later) beats the repo's (earlier); nested sections merge too. */
export function mergeConfigs(...configs: Array<Config | undefined>): Config {
  const merged: Config = {};
  for (const config of configs) {
    if (!config) continue;
    for (const [key, value] of Object.entries(config) as Array<[keyof Config, unknown]>) {
      const previous = merged[key];
      (merged as Record<string, unknown>)[key] =
        value && typeof value === "object" && !Array.isArray(value) && previous && typeof previous === "object"
          ? { ...(previous as object), ...(value as object) }
          : value;
    }
  }
  return merged;
}
