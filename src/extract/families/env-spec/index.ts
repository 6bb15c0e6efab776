// env-spec: the environment spec files a repo holds, their packages and pins, Python version, index URLs, CUDA.
import { posix } from "node:path";
import type { Extractor } from "../../extractor.js";
import type { FactRecord } from "../../../model/facts.js";
import type { FileRole, InventoryEntry, RepoView } from "../../../model/repo-view.js";
import { parseCondaText } from "../../parse/conda.js";
import { parseDockerfileText, releaseNamed, unpinnedClones } from "../../parse/dockerfile.js";
import { parsePipfileLockText, parsePipfileText } from "../../parse/pipfile.js";
import { parsePyprojectText } from "../../parse/pyproject.js";
import { pythonRecord } from "../../parse/records.js";
import { parseRequirementsText } from "../../parse/requirements.js";
import { installRecords } from "../../parse/installs.js";
import { LOCK_FILES, lockedNames } from "../../parse/locks.js";
import { imageInfo } from "../../parse/images.js";
import type { Facts } from "../../../model/facts.js";
import { parseSetupCfgText, parseSetupPyText } from "../../parse/setup.js";
import { preparePythonIndex } from "../../python/repo-index.js";
import { pastEndOfLife } from "./python-eol.js";
import {
  distributionOf,
  isPython2Stdlib,
  isStdlib,
  normalizeDistribution,
  satisfyingNames,
  variantBase,
} from "../../python/packages.js";
import { readmeListRecords } from "../../parse/readme-list.js";
import { roleOf } from "../../view/file-roles.js";
import { inEnvironmentFolder } from "../../view/vendored.js";
import { copyRecords, dockerfileContexts } from "./build-copies.js";
import { systemPythonRecords } from "./system-python.js";
import { aptSourceRecords } from "./apt-sources.js";
import { obsoleteGpuStack } from "./gpu-stack.js";
import { missingSystemLibraries } from "./system-libraries.js";
import { companionMismatches } from "./framework-companions.js";
import { frameworkConflicts } from "./framework-versions.js";
import { condaByContent, readmeNamedSpecs, requirementsByContent } from "./spec-by-content.js";
import { dockerRunImage } from "../../parse/docker-run-image.js";
import { readmeImagePython } from "./readme-images.js";
import { standInReadme } from "../../view/stand-in-readme.js";
import { pinConflicts } from "./pin-conflicts.js";
import { pinThroughBuilds } from "./build-pins.js";
import { clearBackportsForStatedPython } from "./backport-python.js";
import { markPytorchIndexed } from "./pytorch-index.js";
import { markInRepoReferences, pinThroughReferences } from "./in-repo-references.js";
import { setupScriptPythons } from "./setup-script-python.js";
import { missingSetupOpens } from "./setup-opens.js";
import { poetryRootRecords } from "./poetry-root.js";

export type SpecFormat =
  | "dockerfile"
  | "conda"
  | "pipfile"
  | "pipfile-lock"
  | "pyproject"
  | "poetry"
  | "requirements"
  | "setup-py"
  | "setup-cfg";

/** Installed trees and virtualenvs committed by mistake hold other projects' specs, not this one's. */

function specRecord(file: string, format: SpecFormat): FactRecord {
  return { kind: "spec-file", file, format };
}

/** Requirements files and the -r / -c files they include, followed inside the repo only. */
function requirementsRecords(view: RepoView, roots: string[]): FactRecord[] {
  const records: FactRecord[] = [];
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = view.read(file);
    if (text === null) continue;
    const parsed = parseRequirementsText(file, text);
    records.push(specRecord(file, "requirements"), ...parsed.records);
    for (const include of parsed.includes) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(include.path) || include.path.startsWith("/")) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), include.path));
      if (target.startsWith("../") || target === "..") continue; // outside the repo: never followed
      if (view.has(target) && !seen.has(target)) queue.push(target);
    }
  }
  return records;
}

function pythonFileRecords(file: string, name: string, text: string): FactRecord[] {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((l) => l.trim() && !l.trim().startsWith("#"));
  if (index < 0) return [];
  const value = lines[index]!.trim();
  if (name === "runtime.txt") {
    const match = /^python-(\d+(?:\.\d+){0,2})/i.exec(value);
    return match ? [pythonRecord(file, index + 1, match[1]!)] : [];
  }
  return [pythonRecord(file, index + 1, value.split(/\s+/)[0]!)];
}

