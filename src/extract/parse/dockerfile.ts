// Read a Dockerfile: the Python and CUDA its FROM names, packages its `pip install` lines install, repos it clones and
// builds, RUN commands the shell cannot parse.
import type { FactRecord } from "../../model/facts.js";
import { cudaFromImage, pythonRecord } from "./records.js";
import { gitCloneArgs, installRecords } from "./installs.js";
import { imageInfo } from "./images.js";
import { ubuntuPython } from "./distro-release.js";
import { normalizeName } from "./pep508.js";
import { runSyntaxProblems } from "./dockerfile-run-syntax.js";
import { templateMarker } from "./dockerfile-template.js";

/** Logical instructions (continuations joined) with their first line and their physical lines. */
export function instructions(text: string): Array<{ text: string; line: number; physical: string[] }> {
  const out: Array<{ text: string; line: number; physical: string[] }> = [];
  let buffer = "";
  let start = 0;
  let physical: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!buffer) ((start = i + 1), (physical = []));
    if (!buffer && raw.trim().startsWith("#")) return;
    physical.push(raw);
    // Inside a continuation the builder drops comment and empty lines and carries on with the next line.
    if (buffer && (raw.trim() === "" || raw.trim().startsWith("#"))) return;
    if (raw.trimEnd().endsWith("\\")) {
      buffer += raw.trimEnd().slice(0, -1) + " ";
      return;
    }
    buffer += raw;
    if (buffer.trim()) out.push({ text: buffer.trim(), line: start, physical });
    buffer = "";
  });
  return out;
}

/** Each package of a RUN continued over several lines at the line that names it (in order), else the RUN's line. */
function atOwnLines(records: FactRecord[], start: number, physical: string[]): FactRecord[] {
  if (physical.length < 2) return records;
  let cursor = 0;
  return records.map((r) => {
    if (r.kind !== "package" || typeof r.name !== "string") return r;
    // The name as written may use _ or . where the normalised name has -, and any case.
    const written = new RegExp(
      `(?:^|[\\s"'=])${r.name
        .split("-")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("[-_.]")}(?=$|[\\s"'\\[=<>!~;@,\\\\])`,
      "i",
    );
    for (let i = cursor; i < physical.length; i++) {
      if (!written.test(physical[i]!)) continue;
      cursor = i;
      return { ...r, line: start + i };
    }
    return r;
  });
}

/** `apt-get install ... python3.8-dev`: the Python apt installs, with its version when named. */
export const APT_PYTHON =
  /\bapt(?:-get)?\s+(?:-\S+\s+)*install\b[^&;|]*?\spython(3(?:\.\d{1,2})?)?(?:-dev|-pip|-venv)?(?=\s|$)/;
/** A tag other than latest, or a digest: the image, and so what it ships, is fixed. */
const pinnedImage = (image: string) => /@sha256:|:(?!latest$)[^/]+$/.test(image);

/** The Python a pinned base image fixes where no FROM python:X names it: apt's python3 of a pinned OS image
 * (named by the release), or a framework image's own (named when the image table knows it, else null). */
function imagePython(file: string, from: { image: string; line: number } | null, apt: string | null): FactRecord[] {
  if (!from || !pinnedImage(from.image)) return [];
  const { image, line } = from;
  const ubuntu = /ubuntu[:-]?(\d\d\.04)\b/.exec(image);
  if (apt !== null) {
    const version = apt.includes(".") ? apt : apt === "2" ? "2.7" : ubuntu ? ubuntuPython(ubuntu[1]!) : undefined;
    if (version) return [{ ...pythonRecord(file, line, version), source: `apt's python in the image ${image}` }];
  }
  if (apt === null && !imageInfo(image)) return [];
  return [{ kind: "python-version", file, line, value: null, source: `the image ${image} fixes it` }];
}

/** The Python an image's tag carries as a word of its own (`rapidsai/rapidsai:cuda10.2-runtime-ubuntu18.04-py3.7`,
 * `miniconda3:4.9.2-py38`, `...-python3.10`): major and minor, never a major alone (`-py3`); null when none. */
export function tagPython(image: string): string | null {
  const name = image.slice(image.lastIndexOf("/") + 1);
  const tag = name.includes(":") ? name.slice(name.indexOf(":") + 1) : "";
  const m = /(?:^|[-_])py(?:thon)?([23])\.?(\d{1,2})(?=$|[-_])/.exec(tag);
  return m ? `${m[1]}.${m[2]}` : null;
}

/** `untagged` for a pulled base that names no release (no tag, or `latest`, and no digest); nothing for an earlier
 * stage, scratch or a base a build argument names (its value is the builder's). */
export function releaseNamed(image: string, stages: ReadonlySet<string> = new Set()): { untagged?: boolean } {
  if (image.includes("$") || image.toLowerCase() === "scratch" || stages.has(image.toLowerCase())) return {};
  if (image.includes("@")) return { untagged: false };
  // The tag follows the last `:` after the last `/` (a registry's port comes before it).
  const tag = /:([\w.-]+)$/.exec(image.slice(image.lastIndexOf("/") + 1))?.[1];
  return { untagged: tag === undefined || tag === "latest" };
}

