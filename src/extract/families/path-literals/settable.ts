// Machine paths a reader sets rather than hunts: an argparse default every README command overrides, a
// dataclass default the file's parser fills, a value in the file the README says to edit, a module default a caller overwrites, a Kaggle path in a
// branch that runs only on Kaggle. Pure.
import type { PyFileIndex } from "../../python/file-index.js";
import type { PyCall } from "../../python/call-args.js";
import { parseReadme } from "../../shell/readme-parse.js";

/** Why a stranger need not hunt the path: the option, the config, the caller or the platform sets it. */
export type Settable =
  | "option-overridden"
  | "parser-filled"
  | "config-to-edit"
  | "overwritten"
  | "kaggle-branch"
  | "argument-default"
  | "launch-overridden"
  | "logging-only";

export interface ReadmeCommand {
  command: string;
  /** The script the command runs, from the repo root; null when none. */
  script: string | null;
}

/** A two-stage parser's config loader: `parser.set_defaults(**yaml.safe_load(f))` (timm's `-c config.yaml`). */
const SET_DEFAULTS_FROM_CONFIG = /\.set_defaults\(\s*\*\*/;

/** What a README command's config file sets: the file's top-level keys, by the repo's reader. */
export interface ConfigDefaults {
  /** The script's source, where a `set_defaults(**...)` says a loaded config's keys become the defaults. */
  source: string;
  read: (path: string) => string | null;
}

/** The option's dest: `dest=`, else its first long flag (`--data-dir` -> data_dir), else its positional name. */
function destOf(call: PyCall, flags: readonly string[]): string | null {
  const dest = call.args.find((a) => a.name === "dest" && a.kind === "string")?.value;
  if (dest) return dest;
  const long = flags.find((f) => f.startsWith("--")) ?? flags.find((f) => !f.startsWith("-"));
  return long ? long.replace(/^-+/, "").replace(/-/g, "_") : null;
}

/** The value a command's words give a flag (`-c x.yaml`, `--config=x.yaml`). */
function flagValue(words: readonly string[], flags: readonly string[]): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (flags.includes(w)) return words[i + 1] ?? null;
    const eq = flags.find((f) => f.startsWith("--") && w.startsWith(`${f}=`));
    if (eq) return w.slice(eq.length + 1);
  }
  return null;
}

/** The top-level keys of a YAML config (capped read by the view; a plain scan, no parse). */
function topLevelKeys(text: string): Set<string> {
  return new Set([...text.matchAll(/^([A-Za-z_][\w-]*)\s*:/gm)].map((m) => m[1]!.replace(/-/g, "_")));
}

/** The path defaults of `add_argument` calls whose option every README command running the file passes, or
 * whose dest the config each such command loads sets (`-c configs/a.yaml` then `set_defaults(**cfg)`). */
