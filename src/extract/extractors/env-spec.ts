// env-spec: the environment spec files a repo holds, their packages and pins, Python version, index URLs, CUDA.
import { posix } from "node:path";
import type { Extractor } from "../extractor.js";
import type { FactRecord } from "../../model/facts.js";
import type { RepoView } from "../../model/repo-view.js";
import { parseCondaText } from "../env/conda.js";
import { isDockerfilePath, parseDockerfileText } from "../env/dockerfile.js";
import { parsePipfileLockText, parsePipfileText } from "../env/pipfile.js";
import { parsePyprojectText } from "../env/pyproject.js";
import { pythonRecord } from "../env/records.js";
import { isRequirementsPath, parseRequirementsText } from "../env/requirements.js";
import { parseSetupCfgText, parseSetupPyText } from "../env/setup.js";

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
const VENDORED = /(^|\/)(node_modules|site-packages|\.venv|venv|env|\.tox|\.git)\//;

const CONDA_NAME = /^(environment|conda|env)[\w.-]*\.ya?ml$/i;

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

function fileRecords(file: string, name: string, text: string): FactRecord[] {
  if (isDockerfilePath(file)) return [specRecord(file, "dockerfile"), ...parseDockerfileText(file, text)];
  if (CONDA_NAME.test(name)) {
    const records = parseCondaText(file, text);
    // environment.yml without dependencies is some other YAML (a CI config named env.yml)
    return records.length > 0 || /^\s*dependencies\s*:/m.test(text) ? [specRecord(file, "conda"), ...records] : [];
  }
  if (name === "Pipfile") return [specRecord(file, "pipfile"), ...parsePipfileText(file, text)];
  if (name === "Pipfile.lock") return [specRecord(file, "pipfile-lock"), ...parsePipfileLockText(file, text)];
  if (name === "pyproject.toml") {
    const parsed = parsePyprojectText(file, text);
    return parsed.format ? [specRecord(file, parsed.format), ...parsed.records] : [];
  }
  if (name === "setup.py") return [specRecord(file, "setup-py"), ...parseSetupPyText(file, text)];
  if (name === "setup.cfg") {
    const records = parseSetupCfgText(file, text);
    return records ? [specRecord(file, "setup-cfg"), ...records] : [];
  }
  if (name === ".python-version" || name === "runtime.txt") return pythonFileRecords(file, name, text);
  return [];
}

export const extractor: Extractor = {
  id: "env-spec",
  extract({ view }) {
    const records: FactRecord[] = [];
    const requirementRoots: string[] = [];
    for (const entry of view.files()) {
      if (entry.skipped || VENDORED.test(entry.path) || entry.kind === "binary") continue;
      if (isRequirementsPath(entry.path)) {
        requirementRoots.push(entry.path);
        continue;
      }
      const name = entry.path.slice(entry.path.lastIndexOf("/") + 1);
      const text = view.read(entry.path);
      if (text !== null) records.push(...fileRecords(entry.path, name, text));
    }
    records.push(...requirementsRecords(view, requirementRoots));
    // Whether there is Python to run at all: rules about the Python version apply to code as well as specs.
    const code = view.files().filter((f) => !VENDORED.test(f.path) && (f.kind === "python" || f.kind === "notebook")).length;
    if (code > 0) records.push({ kind: "python-code", count: code });
    return records;
  },
};