export function parseDockerfileText(file: string, text: string): FactRecord[] {
  const records: FactRecord[] = [];
  let last: { image: string; line: number } | null = null;
  let apt: string | null = null;
  const stages = new Set<string>();
  for (const { text: instruction, line, physical } of instructions(text)) {
    const from = /^FROM\s+(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i.exec(instruction);
    if (from) {
      const image = from[1]!;
      last = { image, line };
      records.push({ kind: "image", file, line, image, ...releaseNamed(image, stages) });
      if (from[2]) stages.add(from[2].toLowerCase());
      const python = /^(?:[\w.-]+\/)*python:(\d+(?:\.\d+){0,2})/.exec(image);
      const known = imageInfo(image);
      const tagged = tagPython(image);
      if (python) records.push(pythonRecord(file, line, python[1]!));
      else if (known?.python)
        records.push({ ...pythonRecord(file, line, known.python), source: `the image ${image}: ${known.source}` });
      else if (tagged) records.push({ ...pythonRecord(file, line, tagged), source: `the tag of the image ${image}` });
      const cuda = cudaFromImage(file, line, image);
      if (cuda) records.push(cuda);
      continue;
    }
    if (!/^RUN\s/i.test(instruction)) continue;
    const aptPython = APT_PYTHON.exec(instruction);
    if (aptPython) apt = aptPython[1] ?? "2";
    records.push(...atOwnLines(installRecords(file, line, instruction.slice(4), "dockerfile"), line, physical));
  }
  if (!records.some((r) => r.kind === "python-version")) records.push(...imagePython(file, last, apt));
  records.push(...unpinnedClones(file, text));
  for (const { line, problem } of runSyntaxProblems(text)) records.push({ kind: "run-syntax", file, line, problem });
  const template = templateMarker(text);
  if (template) records.push({ kind: "docker-template", file, line: template.line, marker: template.marker });
  return records;
}

// A clone's words run to the end of its shell command (a class of characters: linear whatever the line).
const CLONE = /\bgit\s+clone\s+([^&;|]*)/g;
// A ref that pins: a commit hash or a version tag (a branch name such as master moves).
const PINNED_REF = /^(?:[0-9a-f]{7,40}|v?\d+(?:\.\d+)+[\w.+-]*)$/i;
// What builds or installs a cloned folder.
const BUILD = /\bpip3?\s+install\b|\bsetup\.py\s+(?:install|develop|build)|\bmake\b|\bcmake\b/;

/** A repo a RUN (or a README's code block, `via: "readme"`) clones and then builds with no commit or version tag
 * checked out: the build takes whatever its default branch holds on the day (an install record, unpinned, at the
 * clone's line). In a README a clone's context also ends at its code block's end or a blank line. */
export function unpinnedClones(file: string, text: string, via: "dockerfile" | "readme" = "dockerfile"): FactRecord[] {
  const lines = text.split(/\r?\n/);
  const records: FactRecord[] = [];
  // Each clone's context ends at the next line that clones: every line is read a bounded number of times.
  const ends = (line: string) => /\bgit\s+clone\b/.test(line) || (via === "readme" && /^\s*(?:```|~~~|$)/.test(line));
  const nextClone: number[] = [];
  for (let i = lines.length - 1, next = lines.length; i >= 0; i--) {
    nextClone[i] = next;
    if (ends(lines[i]!)) next = i;
  }
  lines.forEach((raw, i) => {
    if (raw.trim().startsWith("#")) return;
    for (const clone of raw.matchAll(CLONE)) {
      const { url = "", branch } = gitCloneArgs(clone[1]!);
      if (!/^(?:https?:\/\/|git@|git:\/\/)/.test(url)) continue;
      if (branch && PINNED_REF.test(branch)) continue;
      // What follows the clone, up to the next clone: its checkout and its build.
      const rest = [raw.slice((clone.index ?? 0) + clone[0].length), ...lines.slice(i + 1, nextClone[i])]
        .join("\n")
        .split(/\bgit\s+clone\b/)[0]!;
      const checkout = /\bgit\s+(?:-C\s+\S+\s+)?(?:checkout|reset\s+--hard)\s+(?:-\S+\s+)*([^\s&;|]+)/.exec(rest);
      if (checkout && PINNED_REF.test(checkout[1]!)) continue;
      if (!BUILD.test(rest)) continue;
      let end = url.length;
      while (end > 0 && url[end - 1] === "/") end--; // trailing slashes, without a regex that rescans them
      const trimmed = url.slice(0, end);
      const last = trimmed.slice(trimmed.lastIndexOf("/") + 1);
      const repo = last.endsWith(".git") ? last.slice(0, -4) : last;
      if (!/^[A-Za-z0-9._-]+$/.test(repo)) continue;
      records.push({
        kind: "install",
        via,
        file,
        line: i + 1,
        name: normalizeName(repo),
        spec: url,
        pinned: false,
        unpinned: `is cloned from ${url} and built from its default branch, at no commit or tag`,
      });
    }
  });
  return records;
}