export function overriddenDefaults(
  file: PyFileIndex,
  commands: readonly ReadmeCommand[],
  configs?: ConfigDefaults,
): Set<string> {
  const out = new Set<string>();
  const runs = commands.filter((c) => c.script === file.path).map((c) => c.command.split(/\s+/));
  if (runs.length === 0) return out;
  const options = file.calls
    .filter((call) => /(?:^|\.)add_argument$/.test(call.callee))
    .map((call) => ({
      call,
      flags: call.args.filter((a) => a.name === null && a.kind === "string").map((a) => a.value),
    }));
  // The keys of the config each run loads, where the script makes a loaded config's keys its defaults.
  const configFlags = options.find((o) => o.flags.some((f) => /^-c$|^--\w*config\w*$/.test(f)))?.flags ?? [];
  const loaded =
    configs && configFlags.length > 0 && SET_DEFAULTS_FROM_CONFIG.test(configs.source)
      ? runs.map((words) => {
          const path = flagValue(words, configFlags)
            ?.replace(/^\.\//, "")
            .replace(/^["']|["']$/g, "");
          const text = path ? configs.read(path) : null;
          return text === null ? new Set<string>() : topLevelKeys(text);
        })
      : runs.map(() => new Set<string>());
  for (const { call, flags } of options) {
    const value = call.args.find((a) => a.name === "default" && a.kind === "string")?.value;
    const dashed = flags.filter((f) => f.startsWith("-"));
    const dest = destOf(call, flags);
    if (value === undefined || (dashed.length === 0 && dest === null)) continue;
    const set = (words: string[], k: number) =>
      words.some((w) => dashed.some((f) => w === f || w.startsWith(`${f}=`))) ||
      (dest !== null && loaded[k]!.has(dest));
    if (runs.every(set)) out.add(value);
  }
  return out;
}

const EDIT = /\b(?:edit|change|modify|set|update|fill(?:\s+in)?|adjust|specify|configure|replace|point)\b/i;
const FILE_WORD = /[\w./-]*[\w-]\.(?:py|ya?ml|json|cfg|ini|toml|conf|txt|sh)\b/g;

/** The repo files a README line tells the reader to edit ("Edit `paths.py` to point at your data"). */
export function configsToEdit(readmes: ReadonlyArray<{ text: string }>, repoFiles: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const { text } of readmes) {
    for (const line of text.split(/\r?\n/)) {
      const verb = EDIT.exec(line);
      if (!verb) continue;
      for (const m of line.matchAll(FILE_WORD)) {
        // The verb governs the file: it comes shortly before it, and no command line runs the file.
        const between = line.slice(verb.index, m.index);
        if (m.index < verb.index || between.length > 80 || /\bpython\d?\b|\brun\b/i.test(between)) continue;
        // "set `cfg.neptune_project` in cfg_1.py": the one setting named is the edit, not the file's paths.
        if (namesOtherSetting(between)) continue;
        const word = m[0].replace(/^\.\//, "");
        for (const f of repoFiles) if (f === word || (!word.includes("/") && f.endsWith(`/${word}`))) out.add(f);
      }
    }
  }
  return out;
}

const PATH_WORD = /path|dir|folder|root|file|data|input|output|mount|drive/i;

/** Does the text name one setting in code quotes (`cfg.neptune_project`) that holds no path? */
function namesOtherSetting(text: string): boolean {
  const named = [...text.matchAll(/`([A-Za-z_][\w.]*)`/g)]
    .map((m) => m[1]!)
    .filter((n) => !/\.(?:py|ya?ml|json|cfg|ini|toml|conf|txt|sh)$/.test(n));
  return named.length > 0 && named.every((n) => !PATH_WORD.test(n.slice(n.lastIndexOf(".") + 1)));
}

/** An assignment of a quoted value (`models_dir = '../../models'`, `data: "../input"`), as a README quotes a config. */
const MAX_QUOTED_BLOCKS = 40;
const QUOTED_SETTING = /^[\w.]+\s*[:=]\s*(['"])[^'"]+\1,?$/;

/** The repo files whose settings a README quotes in a code block just after telling the reader to edit them
 * ("change these variables:" then the config class): the file is the one to edit though its name is not given. */
export function configsQuoted(
  readmes: ReadonlyArray<{ text: string }>,
  files: readonly string[],
  read: (path: string) => string | null,
): Set<string> {
  const out = new Set<string>();
  for (const { text } of readmes) {
    const raw = text.split(/\r?\n/);
    const blocks = new Map<number, Array<{ line: number; text: string }>>();
    for (const c of parseReadme(text).code) (blocks.get(c.block) ?? blocks.set(c.block, []).get(c.block)!).push(c);
    // Each quoted block is looked for in every file: a README's first few blocks are where its setup is.
    for (const lines of [...blocks.values()].slice(0, MAX_QUOTED_BLOCKS)) {
      const first = lines[0]!.line;
      // The edit sentence sits in the few lines before the block (its fence line included).
      if (!raw.slice(Math.max(0, first - 5), first - 1).some((l) => EDIT.test(l) && !/^\s*(?:`{3}|~{3})/.test(l)))
        continue;
      const quoted = lines.map((l) => l.text.trim()).filter((l) => QUOTED_SETTING.test(l));
      if (quoted.length === 0) continue;
      for (const f of files) {
        const body = read(f);
        if (body !== null && quoted.some((q) => body.includes(q))) out.add(f);
      }
    }
  }
  return out;
}

/** Lines of each file's module constants that another assignment overwrites (`config.DATA_DIR = args.data`). */
export function overwrittenConstants(files: readonly PyFileIndex[]): Map<string, Set<number>> {
  const targets = new Set(files.flatMap((f) => f.attributeTargets));
  const out = new Map<string, Set<number>>();
  for (const f of files) {
    const lines = new Set(f.constants.filter((c) => targets.has(c.name)).map((c) => c.line));
    if (lines.size > 0) out.set(f.path, lines);
  }
  return out;
}

/** Does the line run only on Kaggle? */
export function inKaggleBranch(file: PyFileIndex, line: number): boolean {
  return file.kaggleBranches.some(([a, b]) => line >= a && line <= b);
}
