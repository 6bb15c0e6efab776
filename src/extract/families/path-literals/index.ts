// Fact family `path-literals`: absolute or machine-specific paths written in code, notebooks, configs and
// shell text (scripts, Makefiles, Dockerfiles, .bat, R and MATLAB files, os.system/subprocess strings,
// notebook `!` lines, commands built in strings), and relative paths that climb out of the repo. Python 2
// files are read with a tokenizer that accepts Python 2's forms; configs inside a vendored copy are read too.
import type { FactRecord, Facts } from "../../../model/facts.js";
import type { Extractor } from "../../extractor.js";
import { configValues, scannableConfig, type ConfigValue } from "../../python/config-lines.js";
import { recordAt } from "../../python/locate.js";
import { indexPythonText, type PyFileIndex } from "../../python/file-index.js";
import { inCopy, vendoredCopies, wholeView } from "../../view/vendored.js";
import type { RepoView } from "../../../model/repo-view.js";
import { preparePythonIndex } from "../../python/repo-index.js";
import { isTestFile } from "../../python/test-files.js";
import { classifyPath, climbsOutOfRepo, containerRootOf } from "./classify.js";
import { containerRoots } from "./containers.js";
import { commentMarker, shellPaths } from "../../shell/shell-words.js";
import { kaggleNotebooks } from "../../view/kaggle-notebooks.js";
import {
  configsQuoted,
  configsToEdit,
  inKaggleBranch,
  overriddenDefaults,
  overwrittenConstants,
  type ReadmeCommand,
  type Settable,
} from "./settable.js";
import { overriddenShellDefaults } from "../../shell/overridden-defaults.js";
import { unreadAttribute } from "./unread-attributes.js";
import { parserFilledFields } from "../../python/parser-filled-fields.js";
import { commentMarkedLines, configClassLines, scriptsWithClassToEdit } from "./edit-marked.js";
import { consoleLogLine } from "./console-log.js";
import { roleOf } from "../../view/file-roles.js";
import { siblingFolders, siblingOf } from "../../parse/sibling-folders.js";
import { kaggleInputAbove } from "../../python/path-kinds.js";
import { isPlaceholderValue, pythonPlaceholders } from "./placeholders.js";
import { climbOf, outsideFolder, readFromWritten, siblingInputs, writtenOutside } from "./outside-outputs.js";
import { launchOverriddenLines } from "./launch-overrides.js";
import { readOnlyForLogging } from "./logging-only.js";
import { placedFiles, readsPlaced } from "./placed-files.js";

/** A notebook's /kaggle/working is Kaggle's own output folder, where the notebook runs: no one machine's. */
function ownFolderOfKaggle<K extends string>(kind: K | null, notebook: boolean): K | null {
  return notebook && kind === "kaggle-working" ? null : kind;
}

