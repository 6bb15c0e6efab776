// Machine paths a reader sets rather than hunts: an argparse default every README command overrides, a
// dataclass default the file's parser fills, a value in the file the README says to edit, a module default a caller overwrites, a Kaggle path in a
// branch that runs only on Kaggle. Pure.
import type { PyFileIndex } from "../../python/file-index.js";
import { parseReadme } from "../../shell/readme-parse.js";

/** Why a stranger need not hunt the path: the option, the config, the caller or the platform sets it. */
export type Settable =
  "option-overridden" | "parser-filled" | "config-to-edit" | "overwritten" | "kaggle-branch" | "argument-default";

export interface ReadmeCommand {
  command: string;
  /** The script the command runs, from the repo root; null when none. */
  script: string | null;
}

/** The path defaults of `add_argument` calls whose option every README command running the file passes. */
export function overriddenDefaults(file: PyFileIndex, commands: readonly ReadmeCommand[]): Set<string> {
  const out = new Set<string>();
  const runs = commands.filter((c) => c.script === file.path).map((c) => c.command.split(/\s+/));
  if (runs.length === 0) return out;
  for (const call of file.calls) {
    if (!/(?:^|\.)add_argument$/.test(call.callee)) continue;
    const value = call.args.find((a) => a.name === "default" && a.kind === "string")?.value;
    const flags = call.args
      .filter((a) => a.name === null && a.kind === "string" && a.value.startsWith("-"))
      .map((a) => a.value);
    if (value === undefined || flags.length === 0) continue;
    if (runs.every((words) => words.some((w) => flags.some((f) => w === f || w.startsWith(`${f}=`))))) out.add(value);
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