function fileRecords(file: string, name: string, role: FileRole, text: string): FactRecord[] {
  if (role === "dockerfile") return [specRecord(file, "dockerfile"), ...parseDockerfileText(file, text)];
  if (role === "conda") {
    const records = parseCondaText(file, text);
    // environment.yml without dependencies is some other YAML (a CI config named env.yml)
    return records.length > 0 || /^\s*dependencies\s*:/m.test(text) ? [specRecord(file, "conda"), ...records] : [];
  }
  if (role === "pipfile" && name === "Pipfile") return [specRecord(file, "pipfile"), ...parsePipfileText(file, text)];
  if (role === "pipfile" && name === "Pipfile.lock")
    return [specRecord(file, "pipfile-lock"), ...parsePipfileLockText(file, text)];
  if (role === "pyproject") {
    const parsed = parsePyprojectText(file, text);
    return parsed.format ? [specRecord(file, parsed.format), ...parsed.records] : [];
  }
  if (role === "setup" && name === "setup.py") return [specRecord(file, "setup-py"), ...parseSetupPyText(file, text)];
  if (role === "setup" && name === "setup.cfg") {
    const records = parseSetupCfgText(file, text);
    return records ? [specRecord(file, "setup-cfg"), ...records] : [];
  }
  if (role === "python-version") return pythonFileRecords(file, name, text);
  return [];
}

/** What the README's commands, the shell scripts and the notebooks' `!pip install` lines install, the
 * images the README pulls, and the Python version the README's words or a wheel's tag state. */
/** The packages a README's table lists (`| Package Name | Repository |`, then `| pytorch | ... |`,
 * `| ensemble-boxes=1.0.4 | ... |`): what the authors say they installed, pinned where a version is given. */
