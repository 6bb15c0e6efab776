// What a resolver is asked for each environment spec (pure): requirement lines rebuilt from the facts
// (never the repo's own option lines), the Python the spec states, and what could not be asked and why.
import { yamlParser } from "../io/yaml.js";
import type { Facts } from "../model/facts.js";
import { factsOf, type EnvSpecFact } from "../model/fact-types.js";
import type { RepoView } from "../model/repo-view.js";
import { installCommands } from "../extract/parse/installs.js";
import { lineOf } from "../extract/parse/lines.js";
import { parseRequirement, type Requirement } from "../extract/parse/pep508.js";
import { requirementsOtherLines } from "../extract/parse/requirements.js";
import { allowsPython, DEFAULT_PYTHON, lowestPython, statesMinor } from "../provision/python-version.js";
import { pythonStatements, requirementsClosure, wheelPythons } from "../provision/spec-plan.js";
import { pipSpec } from "../provision/dockerfile.js";

export interface AskedLine {
  /** The requirement as the resolver reads it. */
  requirement: string;
  /** The spec line that asked for it. */
  file: string;
  line: number;
  /** Set when the line was rewritten (a wheel URL read as its version, a local version dropped). */
  rewritten?: string;
  /** The wheel URL the spec names, when the line was read as its version. */
  url?: string;
}

export interface SpecToResolve {
  /** The spec's file (a requirements root, environment.yml, pyproject.toml, setup.py, the README). */
  file: string;
  /** The files it reads (a requirements file's -r includes). */
  files: string[];
  /** `range`: the statement when it allows several Pythons (`>=3.5`), each of which the stage may judge. */
  python: { version: string; stated: boolean; source: string; range?: string };
  lines: AskedLine[];
  /** Lines left out, with why (a VCS URL or a local path needs a build, not a resolver). */
  skipped: Array<{ file: string; line: number; why: string }>;
  /** The spec's option lines, never passed on (an index of its own, `--pre`), with why. */
  notAsked: Array<{ file: string; line: number; why: string }>;
}