const MOUNT = { mount: "/kaggle/input" };
// Hydra's `@hydra.main(config_path="/app/config")`: a config folder read from where the code runs.
const HYDRA_CONFIG_PATH = /\bconfig_path\s*=\s*[rRuU]?['"]\//;
// A framework config's active resume setting (mmdet's `resume_from = '/home/me/latest.pth'`).
const RESUME_FROM = /^\s*resume_from\s*=\s*[rRuU]?['"]/;

/** Each unread-attribute check scans every Python file: a repo gets this many, the rest keep their finding. */
const MAX_UNREAD_CHECKS = 64;

export const extractor: Extractor = {
  id: "path-literals",
  reads: ["kaggle-kernel", "readme"],
  roles: [
    "python",
    "notebook",
    "shell",
    "makefile",
    "dockerfile",
    "config",
    "conda",
    "kernel-metadata",
    "readme",
    "text",
  ],
  async extract(ctx) {
    const records: FactRecord[] = [];
    const roots = containerRoots(ctx.view);
    const forKaggle = kaggleNotebooks(ctx.facts, (path) => ctx.view.read(path));
    const files = (await preparePythonIndex(ctx.view)).files;
    const python2 = python2Strings(ctx.view, files);
    // Paths a reader sets rather than hunts (settable.ts): the README's commands and the files it says to edit.
    const readmeRecords = ctx.facts.families.readme ?? [];
    const commands: ReadmeCommand[] = readmeRecords
      .filter((r) => r.kind === "command" && typeof r.command === "string")
      .map((r) => ({ command: r.command as string, script: typeof r.script === "string" ? r.script : null }));
    const readmeTexts = readmeRecords
      .filter((r) => r.kind === "readme" && typeof r.file === "string")
      .map((r) => ({ text: ctx.view.read(r.file as string) ?? "" }));
    const toEdit = configsToEdit(
      readmeTexts,
      ctx.view
        .files()
        .filter((f) => !f.skipped)
        .map((f) => f.path),
    );
    // A README that quotes a config's settings after "change these variables" names that file by its content.
    for (const f of configsQuoted(
      readmeTexts,
      files.map((f) => f.path),
      (path) => ctx.view.read(path),
    ))
      toEdit.add(f);
    const overwritten = overwrittenConstants(files);
    // Every Python file's text, read once and only where a class attribute holds a machine path.
    let texts: Map<string, string> | null = null;
    let unreadChecks = 0;
    const pythonTexts = () =>
      (texts ??= new Map(files.filter((f) => !f.notebook).map((f) => [f.path, ctx.view.read(f.path) ?? ""])));
    // A file's Python as parsed (a notebook's flattened cells), for the copies it makes.
    let sources: Map<string, string> | null = null;
    const pythonOf = (path: string) =>
      (sources ??= new Map([...ctx.view.python()].map((p) => [p.path, p.text]))).get(path) ?? "";
    // Data folders the README places beside the repo: `../data/x` there follows the documented layout.
    const readmeFiles = readmeRecords
      .filter((r) => r.kind === "readme" && typeof r.file === "string")
      .map((r) => ({ file: r.file as string, text: ctx.view.read(r.file as string) ?? "" }));
    // Scripts whose config class a README step says to set before it runs them ("control Config class ...").
    const classToEdit = scriptsWithClassToEdit(
      readmeFiles,
      readmeRecords
        .filter((r) => r.kind === "command" && typeof r.file === "string" && typeof r.line === "number")
        .map((r) => ({
          file: r.file as string,
          line: r.line as number,
          command: typeof r.command === "string" ? r.command : "",
          script: typeof r.script === "string" ? r.script : null,
        })),
      ctx.view.files().map((f) => f.path),
    );
    const siblings = siblingFolders(readmeFiles, [...new Set(ctx.view.files().map((f) => f.path.split("/")[0]!))]);
    const besideRepo = (value: string, from: string) => {
      const folder = siblingOf(value, from);
      return folder !== null && (siblings.has(folder) || siblings.has("*"));
    };
    for (const indexed of files) {
      if (isTestFile(indexed)) continue; // fixtures: the paths a test feeds, not the pipeline's
      const file = python2.get(indexed.path) ?? indexed;
      const mount = file.notebook && forKaggle(file.path) !== null ? MOUNT : {};
      const mounted = (kind: string) => (kind === "kaggle-input" ? mount : {});
      const sourceText = file.notebook ? "" : (ctx.view.read(file.path) ?? "");
      // The files this one places itself (a notebook's `!cp ... ../model.ckpt`): read there, they are its own.
      let placed: Map<string, number> | null = null;
      const defaults = overriddenDefaults(file, commands, {
        source: sourceText,
        read: (path) => (/\.ya?ml$/.test(path) && ctx.view.has(path) ? ctx.view.read(path) : null),
      });
      // A dataclass default the file's parser fills (`Config(**vars(args))`) never reaches the run.
      const filled = parserFilledFields(sourceText);
      // Settings the README or a comment above them tells the reader to edit in the script itself.
      const marked = commentMarkedLines(sourceText);
      if (classToEdit.has(file.path)) for (const l of configClassLines(sourceText)) marked.add(l);
      const settable = (value: string, line: number, kind: string): Settable | null =>
        toEdit.has(file.path) || marked.has(line)
          ? "config-to-edit"
          : defaults.has(value)
            ? "option-overridden"
            : filled.has(line)
              ? "parser-filled"
              : overwritten.get(file.path)?.has(line)
                ? "overwritten"
                : kind.startsWith("kaggle-") && inKaggleBranch(file, line)
                  ? "kaggle-branch"
                  : null;
      const sourceLines = file.notebook ? [] : sourceText.split(/\r?\n/);
      // Placeholders a Python config assigns (`neptune_project = 'XXX'`): values the reader must fill in.
      for (const p of file.notebook ? [] : pythonPlaceholders(sourceLines.join("\n")))
        records.push(recordAt(file, p.line, { value: p.value, placeholder: true, source: "code" }));
      for (const s of file.pathStrings) {
        if (consoleLogLine(sourceLines[s.line - 1] ?? "")) continue;
        const kind = ownFolderOfKaggle(
          classifyPath(s.value, { role: s.role, containerRoots: roots, where: "code" }),
          file.notebook,
        );
        const setBy = kind ? settable(s.value, s.line, kind) : null;
        const attribute = kind ? file.classConstants?.find((c) => c.line === s.line && c.value === s.value) : undefined;
        const unread =
          attribute && unreadChecks++ < MAX_UNREAD_CHECKS
            ? unreadAttribute(file.path, s.line, attribute.name, pythonTexts())
            : null;
        if (kind)
          records.push(
            recordAt(file, s.line, {
              value: s.value,
              kind,
              source: "code",
              ...mounted(kind),
              ...(setBy ? { settable: setBy } : {}),
              ...(unread ? { unread } : {}),
              ...(RESUME_FROM.test(sourceLines[s.line - 1] ?? "") ? { resumes: true } : {}),
            }),
          );
        else if (HYDRA_CONFIG_PATH.test(sourceLines[s.line - 1] ?? "") && containerRootOf(s.value, roots)) {
          // Hydra reads its configs where the repo's own image puts them: the container's layout, no machine's.
          const outside = classifyPath(s.value, { role: s.role, where: "code" });
          if (outside)
            records.push(
              recordAt(file, s.line, {
                value: s.value,
                kind: outside,
                source: "code",
                container: containerRootOf(s.value, roots)!,
              }),
            );
        } else if (!s.role && !file.notebook && kaggleInputAbove(s.value, file.path) !== null)
          // A script's ../input/<competition> above the repo root: Kaggle's layout, mapped here with --data.
          records.push(recordAt(file, s.line, { value: s.value, kind: "kaggle-input", source: "code", ...MOUNT }));
        else if (
          !s.role &&
          climbsOutOfRepo(s.value, file.path) &&
          !(file.notebook && /^\.\.\/input\//.test(s.value)) &&
          !besideRepo(s.value, file.path) &&
          !readsPlaced(s.value, s.line, (placed ??= placedFiles(file.shell ?? [], pythonOf(file.path))))
        )
          records.push(
            recordAt(file, s.line, {
              value: s.value,
              kind: "outside-repo",
              source: "code",
              ...(toEdit.has(file.path) ? { settable: "config-to-edit" } : {}),
            }),
          );
      }
      // What the code hands a shell, and a notebook's `!` lines.
      // Commands built in code ('cp /mnt/x .', f'srun /home/u/bin/python {}') hold them mid-string.
      const seen = new Set<string>();
      for (const s of [
        ...file.shellStrings,
        ...(file.shell ?? []).map((x) => ({ line: x.line, value: x.text })),
        ...file.wordStrings,
      ]) {
        for (const word of shellPaths(s.value)) {
          if (seen.has(`${s.line}\0${word}`)) continue;
          seen.add(`${s.line}\0${word}`);
          const kind = ownFolderOfKaggle(classifyPath(word, { containerRoots: roots, where: "shell" }), file.notebook);
          if (kind) records.push(recordAt(file, s.line, { value: word, kind, source: "shell", ...mounted(kind) }));
        }
      }
    }
    // The launches that may run a config (shell scripts and README commands), read once when a config needs them.
    let launchTexts: string[] | null = null;
    const launches = () =>
      (launchTexts ??= [
        ...commands.map((c) => c.command),
        ...ctx.view
          .files()
          .filter((f) => !f.skipped && f.size <= 1_000_000 && roleOf(f) === "shell")
          .map((f) => ctx.view.read(f.path) ?? ""),
      ]);
    for (const entry of ctx.view.files()) {
      if (entry.skipped || entry.size > 1_000_000) continue;
      if (entry.kind === "config" && scannableConfig(entry.path, entry.size)) {
        for (const item of configPaths(ctx.view, entry.path, roots, false, toEdit, launches, (key) =>
          readOnlyForLogging(key, pythonTexts().values()),
        ))
          records.push(item);
        continue;
      }
      const comment = commentMarker(entry.path);
      if (comment === null || entry.kind === "python" || entry.kind === "notebook") continue;
      const text = ctx.view.read(entry.path);
      if (text === null) continue;
      const where = roleOf(entry) === "dockerfile" ? "dockerfile" : "shell";
      // `DIR=${1:-/x}`, `DIR=/x` then `DIR=$1`: the caller's argument sets it; the path is only a default.
      const defaults = where === "shell" ? overriddenShellDefaults(text) : new Set<number>();
      text.split("\n").forEach((line, i) => {
        if (comment.test(line)) return;
        for (const word of shellPaths(line)) {
          const kind = classifyPath(word, { containerRoots: where === "shell" ? roots : [], where });
          if (kind)
            records.push({
              file: entry.path,
              line: i + 1,
              value: word,
              kind,
              source: where === "dockerfile" ? "dockerfile" : "script",
              ...(defaults.has(i + 1) ? { settable: "argument-default" } : {}),
            });
        }
      });
    }
    // A vendored copy's configs (a dataset YAML beside yolov5's own) are often the authors' edits: a machine
    // root in one is theirs. The library's own configs name no one's home folder.
    const whole = wholeView(ctx.view);
    const copies = whole === ctx.view ? [] : vendoredCopies(ctx.view);
    if (copies.length > 0) {
      for (const entry of whole.files()) {
        if (
          entry.skipped ||
          entry.kind !== "config" ||
          !inCopy(copies, entry.path) ||
          !scannableConfig(entry.path, entry.size)
        )
          continue;
        for (const item of configPaths(ctx.view, entry.path, roots, true)) records.push(item);
      }
    }
    // A folder above the repo the code writes into: each path naming it is an output kept outside the clone.
    const writes = files
      .filter((f) => !isTestFile(f))
      .flatMap((f) => f.writes.map((w) => ({ file: f.path, line: w.line, path: w.path })));
    const written = writtenOutside(writes);
    const strings =
      written.size > 0
        ? files
            .filter((f) => !isTestFile(f))
            .flatMap((f) => f.pathStrings.map((s) => ({ file: f.path, line: s.line, path: s.value })))
        : [];
    // Inputs read from Kaggle's `../input` beside the repo: outputs beside it, as far up, are the same layout;
    // so are outputs in the very folder beside the repo the inputs are read from (`../data`).
    const inputs = siblingInputs(strings);
    const sameFolder = readFromWritten(strings, writes, written);
    if (written.size > 0)
      for (const r of records) {
        if (r.kind !== "outside-repo" || typeof r.value !== "string" || typeof r.file !== "string") continue;
        const folder = outsideFolder(r.value, r.file);
        const at = folder ? written.get(folder) : undefined;
        if (!at) continue;
        r.written = at;
        const beside = sameFolder.get(folder!) ?? inputs.get(climbOf(folder!));
        if (beside) r.siblingInputs = beside;
      }
    return records;
  },
};

/** Machine paths among a config's values; in a vendored copy only those under one machine's or cluster's root. */
function configPaths(
  view: RepoView,
  path: string,
  roots: readonly string[],
  vendored: boolean,
  toEdit: ReadonlySet<string> = new Set(),
  launches: () => readonly string[] = () => [],
  loggingOnly: (key: string) => boolean = () => false,
): FactRecord[] {
  const text = view.read(path);
  if (text === null) return [];
  const out: FactRecord[] = [];
  // Keys every launch of this config replaces on its command line (`model.path=hub/name`): defaults no run reads.
  let overridden: Set<number> | null = null;
  const replaced = (line: number) =>
    (overridden ??= /\.(?:ya?ml|json)$/i.test(path) ? launchOverriddenLines(path, text, launches()) : new Set()).has(
      line,
    );
  // A conda export's top-level `prefix:` says where the author's environment lived; no code reads it.
  const condaPrefix = /^dependencies\s*:/m.test(text)
    ? text.split("\n").findIndex((l) => /^prefix\s*:/.test(l)) + 1
    : 0;
  for (const v of configValues(text).flatMap(listItems)) {
    if (v.line === condaPrefix) continue;
    if (!vendored && isPlaceholderValue(v.value)) {
      out.push({ file: path, line: v.line, value: v.value, placeholder: true, source: "config" });
      continue;
    }
    const kind = classifyPath(v.value, { containerRoots: roots, where: vendored ? "shell" : "config" });
    if (kind)
      out.push({
        file: path,
        line: v.line,
        value: v.value,
        kind,
        source: "config",
        ...(toEdit.has(path)
          ? { settable: "config-to-edit" }
          : replaced(v.line)
            ? { settable: "launch-overridden" }
            : v.key !== null && loggingOnly(v.key.slice(v.key.lastIndexOf(".") + 1))
              ? { settable: "logging-only" }
              : {}),
      });
    else if (/\s/.test(v.value.trim())) {
      // A value that holds a command (`cmd: python /home/u/train.py`): its words, judged as shell text is.
      for (const word of shellPaths(v.value)) {
        const inner = classifyPath(word, { containerRoots: roots, where: "shell" });
        if (inner) out.push({ file: path, line: v.line, value: word, kind: inner, source: "config" });
      }
    }
  }
  return out;
}

/** An inline list (`folds: [/store/f0, '/store/f1']`) as one value per item, each keeping the list's line. */
function listItems(v: ConfigValue): ConfigValue[] {
  const m = /^\[(.*)\]$/.exec(v.value.trim());
  if (!m) return [v];
  return m[1]!
    .split(",")
    .map((item) => item.trim().replace(/^(["'])(.*)\1$/, "$2"))
    .filter(Boolean)
    .map((value) => ({ ...v, value }));
}

/** Python 3 rejects a Python 2 file at its first `print "x"`-era token; its strings are indexed again with
 * a tokenizer that reads Python 2's forms, so paths after that token are not lost. */
function python2Strings(view: RepoView, files: readonly PyFileIndex[]): Map<string, PyFileIndex> {
  const out = new Map<string, PyFileIndex>();
  for (const file of files) {
    if (file.syntaxError === null || file.notebook) continue;
    const text = view.read(file.path);
    if (text === null) continue;
    const again = indexPythonText(file.path, text, false, true);
    out.set(file.path, {
      ...file,
      pathStrings: again.pathStrings,
      shellStrings: again.shellStrings,
      wordStrings: again.wordStrings,
    });
  }
  return out;
}