function packageTableRecords(file: string, text: string): FactRecord[] {
  const out: FactRecord[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\|\s*(?:package|library|dependency|module|requirement)s?(?:\s+name)?\s*\|/i.test(lines[i]!);
    if (!header || !/^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? "")) continue;
    for (let j = i + 2; j < lines.length && /^\s*\|/.test(lines[j]!); j++) {
      const cell = lines[j]!.split("|")[1]!.trim().replace(/[`*]/g, "");
      const m = /^([A-Za-z][\w.-]*)\s*(?:(==?|>=|<=|~=)\s*v?(\d[\w.]*))?$/.exec(cell);
      if (!m) continue; // "pytorch image models": a description, not a distribution name
      const version = m[3];
      out.push({
        kind: "install",
        file,
        line: j + 1,
        name: m[1]!,
        spec: version ? `==${version}` : "",
        ...(version ? { pinned: true } : {}),
        via: "readme-table",
      });
    }
  }
  return out;
}

/** A requirement specifier alone on a line, pinned or bounded (`detectron2==0.6`, `timm>=0.9`). */
const REQUIREMENT_LINE = /^\s*[A-Za-z][\w.-]*(?:\[[\w,.-]+\])?\s*(?:===?|>=|~=)\s*\d[\w.*+!-]*\s*$/;
/** An image reference alone on a line: registry and owner parts, a name, a tag. */
const IMAGE_LINE = /^(?:[a-z0-9][\w.-]*\/)+[a-z0-9][\w.-]*:[\w][\w.-]*$/;

/** What a README's code blocks list without a command: a bare requirement line (`transformers==4.43.3` under
 * "Packages", which no shell reads) is a package the environment needs, as a pip install of it would be; a line
 * that is only a known image's name (under "Base image") is the environment, as a pulled image is. */
function codeBlockDeclarations(file: string, text: string): FactRecord[] {
  const records: FactRecord[] = [];
  let fence: string | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const opens = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (opens) {
      if (fence === null) fence = opens[1]![0]!;
      else if (opens[1]![0] === fence) fence = null;
      return;
    }
    if (fence === null || raw.length > 300) return;
    const line = raw.trim();
    if (REQUIREMENT_LINE.test(line)) records.push(...installRecords(file, i + 1, `pip install ${line}`, "readme"));
    else if (IMAGE_LINE.test(line) && imageInfo(line) !== null)
      records.push({ kind: "image", file, line: i + 1, image: line, ...releaseNamed(line), uses: "names" });
  });
  return records;
}

function declarationRecords(view: RepoView, facts: Facts): FactRecord[] {
  const records: FactRecord[] = [];
  for (const r of facts.families["readme"] ?? []) {
    if (r.kind !== "command" || typeof r.command !== "string" || typeof r.file !== "string" || r.via !== undefined)
      continue;
    const line = typeof r.line === "number" ? r.line : 1;
    records.push(...installRecords(r.file, line, r.command, "readme"));
    const pulled =
      /^(?:docker|podman|nvidia-docker)\s+pull\s+([\w.\/-]+(?::[\w.-]+)?)/.exec(r.command)?.[1] ??
      dockerRunImage(r.command) ??
      /^(?:docker|podman|nvidia-docker)\s+(?:pull|run\b.*?\s)\s*([\w.\/-]+:[\w.-]+)/.exec(r.command)?.[1];
    // A pulled image is the environment; so is a known one the README runs (`docker run ... nvcr.io/nvidia/pytorch:21.03-py3`,
    // with or without its tag), where an unknown one may be the image the README built from the repo's own Dockerfile.
    // Either way, one named with no tag (nor a digest) is whatever that image is on the day.
    if (pulled && (/\bpull\b/.test(r.command) || imageInfo(pulled) !== null)) {
      const uses = /^(?:sudo\s+)?\S+\s+pull\b/.test(r.command) ? "pulls" : "runs";
      records.push({ kind: "image", file: r.file, line, image: pulled, ...releaseNamed(pulled), uses });
    }
  }
  for (const r of facts.families["readme"] ?? []) {
    if (r.kind !== "readme" || typeof r.file !== "string") continue;
    const text = view.read(r.file) ?? "";
    records.push(...packageTableRecords(r.file, text));
    records.push(...codeBlockDeclarations(r.file, text));
    records.push(...readmeImagePython(r.file, text));
    // A repo its code blocks clone and build over several lines (`git clone .../apex`, `cd apex`, `python setup.py
    // install`), with no commit or tag: unless a one-line install already says so.
    const said = new Set(records.flatMap((x) => (x.file === r.file && typeof x.spec === "string" ? [x.spec] : [])));
    for (const clone of unpinnedClones(r.file, text, "readme"))
      if (!said.has(`git+${String(clone.spec)}`)) records.push(clone);
  }
  for (const entry of view.files()) {
    if (entry.skipped || entry.size > 1_000_000 || !/\.(?:sh|bash)$/i.test(entry.path)) continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    records.push(...setupScriptPythons(entry.path, text, (path) => view.has(path)));
    text.split("\n").forEach((lineText, i) => {
      if (lineText.trimStart().startsWith("#")) return;
      if (/\binstall\b/.test(lineText)) records.push(...installRecords(entry.path, i + 1, lineText, "script"));
      // An Anaconda installer the script runs is a base environment, as an image is.
      const anaconda = /\b(Anaconda3-\d+\.\d+(?:\.\d+)?)/.exec(lineText);
      if (anaconda) records.push({ kind: "image", file: entry.path, line: i + 1, image: anaconda[1]! });
    });
  }
  for (const source of view.python()) {
    for (const s of source.shell ?? []) {
      if (!/\binstall\b/.test(s.text)) continue;
      const cell = source.lineMap?.[s.line - 1];
      for (const r of installRecords(source.path, s.line, s.text, "notebook"))
        records.push(cell ? { ...r, cell: cell.cell, cellLine: cell.cellLine } : r);
    }
  }
  // A wheel built for one CPython (cp36) states the Python it needs; so does a known base environment.
  for (const r of [...records]) {
    const known = r.kind === "image" && typeof r.image === "string" ? imageInfo(r.image) : null;
    if (known?.python)
      records.push({
        ...pythonRecord(String(r.file), Number(r.line), known.python),
        source: `${r.image}: ${known.source}`,
      });
    const tag = typeof r.spec === "string" ? /-cp(\d)(\d+)-/.exec(r.spec) : null;
    if (tag)
      records.push({
        ...pythonRecord(String(r.file), Number(r.line), `${tag[1]}.${tag[2]}`),
        source: `the wheel ${String(r.spec).slice(String(r.spec).lastIndexOf("/") + 1)}`,
      });
  }
  return records;
}

/** A committed lock file fixes every range of the spec beside it (poetry.lock a pyproject's `^1.26`,
 * Pipfile.lock a Pipfile's `*`): the packages it locks are pinned there. */
function pinByLocks(view: RepoView, records: FactRecord[]): void {
  for (const entry of view.files()) {
    const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
    const spec = Object.hasOwn(LOCK_FILES, name) ? LOCK_FILES[name] : undefined;
    if (!spec || entry.skipped || inEnvironmentFolder(entry.path)) continue;
    const locked = lockedNames(name, view.read(entry.path) ?? "");
    const specFile = entry.path.slice(0, entry.path.length - name.length) + spec;
    for (const r of records)
      if (r.kind === "package" && r.file === specFile && typeof r.name === "string" && locked.has(r.name))
        r.pinned = true;
  }
}

/** Marks the requirements and conda specs off the install route: where the README's install commands name specs,
 * one that no install command anywhere names (README, script, Dockerfile, notebook), nor a named one includes
 * (`-r`), is an alternative a stranger following the README never builds. `offRoute` says what the README installs. */
function markOffRoute(view: RepoView, records: FactRecord[], readmeNamed: ReadonlyArray<{ file: string }>): void {
  if (readmeNamed.length === 0) return;
  const commands: Array<{ file: string; command: string }> = [];
  const specFiles = records.filter((r) => r.kind === "spec-file" && typeof r.file === "string");
  const dockerfiles = new Set(specFiles.filter((r) => r.format === "dockerfile").map((r) => r.file as string));
  for (const entry of view.files()) {
    if (entry.skipped || entry.size > 1_000_000 || inEnvironmentFolder(entry.path)) continue;
    if (!/\.(?:sh|bash)$/i.test(entry.path) && !dockerfiles.has(entry.path)) continue;
    for (const line of (view.read(entry.path) ?? "").split("\n")) commands.push({ file: entry.path, command: line });
  }
  for (const source of view.python())
    for (const s of source.shell ?? []) commands.push({ file: source.path, command: s.text });
  const has = (path: string) => view.has(path) && !inEnvironmentFolder(path);
  const route = new Set([...readmeNamed, ...readmeNamedSpecs(commands, has)].map((n) => n.file));
  // What a spec on the route includes is on it too.
  const queue = [...route];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const include of parseRequirementsText(file, view.read(file) ?? "").includes) {
      const target = posix.normalize(posix.join(posix.dirname(file), include.path));
      if (!target.startsWith("..") && has(target) && !route.has(target)) (route.add(target), queue.push(target));
    }
  }
  const installed = [...new Set(readmeNamed.map((n) => n.file))].join(", ");
  for (const r of specFiles)
    if ((r.format === "requirements" || r.format === "conda") && !route.has(r.file as string)) r.offRoute = installed;
}

