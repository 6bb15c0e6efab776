// A README training step whose script is in no folder of the repository: the training code is withheld, not
// misnamed. No file of its name lies anywhere in the repo, nor any other script named for training; no earlier
// line of the README fetches it or clones another repository that may hold it, and no package the README or the
// repo installs runs it (`-m pkg.train`).
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { commandWords, PYTHON_RUNNER } from "../../shell/readme-commands.js";
import { isInstalledModule } from "../../shell/installed-modules.js";
import { namedForTraining } from "./trains-nothing.js";

/** Lines that bring files in by name (a download, a copy, a link, a fetch from a hub or another repository). */
const FETCH =
  /\b(?:wget|curl|gdown|aria2c|cp|mv|ln|scp|rsync|svn|git|kaggle|huggingface-cli|hf_hub_download|unzip|tar|7z)\b/;
/** `git clone <url>`, `svn checkout <url>`: another repository's files, with a folder of its own. */
const CLONE = /\b(?:git\s+clone|svn\s+(?:co|checkout|export))\b(.*)/;
/** A heading that names the training ("Training", "Train the models", "Fine-tuning"). */
const TRAINING_TITLE = /\b(?:train(?:s|ing)?|(?:re)?fit(?:s|ting)?|fine-?tun(?:e|ing)|pre-?train(?:ing)?)\b/i;
/** A program argument that picks the training (`main.py train`, `--mode train`, `--do_train`). */
const TRAINING_ARGUMENT = /(?:^|[\s=])(?:--)?(?:do_)?train\b/;
/** The longest line read; a README line longer than this is no command. */
const MAX_LINE = 2000;

/** The repository name of a URL or path (`owner/name`'s name, a folder's last part), lower case; null if none. */
function nameOf(source: string | null): string | null {
  const m = source ? /([\w.-]+?)(?:\.git)?\/*$/.exec(source) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** A `-m` module the command runs, where it runs no script file. */
function moduleRun(command: string): string | null {
  const argv = commandWords(command)?.argv ?? [];
  const at = PYTHON_RUNNER.test((argv[0] ?? "").replace(/^.*\//, "")) ? argv.indexOf("-m") : -1;
  const module = at > 0 ? argv[at + 1] : undefined;
  return module !== undefined && /^[\w.]+$/.test(module) ? module : null;
}

/** Whether an earlier README line may make the file: it names the file in a fetch or copy, or clones another
 * repository (one whose name is not the audited repo's: a README's `git clone` of itself brings nothing new). */
function fetchedEarlier(lines: readonly string[], before: number, base: string, own: string | null): boolean {
  for (const text of lines.slice(0, Math.max(0, before - 1))) {
    if (text.length > MAX_LINE) continue;
    if (text.includes(base) && FETCH.test(text)) return true;
    const url = CLONE.exec(text)?.[1]!
      .split(/\s+/)
      .find((w) => /[/:]/.test(w) && !w.startsWith("-"));
    if (url !== undefined && (own === null || nameOf(url) !== own)) return true;
  }
  return false;
}

/** The folders .gitmodules gives: a script under one is the submodule's, fetched with it. */
function submoduleFolders(view: RepoView): string[] {
  const text = view.has(".gitmodules") ? (view.read(".gitmodules") ?? "") : "";
  return [...text.matchAll(/^\s*path\s*=\s*(\S+)/gm)].map((m) => m[1]!.replace(/\/+$/, ""));
}

/**
 * The code-absent records of a root README's training steps whose script the repository lacks, each marking the
 * mention of that script `withheld` (the missing file is this finding, not one more missing reference).
 * `records`: the README's own records (commands and mentions, after their producers were marked).
 */
export function withheldTraining(
  file: string,
  text: string,
  records: readonly FactRecord[],
  view: RepoView,
  source: string | null,
): FactRecord[] {
  const lines = text.split(/\r?\n/);
  const own = nameOf(source);
  const bases = new Set(view.files().map((f) => f.path.slice(f.path.lastIndexOf("/") + 1)));
  // A repo that ships a training script under another name (`train.py` for the README's `train_v2.py`) holds the
  // training: the README names it wrong, a missing reference.
  if (view.files().some((f) => !f.skipped && /\.(?:py|ipynb|sh|bash)$/.test(f.path) && namedForTraining(f.path)))
    return [];
  const submodules = submoduleFolders(view);
  const out: FactRecord[] = [];
  const seen = new Set<string>();
  for (const c of records) {
    if (c.kind !== "command" || c.file !== file || c.purpose !== "train" || c.via !== undefined) continue;
    if (c.named === true || typeof c.line !== "number" || typeof c.command !== "string") continue;
    const line = c.line;
    const module = typeof c.script === "string" ? null : moduleRun(c.command);
    let name: string;
    let mention: FactRecord | undefined;
    if (typeof c.script === "string") {
      if (view.has(c.script)) continue;
      const base = c.script.slice(c.script.lastIndexOf("/") + 1);
      // The mention of the script at that line: a typo, another folder, a file an earlier step writes, all say
      // the README is off, not that the code is withheld.
      mention = records.find(
        (m) =>
          m.kind === "mention" &&
          m.line === line &&
          m.target === "file" &&
          m.exists === false &&
          typeof m.name === "string" &&
          m.name.slice(m.name.lastIndexOf("/") + 1) === base,
      );
      if (!mention) continue;
      if (["nearest", "runFrom", "elsewhere", "namesakes", "producedBy"].some((k) => mention![k] !== undefined))
        continue;
      name = String(mention.name);
    } else if (module !== null) {
      // A module of an installed package (the README's or the repo's installs, a library) is not the repo's.
      if (isInstalledModule(module, view)) continue;
      const top = module.split(".")[0]!;
      if (lines.slice(0, line - 1).some((l) => l.length <= MAX_LINE && /\binstall\b/.test(l) && l.includes(top)))
        continue;
      name = `${module.replace(/\./g, "/")}.py`;
      if (view.has(name) || view.has(name.replace(/\.py$/, "/__main__.py"))) continue;
    } else continue;
    const base = name.slice(name.lastIndexOf("/") + 1);
    // The step trains by its script's name, its arguments or its heading (the command's purpose also reads
    // substrings of names, too loose for a finding that blocks).
    const title = records.filter((r) => r.kind === "section" && r.file === file && Number(r.line) <= line).pop();
    const args = (commandWords(c.command)?.argv ?? []).slice(1).join(" ");
    if (!namedForTraining(name) && !TRAINING_ARGUMENT.test(args) && !TRAINING_TITLE.test(String(title?.title ?? "")))
      continue;
    if (bases.has(base) || submodules.some((s) => name.startsWith(`${s}/`))) continue;
    if (fetchedEarlier(lines, line, base, own)) continue;
    if (seen.has(name)) continue;
    seen.add(name);
    if (mention) mention.withheld = true;
    out.push({ kind: "code-absent", file, line, code: "training", script: name, command: c.command.slice(0, 200) });
  }
  return out;
}
