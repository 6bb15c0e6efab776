// .repro-audit.yml: a pure validate beside a thin read. The schema is schemas/config.schema.json.
import { dirname, resolve } from "node:path";
import { yamlParser } from "../io/yaml.js";
import { badInput } from "../model/errors.js";
import { schemaProblems } from "../io/schema.js";
import { readRegularFile } from "../io/safe-file.js";
import type { StageName } from "../model/report.js";
import { countInRange, rangeWords, type CountName } from "../model/count-ranges.js";

export const CONFIG_FILE = ".repro-audit.yml";

export interface TrainConfig {
  commands?: string[];
  epochs?: number;
  folds?: number;
  models?: number;
  seeds?: number;
  measureEpochs?: number;
  batches?: number;
  epochMarker?: "start" | "end";
  timeoutSeconds?: number;
  data?: string[];
}

export interface Config {
  rules?: string[];
  disable?: string[];
  failUnder?: number;
  failOn?: "error" | "warning" | "never";
  maxWarnings?: number;
  exclude?: string[];
  stages?: StageName[];
  build?: {
    engine?: "auto" | "docker" | "podman";
    baseImage?: string | string[];
    baseImageOverride?: string;
    allowImages?: string[];
    timeoutSeconds?: number;
    indexUrl?: string;
    resolveBudgetSeconds?: number;
  };
  train?: TrainConfig;
  carbon?: { region?: string; intensity?: number; pue?: number };
}

/** The config's fields that count things, and the range each must keep (model/count-ranges.ts). */
const COUNT_FIELDS: ReadonlyArray<[keyof TrainConfig | "datasetSize", CountName]> = [
  ["epochs", "epochs"],
  ["folds", "folds"],
  ["models", "models"],
  ["seeds", "seeds"],
  ["datasetSize", "images"],
];

/** Pure: the problems with a parsed config document, each "<file> <pointer>: <problem>". */
function configProblems(file: string, doc: unknown): string[] {
  const problems = schemaProblems("config.schema.json", doc).map((p) => `${file} ${p}`);
  if (problems.length > 0) return problems;
  // JSON Schema's "integer" takes 1e308; the counts must also stay within their stated ranges.
  const train = (doc as Config).train as Record<string, unknown> | undefined;
  for (const [field, count] of COUNT_FIELDS) {
    const value = train?.[field];
    if (typeof value === "number" && !countInRange(count, value))
      problems.push(`${file} /train/${field}: must be ${rangeWords(count)}`);
  }
  return problems;
}

/** Config files are small: a larger one is refused before it is parsed. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** Pure: a config document from its text, or every problem with it ("<file> <pointer>: <problem>"). */
export type CheckedConfig = { config: Config; problems: [] } | { config: null; problems: string[]; notYaml: boolean };

export function checkConfig(file: string, text: string, baseDir = dirname(file)): CheckedConfig {
  let doc: unknown;
  try {
    // JSON_SCHEMA: no custom tags; js-yaml bounds alias expansion on its own.
    const yaml = yamlParser();
    doc = yaml.load(text, { schema: yaml.JSON_SCHEMA, filename: file }) ?? {};
  } catch (error) {
    return {
      config: null,
      problems: [`${file} is not valid YAML (${(error as Error).message.split("\n")[0]})`],
      notYaml: true,
    };
  }
  const problems = configProblems(file, doc);
  if (problems.length > 0) return { config: null, problems, notYaml: false };
  const config = doc as Config;
  // Rule folders are relative to the config file that names them.
  if (config.rules) config.rules = config.rules.map((dir) => resolve(baseDir, dir));
  return { config, problems: [] };
}

/** The user's config (trusted): any problem stops the audit with a bad-input error. */
export function parseConfig(file: string, text: string): Config {
  const checked = checkConfig(file, text);
  if (checked.config) return checked.config;
  if (checked.notYaml) throw badInput(`config ${checked.problems[0]}`, "Fix the YAML");
  throw badInput(`invalid config: ${checked.problems.join("; ")}`, "Fix it against schemas/config.schema.json");
}

export function readConfig(file: string): Config {
  const read = readRegularFile(file, MAX_CONFIG_BYTES);
  if (!read.ok)
    throw badInput(
      `config ${file} ${read.problem}`,
      "Check the path given to --config: a regular file of at most 256 KiB",
    );
  return parseConfig(file, read.text);
}