/** A Dockerfile that is an environment beside a README that installs a pip or conda spec itself is the second
 * route: what stops its build does not stop the install a stranger follows first. `alternativeTo` names the specs. */
function markAlternativeBuilds(records: FactRecord[], readmeNamed: ReadonlyArray<{ file: string }>): void {
  const formats = new Map(records.flatMap((r) => (r.kind === "spec-file" ? [[r.file, r.format]] : [])));
  const specs = [...new Set(readmeNamed.map((n) => n.file))].filter((f) =>
    ["requirements", "conda", "pyproject"].includes(String(formats.get(f))),
  );
  if (specs.length === 0) return;
  for (const r of records) if (r.kind === "copy" && r.environment === true) r.alternativeTo = specs.join(", ");
}

/** Every command line a stranger may run: the README's, the shell scripts' and Dockerfiles' lines, notebooks' `!` lines. */
function commandLines(view: RepoView, facts: Facts): Array<{ file: string; command: string }> {
  const out = (facts.families["readme"] ?? []).flatMap((r) =>
    r.kind === "command" && typeof r.command === "string" && typeof r.file === "string"
      ? [{ file: r.file, command: r.command }]
      : [],
  );
  for (const entry of view.files()) {
    if (entry.skipped || entry.size > 1_000_000 || inEnvironmentFolder(entry.path)) continue;
    if (!/\.(?:sh|bash)$/i.test(entry.path) && roleOf(entry) !== "dockerfile") continue;
    for (const line of (view.read(entry.path) ?? "").split("\n")) out.push({ file: entry.path, command: line });
  }
  for (const source of view.python())
    for (const s of source.shell ?? []) out.push({ file: source.path, command: s.text });
  return out;
}

/** The standard root spec files whose install needs no words (`pip install -r requirements.txt`). */
const OBVIOUS_SPEC = /^(?:requirements\.txt|environment\.ya?ml|pyproject\.toml)$/;