/** The Pythons a stated range is judged on, oldest first: from the oldest the resolver runs. */
export const RANGE_PYTHONS = ["3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"];

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const SPEC = /^[\s\w.*+!<>=~,-]*$/;
const EXTRAS = /^[\w.,\s-]*$/;
const MARKER = /^[\w\s.'"<>=!~()-]*$/;

/** A wheel URL's version: `torch-1.10.0+cu113-cp39-cp39-linux_x86_64.whl` -> "1.10.0+cu113". */
export function wheelVersion(url: string): string | null {
  const file = decodeURIComponent(url.slice(url.lastIndexOf("/") + 1).split(/[?#]/)[0]!);
  const m = /^[A-Za-z0-9_.]+-([0-9][^-]*)-(?:\d[^-]*-)?[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
  return m ? m[1]! : null;
}

/** A local version the index the build uses never serves (`+cu118`, `+cpu`, `+rocm5.2`). */
const BUILD_LOCAL = /\+(?:cu\d+|cpu|rocm[\d.]*)$/;

/** One package record as a requirement line for the resolver, or why it cannot be asked. */
export function askedLine(
  r: Pick<Requirement, "name" | "spec" | "extras" | "marker">,
  file: string,
  line: number,
): AskedLine | { skip: string } {
  if (!NAME.test(r.name)) return { skip: `'${r.name}' is not a distribution name` };
  let spec = r.spec.trim();
  let rewritten: string | undefined;
  let url: string | undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(spec) || spec.startsWith("/") || spec.startsWith(".")) {
    const version = /^https?:/i.test(spec) && /\.whl(?:[?#].*)?$/i.test(spec) ? wheelVersion(spec) : null;
    if (!version)
      return { skip: `${r.name} comes from ${spec.split(/[?#]/)[0]}, which a resolver reads only by building it` };
    spec = `==${version.replace(BUILD_LOCAL, "")}`;
    rewritten = `the wheel URL read as ${r.name}${spec}`;
    url = r.spec.trim();
  } else {
    if (spec === "*") spec = "";
    spec = pipSpec(spec);
    const local = /^(===?\s*[^\s,;]+?)(\+(?:cu\d+|cpu|rocm[\d.]*))$/.exec(spec);
    if (local) {
      spec = local[1]!;
      rewritten = `${local[2]} dropped: that build is served by PyTorch's index, its version by the index`;
    }
  }
  if (!SPEC.test(spec) || (r.extras && !EXTRAS.test(r.extras)) || (r.marker && !MARKER.test(r.marker)))
    return { skip: `${r.name}${spec} is not a requirement a resolver reads` };
  const requirement = `${r.name}${r.extras ? `[${r.extras}]` : ""}${spec}${r.marker ? `; ${r.marker}` : ""}`;
  return { requirement, file, line, ...(rewritten ? { rewritten } : {}), ...(url ? { url } : {}) };
}

function add(
  spec: SpecToResolve,
  r: Pick<Requirement, "name" | "spec" | "extras" | "marker">,
  file: string,
  line: number,
): void {
  const asked = askedLine(r, file, line);
  if ("skip" in asked) spec.skipped.push({ file, line, why: asked.skip });
  else spec.lines.push(asked);
}

/** A requirements file's lines that name no package: each said, none passed to the resolver. */
function addOtherLines(spec: SpecToResolve, file: string, text: string): void {
  for (const other of requirementsOtherLines(text)) {
    const shown = JSON.stringify(other.text.length > 80 ? `${other.text.slice(0, 77)}...` : other.text);
    if (other.kind === "local")
      spec.skipped.push({
        file,
        line: other.line,
        why: `${shown} installs the repo's own code, which a resolver reads only by building it`,
      });
    else
      spec.notAsked.push({
        file,
        line: other.line,
        why:
          other.kind === "index"
            ? `${shown} is not followed: the resolver asks only the index the user names`
            : `the option ${shown} is not passed to the resolver`,
      });
  }
}

const fromRecord = (r: EnvSpecFact) => ({
  name: String(r.name),
  spec: String(r.spec ?? ""),
  ...(typeof r.extras === "string" ? { extras: r.extras } : {}),
  ...(typeof r.marker === "string" ? { marker: r.marker } : {}),
});

/** A conda file's pip section: the only part a PyPI resolver can judge. */
function condaPipLines(text: string): Array<{ entry: string; line: number }> {
  let doc: unknown;
  try {
    doc = yamlParser().load(text, { json: true });
  } catch {
    return [];
  }
  const deps = (doc as { dependencies?: unknown } | null)?.dependencies;
  const out: Array<{ entry: string; line: number }> = [];
  let cursor = 1;
  for (const dep of Array.isArray(deps) ? deps : []) {
    const pip = dep && typeof dep === "object" ? (dep as { pip?: unknown }).pip : undefined;
    for (const entry of Array.isArray(pip) ? pip : []) {
      if (typeof entry !== "string") continue;
      cursor = lineOf(text, entry, cursor, cursor);
      if (!entry.trim().startsWith("-")) out.push({ entry, line: cursor });
    }
  }
  return out;
}

/** The Python the repo states for a spec (the statement the build believes: its own files and pin files first,
 * then any other file's, a conda file or setup script beside it, the README), else the default. */
function pythonFor(records: readonly EnvSpecFact[], files: string[]): SpecToResolve["python"] {
  const tagged = wheelPythons(records, files);
  for (const r of pythonStatements(records, files)) {
    const value = String(r.value);
    if (!statesMinor(value)) continue;
    // A range (`>=3.5`) is judged on its oldest Python the pins install on: the stage tries the others it allows.
    const oldest = RANGE_PYTHONS.find(
      (p) =>
        allowsPython(value, p, { syntax: "stated", unreadable: false }) && (tagged.length === 0 || tagged.includes(p)),
    );
    const version = oldest ?? lowestPython(value, tagged);
    if (version)
      return {
        version,
        stated: true,
        source: `${r.file}:${r.line} (${r.value})`,
        ...(/^\s*\d+\.\d+(?:\.[\d*]+)?\s*$/.test(value) ? {} : { range: value }),
      };
  }
  if (tagged.length === 1)
    return { version: tagged[0]!, stated: true, source: `the cp${tagged[0]!.replace(".", "")} wheels it pins` };
  return { version: DEFAULT_PYTHON, stated: false, source: "default" };
}

/** Every spec a stranger could install with pip, each with what to ask a resolver. */
export function specsToResolve(facts: Facts, view: RepoView): SpecToResolve[] {
  const records = factsOf(facts, "env-spec");
  const specFiles = records.filter((r) => r.kind === "spec-file");
  const out: SpecToResolve[] = [];
  const start = (file: string, files: string[]): SpecToResolve => ({
    file,
    files,
    python: pythonFor(records, files),
    lines: [],
    skipped: [],
    notAsked: [],
  });
  // Requirements files: each root with its -r / -c includes (a file another includes is not a root).
  const requirements = specFiles.filter((r) => r.format === "requirements").map((r) => String(r.file));
  const closures = new Map(requirements.map((f) => [f, requirementsClosure(view, f)]));
  const included = new Set([...closures.values()].flatMap((c) => c.slice(1)));
  for (const root of requirements.filter((f) => !included.has(f))) {
    const files = closures.get(root)!;
    const spec = start(root, files);
    for (const r of records)
      if (r.kind === "package" && files.includes(String(r.file)))
        add(spec, fromRecord(r), String(r.file), Number(r.line ?? 1));
    for (const file of files) addOtherLines(spec, file, view.read(file) ?? "");
    out.push(spec);
  }
  // Project metadata: pyproject (PEP 621 or Poetry), setup.py, setup.cfg, Pipfile.
  for (const s of specFiles.filter((r) =>
    ["pyproject", "poetry", "setup-py", "setup-cfg", "pipfile"].includes(String(r.format)),
  )) {
    const file = String(s.file);
    const spec = start(file, [file]);
    for (const r of records)
      if (r.kind === "package" && r.file === file && r.name !== "python")
        add(spec, fromRecord(r), file, Number(r.line ?? 1));
    out.push(spec);
  }
  // conda: its pip section.
  for (const s of specFiles.filter((r) => r.format === "conda")) {
    const file = String(s.file);
    const spec = start(file, [file]);
    for (const { entry, line } of condaPipLines(view.read(file) ?? "")) {
      const req = parseRequirement(entry);
      if (req) add(spec, req, file, line);
    }
    if (spec.lines.length || spec.skipped.length) out.push(spec);
  }
  // The README's `pip install` lines, together: what its reader runs.
  const readme = new Map<string, SpecToResolve>();
  const listed = new Set<string>();
  for (const r of factsOf(facts, "readme")) {
    if (r.kind !== "command" || typeof r.command !== "string" || typeof r.file !== "string" || r.via !== undefined)
      continue;
    for (const { tool, lines } of installCommands(r.command)) {
      if (tool !== "pip") continue;
      for (const entry of lines) {
        const req = entry.startsWith("-") ? null : parseRequirement(entry);
        if (!req) continue;
        const spec = readme.get(r.file) ?? readme.set(r.file, start(r.file, [r.file])).get(r.file)!;
        add(spec, req, r.file, Number(r.line ?? 1));
      }
    }
  }
  // A README's version list (read where no spec file exists) is the spec it states, unless the README's own
  // install lines say what its reader runs: exact versions as pins, minimums as lower bounds.
  for (const r of records) {
    if (r.kind !== "install" || r.via !== "readme-list" || typeof r.file !== "string" || typeof r.name !== "string")
      continue;
    if (readme.has(r.file) && !listed.has(r.file)) continue;
    listed.add(r.file);
    const spec = readme.get(r.file) ?? readme.set(r.file, start(r.file, [r.file])).get(r.file)!;
    add(spec, fromRecord(r), r.file, Number(r.line ?? 1));
  }
  out.push(...readme.values());
  return out.filter((s) => s.lines.length > 0 || s.skipped.length > 0);
}