/** One spec file alone at the root, under its standard name, is marked obvious (specs in sub-folders serve their
 * own parts, a side demo's Dockerfile); several at the root or only nested ones need the README's words. */
function markObvious(records: FactRecord[]): void {
  const specs = records.filter((r) => r.kind === "spec-file" && typeof r.file === "string" && !r.file.includes("/"));
  if (specs.length === 1 && typeof specs[0]!.file === "string" && OBVIOUS_SPEC.test(specs[0]!.file))
    specs[0]!.obvious = specs[0]!.installMoot = true;
}

/** The version lists of the root README (or of the one standing in for it where the root has none). */
function readmeLists(view: RepoView): FactRecord[] {
  const readme =
    view.files().find((e) => !e.skipped && !e.path.includes("/") && roleOf(e) === "readme")?.path ??
    standInReadme(view.files());
  return readme ? readmeListRecords(readme, view.read(readme) ?? "") : [];
}

/** "Python 3.7.3", "python2 dependencies", "python=3.8", "python3.6, pytorch1.1.0", "- **Python**: 3.10.13",
 * "| Python | 3.8 |" in a README: the version its words state;
 * a lower bound ("Python >= 3.10", "Python ≥ 3.10", "Python 3.4+", "Python 3.8 or later") states its version too. The root
 * README's first; then a sub-folder's (`sol/readme.txt`), shallowest first, for a repo whose steps live there. */
function readmePython(view: RepoView): FactRecord[] {
  const depth = (path: string) => path.split("/").length;
  const readmes = view
    .files()
    .filter((e) => !e.skipped && e.kind === "text" && roleOf(e) === "readme")
    .sort((a, b) => depth(a.path) - depth(b.path));
  for (const entry of readmes) {
    // Markdown's marks and a table's cells split label from value: `- **Python**: 3.10`, `| Python | 3.8 |`.
    const lines = (view.read(entry.path) ?? "").split("\n").map((l) => l.replace(/\*\*|__|[*|]/g, " "));
    for (let i = 0; i < lines.length; i++) {
      const m =
        /\bpython\s*(?:version\s*)?(?:[:=]|==|>=|≥|>)?\s*v?(\d\.\d{1,2}(?:\.\d{1,2})?)\b|\bpython\s?([23])\b(?![.\d])/i.exec(
          lines[i]!,
        );
      const source = entry.path.includes("/") ? `the README ${entry.path}` : "the README";
      // "python 3" states only the major: a range that chooses no minor by itself.
      if (m) return [{ ...pythonRecord(entry.path, i + 1, m[1] ?? (m[2] === "3" ? ">=3" : m[2]!)), source }];
    }
  }
  return [];
}

/** Only text and YAML under a size a spec has are read for their content. */
const CONTENT_MAX_BYTES = 64_000;

/** A file no name marks as a spec, read as one when its content is one: a `.txt` of requirement specifiers,
 * a YAML conda environment. */
function specByContent(view: RepoView, entry: InventoryEntry, role: FileRole): "requirements" | "conda" | null {
  if (entry.size > CONTENT_MAX_BYTES) return null;
  const text = () => view.read(entry.path) ?? "";
  if (role === "text" && /\.txt$/i.test(entry.path)) return requirementsByContent(text()) ? "requirements" : null;
  if (role === "config" && /\.ya?ml$/i.test(entry.path)) return condaByContent(text()) ? "conda" : null;
  return null;
}

export const extractor: Extractor = {
  id: "env-spec",
  reads: ["readme"],
  roles: [
    "requirements",
    "dockerfile",
    "conda",
    "pipfile",
    "pyproject",
    "setup",
    "python-version",
    "readme",
    "shell",
    "python",
    "notebook",
    "text",
    "config",
  ],
  async extract({ view, facts, today }) {
    const records: FactRecord[] = [];
    const requirementRoots: string[] = [];
    // Specs no name gives away: those the README's install command names, then those their content tells.
    const named = readmeNamedSpecs(
      (facts.families["readme"] ?? []).flatMap((r) =>
        r.kind === "command" && typeof r.command === "string" && typeof r.file === "string" && r.via === undefined
          ? [{ file: r.file, command: r.command }]
          : [],
      ),
      (path) => view.has(path) && !inEnvironmentFolder(path),
    );
    for (const entry of view.files()) {
      if (entry.skipped || inEnvironmentFolder(entry.path) || entry.kind === "binary") continue;
      const role = roleOf(entry);
      const format =
        role === "text" || role === "config"
          ? (named.find((n) => n.file === entry.path)?.format ?? specByContent(view, entry, role))
          : null;
      if (role === "requirements" || format === "requirements") {
        requirementRoots.push(entry.path);
        continue;
      }
      const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
      const text = view.read(entry.path);
      if (text === null) continue;
      const own = fileRecords(entry.path, name, format ?? role, text);
      if ((format ?? role) === "setup" && name === "setup.py")
        own.push(...setupRunRecords(view, entry.path, text, own));
      for (const item of own) records.push(item);
    }
    for (const item of requirementsRecords(view, requirementRoots)) records.push(item);
    pinByLocks(view, records);
    pinThroughBuilds(records, (file) => view.read(file));
    markInRepoReferences(records, (path) => path === "." || view.isDir(path) || view.has(path));
    pinThroughReferences(records);
    markObvious(records);
    markOffRoute(view, records, named);
    for (const item of declarationRecords(view, facts)) records.push(item);
    for (const item of copyRecords(view, facts)) records.push(item);
    // A Poetry project the README installs whose own package Poetry cannot find.
    const commands = (facts.families["readme"] ?? []).flatMap((r) =>
      r.kind === "command" && typeof r.command === "string" && typeof r.file === "string"
        ? [{ file: r.file, line: Number(r.line ?? 1), command: r.command, cwd: typeof r.cwd === "string" ? r.cwd : "" }]
        : [],
    );
    for (const item of poetryRootRecords(view, commands)) records.push(item);
    markAlternativeBuilds(records, named);
    const contextsOf = dockerfileContexts(view, facts);
    records.push(...systemPythonRecords(view, records, contextsOf), ...aptSourceRecords(view, records, contextsOf));
    for (const item of frameworkConflicts(view, records)) records.push(item);
    for (const item of companionMismatches(records)) records.push(item);
    const readmeCommands = (facts.families["readme"] ?? []).flatMap((r) =>
      r.kind === "command" && typeof r.command === "string" ? [r.command] : [],
    );
    for (const item of pinConflicts(records, (file) => view.read(file), readmeCommands)) records.push(item);
    // With no spec file, a root README's version list ("torch 0.4.1, pandas, cuDNN 7") is the spec it states.
    // A setup.py that cannot run (it opens a file the repo lacks) is no spec here either.
    if (!records.some((r) => r.kind === "spec-file" && r.cannotRun !== true)) records.push(...readmeLists(view));
    for (const item of obsoleteGpuStack(view, records)) records.push(item);
    // A set-up script's Python is its own spec's; the README still speaks for the others.
    if (!records.some((r) => r.kind === "python-version" && typeof r.value === "string" && r.forSpec === undefined))
      records.push(...readmePython(view));
    clearBackportsForStatedPython(records);
    const dockerfiles = view
      .files()
      .filter((e) => !e.skipped && e.size <= 1_000_000 && !inEnvironmentFolder(e.path) && roleOf(e) === "dockerfile")
      .map((e) => e.path);
    markPytorchIndexed(records, (file) => view.read(file), commandLines(view, facts), dockerfiles);
    for (const r of records) {
      const ended =
        r.kind === "python-version" && typeof r.value === "string" ? pastEndOfLife(r.value, today ?? new Date()) : null;
      if (ended) r.endOfLife = ended;
    }
    // Whether there is Python to run at all: rules about the Python version apply to code as well as specs.
    const code = view
      .files()
      .filter((f) => !inEnvironmentFolder(f.path) && (f.kind === "python" || f.kind === "notebook")).length;
    // With no spec and no install command at all, the missing spec is the one gap; README words cannot fill it.
    const specified = records.some((r) => r.kind === "spec-file" || (r.kind === "install" && r.via !== "notebook"));
    if (code > 0) records.push({ kind: "python-code", count: code });
    // A record of its own, so the flag never enters the values (and fingerprints) of findings about the code.
    if (code > 0 && !specified) records.push({ kind: "install-moot", installMoot: true });
    const { used, sites } = await importedDistributions(view);
    for (const item of missingSystemLibraries(view, records, facts.families["readme"] ?? [], sites)) records.push(item);
    for (const r of records)
      if ((r.kind === "package" || r.kind === "install") && typeof r.name === "string")
        r.imported = used.has(normalizeDistribution(r.name)) || used.has(variantBase(r.name));
    for (const r of records) if (r.pinned === false) r.unpinned ??= unpinnedWords(r.spec);
    return records;
  },
};

/** Why an install is not pinned, in words: a VCS URL with no commit or tag follows its default branch. */
function unpinnedWords(spec: unknown): string {
  const written = typeof spec === "string" ? spec : "";
  if (/^(?:git|hg|svn|bzr)\+/i.test(written))
    return `is installed from ${written.split("+")[0]} without a commit or tag (${written})`;
  return `is not pinned to an exact version (version: ${written || "none given"})`;
}

const TEST_FILE = /(?:^|\/)(?:tests?\/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$)/;

/** Distributions that matter to a rerun though code never imports them by name: what a library loads by
 * itself once installed (pydicom's decoders, pandas' file engines, the TensorBoard behind
 * torch.utils.tensorboard, Pillow behind torchvision), and torch's companions, each release of which
 * requires its own torch (an unpinned torchvision upgrades the torch the code imports). */
const USED_WITHOUT_IMPORT: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["torch", ["torchvision", "torchaudio", "torchtext"]],
  ["pydicom", ["pylibjpeg", "pylibjpeg-libjpeg", "pylibjpeg-openjpeg", "pylibjpeg-rle", "python-gdcm", "gdcm"]],
  ["pandas", ["openpyxl", "xlrd", "pyarrow", "fastparquet", "tables", "lxml"]],
  ["torch.utils.tensorboard", ["tensorboard", "tb-nightly"]],
  ["torchvision", ["pillow"]],
];

/** The distributions the repo's code imports (each under every name that satisfies it): a package no code
 * imports (a linter, a test runner, a leftover) is not what a rerun depends on. */
async function importedDistributions(
  view: RepoView,
): Promise<{ used: Set<string>; sites: Map<string, { file: string; line: number }> }> {
  const index = await preparePythonIndex(view);
  const out = new Set<string>();
  // Where a .py file first imports each distribution (a notebook's flattened line is no place a reader finds).
  const sites = new Map<string, { file: string; line: number }>();
  for (const file of index.files) {
    if (TEST_FILE.test(file.path)) continue; // the test suite's needs (pytest) are not the training's
    for (const imp of file.imports) {
      const top = imp.module.split(".")[0] ?? "";
      if (imp.level > 0 || !top || index.localTops.has(top) || isStdlib(top) || isPython2Stdlib(top)) continue;
      const distribution = distributionOf(imp.module, imp.names);
      out.add(normalizeDistribution(distribution));
      if (file.path.endsWith(".py") && !sites.has(normalizeDistribution(distribution)))
        sites.set(normalizeDistribution(distribution), { file: file.path, line: imp.line });
      for (const name of satisfyingNames(distribution)) out.add(name);
      for (const [prefix, plugins] of USED_WITHOUT_IMPORT)
        if (imp.module === prefix || imp.module.startsWith(`${prefix}.`)) for (const name of plugins) out.add(name);
    }
  }
  return { used: out, sites };
}

/** A setup.py that opens a file the repo does not commit fails before setup(): its spec-file is marked cannotRun
 * and what it would declare is unknown (its literal install_requires, if any, is dropped: none is installed). */
function setupRunRecords(view: RepoView, file: string, text: string, own: FactRecord[]): FactRecord[] {
  const listDir = (dir: string) =>
    view
      .files()
      .map((e) => e.path)
      .filter((p) =>
        dir === "" ? !p.includes("/") : p.startsWith(`${dir}/`) && !p.slice(dir.length + 1).includes("/"),
      );
  const missing = missingSetupOpens(file, text, (path) => view.has(path), listDir);
  if (missing.length === 0) return [];
  for (let i = own.length - 1; i >= 0; i--) {
    const r = own[i]!;
    if (r.kind === "spec-file") own[i] = { ...r, cannotRun: true };
    else if (r.kind === "package") own.splice(i, 1);
  }
  return missing.map((m) => ({
    kind: "setup-cannot-run",
    file,
    line: m.line,
    opens: m.opens,
    ...(m.nearMatch
      ? {
          nearMatch: `; the repo commits ${m.nearMatch}, whose name differs only in case (Linux file names are case-sensitive)`,
        }
      : {}),
  }));
}
