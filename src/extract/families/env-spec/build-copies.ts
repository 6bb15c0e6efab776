// What each Dockerfile's COPY and ADD take from its build context, and whether that context holds it: the
// context a compose file, a script, a Makefile recipe or a README `docker build [-f X] ctx` names, else the Dockerfile's own folder.
import { posix } from "node:path";
import type { FactRecord, Facts } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { parseConfig } from "../../parse/config-parse.js";
import { expandMakeVariables, makeVariables } from "../../shell/make-vars.js";
import { contextHolds, copySources, dockerIgnored } from "../../parse/docker-copies.js";
import { readmeMadeFolder } from "../../parse/readme-made-folders.js";
import { shellWords } from "../../shell/shell-words.js";
import { isReadmePath, roleOf } from "../../view/file-roles.js";
import { inEnvironmentFolder } from "../../view/vendored.js";

/** The most COPY sources read per Dockerfile: a generated one with thousands of lines costs no more. */
const MAX_SOURCES = 200;
const COMPOSE = /(?:^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i;
const MAKEFILE = /(?:^|\/)(?:GNUmakefile|[Mm]akefile|[\w.-]+\.mk)$/;
const BUILD = /\b(?:docker|podman)\s+build\b/;
const norm = (p: string) => {
  const n = posix.normalize(p).replace(/^\.\/?|\/$/g, "");
  return n === "." ? "" : n;
};
const folderOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");

/** Dockerfile -> the contexts something names for it, each with where it is named (`README.md:12`). */
type Named = Map<string, Map<string, string>>;

function name(named: Named, dockerfile: string, context: string, where: string): void {
  const known = named.get(dockerfile) ?? named.set(dockerfile, new Map()).get(dockerfile)!;
  if (!known.has(context)) known.set(context, where);
}

/** The Dockerfile and context of one `docker build` command run in `cwd` (a leading `cd X &&` moves it first). */
function fromCommand(command: string, cwd: string, named: Named, where: string): void {
  const words = shellWords(command);
  const at = words.findIndex((w, i) => w === "build" && /(?:^|\/)(?:docker|podman)$/.test(words[i - 1] ?? ""));
  if (at < 0) return;
  for (let i = 0; i < at; i++)
    if (words[i] === "cd" && words[i + 1] && !/^[-$~/]/.test(words[i + 1]!)) cwd = norm(posix.join(cwd, words[i + 1]!));
  let file: string | null = null;
  let context: string | null = null;
  for (let i = at + 1; i < words.length; i++) {
    const w = words[i]!;
    if (/^(?:&&|;|\||\|\|)$/.test(w)) break;
    if (w === "-f" || w === "--file") file = words[++i] ?? null;
    else if (w.startsWith("--file=")) file = w.slice(7);
    else if (/^-(?:t|-tag|-build-arg|-target|-network|-platform|-label)$/.test(w)) i++;
    else if (!w.startsWith("-")) context = w;
  }
  if (context === null || /^[a-z]+:\/\/|^-$/.test(context) || context.includes("$")) return;
  const ctx = norm(posix.join(cwd, context));
  if (ctx.startsWith("..")) return;
  name(named, norm(file ? posix.join(cwd, file) : posix.join(ctx, "Dockerfile")), ctx, where);
}

/** `docker build -f docker/Dockerfile .` in a README block (its folder being the one the command runs in). */
function fromCommands(facts: Facts, named: Named): void {
  for (const r of facts.families["readme"] ?? []) {
    if (r.kind !== "command" || typeof r.command !== "string" || typeof r.file !== "string") continue;
    fromCommand(r.command, typeof r.cwd === "string" ? r.cwd : folderOf(r.file), named, `${r.file}:${r.line}`);
  }
}

/** `docker build` in a shell script: run from the folder its `-f` path resolves from (the root, or the script's
 * own folder), moved by the script's plain `cd X` lines. */
function fromScripts(view: RepoView, named: Named): void {
  for (const entry of view.files()) {
    if (entry.skipped || !entry.path.endsWith(".sh")) continue;
    const text = view.read(entry.path);
    if (text === null || !/\b(?:docker|podman)\s+build\b/.test(text)) continue;
    const own = folderOf(entry.path);
    text.split(/\r?\n/).forEach((raw, i) => {
      const line = raw.trim();
      if (!/\b(?:docker|podman)\s+build\b/.test(line) || line.startsWith("#")) return;
      // Which folder the script runs from: the one where its -f Dockerfile (or ./Dockerfile) is found.
      const cds = text
        .split(/\r?\n/)
        .slice(0, i)
        .map((l) => /^cd\s+["']?([\w./-]+)["']?\s*$/.exec(l.trim())?.[1])
        .filter((d): d is string => d !== undefined && !d.startsWith("/"));
      const moved = (start: string) => cds.reduce((at, d) => norm(posix.join(at, d)), start);
      const file = /\s(?:-f|--file)[\s=]+["']?([^\s"']+)/.exec(line)?.[1] ?? "Dockerfile";
      const starts = [...new Set([own, ""])];
      const start = starts.find((s) => view.has(norm(posix.join(moved(s), file)))) ?? starts[0]!;
      fromCommand(line, moved(start), named, `${entry.path}:${i + 1}`);
    });
  }
}

/** The recipe lines of a Makefile, each with its `\\` continuations joined and the Makefile's own variables
 * expanded, with the number of its first line. */
function makeRecipeLines(text: string): Array<{ line: number; text: string }> {
  const vars = makeVariables(text);
  const lines = text.split(/\r?\n/).slice(0, 5000);
  const out: Array<{ line: number; text: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("\t")) continue;
    const first = i;
    let body = lines[i]!.replace(/^\t[@+-]*/, "");
    while (body.endsWith("\\") && i + 1 < lines.length && body.length < 4000)
      body = `${body.slice(0, -1)} ${lines[++i]!.replace(/^\t/, "").trim()}`;
    if (body.trim() !== "") out.push({ line: first + 1, text: expandMakeVariables(body, vars) });
  }
  return out;
}

/** `docker build` in a Makefile recipe: make runs each recipe line from the Makefile's folder (a `cd X &&`
 * prefix moving it), with the Makefile's variables expanded. */
function fromMakefiles(view: RepoView, named: Named): void {
  for (const entry of view.files()) {
    if (entry.skipped || !MAKEFILE.test(entry.path)) continue;
    const text = view.read(entry.path);
    if (text === null || !BUILD.test(text)) continue;
    for (const { line, text: command } of makeRecipeLines(text))
      if (BUILD.test(command)) fromCommand(command, folderOf(entry.path), named, `${entry.path}:${line}`);
  }
}

/** A compose file's `build: ctx` or `build: { context, dockerfile }`. */
function fromCompose(view: RepoView, named: Named): void {
  for (const entry of view.files()) {
    if (entry.skipped || !COMPOSE.test(entry.path)) continue;
    const parsed = parseConfig(view.read(entry.path) ?? "", "yaml");
    const services =
      parsed.ok && parsed.value && typeof parsed.value === "object"
        ? (parsed.value as { services?: unknown }).services
        : null;
    if (!services || typeof services !== "object") continue;
    for (const service of Object.values(services as Record<string, unknown>)) {
      const build = service && typeof service === "object" ? (service as { build?: unknown }).build : undefined;
      const spec =
        typeof build === "string"
          ? { context: build }
          : build && typeof build === "object"
            ? (build as { context?: unknown; dockerfile?: unknown })
            : null;
      if (!spec) continue;
      const ctx = norm(posix.join(folderOf(entry.path), typeof spec.context === "string" ? spec.context : "."));
      const dockerfile = norm(posix.join(ctx, typeof spec.dockerfile === "string" ? spec.dockerfile : "Dockerfile"));
      name(named, dockerfile, ctx, entry.path);
    }
  }
}

/** The build contexts each Dockerfile is built from: those a compose file or README command names, else its own
 * folder or the root; and whether it is the repo's environment (the root one, or one something builds). */
export function dockerfileContexts(
  view: RepoView,
  facts: Facts,
): (file: string) => { contexts: string[]; environment: boolean; namedAt: Map<string, string> | null } {
  const named: Named = new Map();
  fromCommands(facts, named);
  fromScripts(view, named);
  fromMakefiles(view, named);
  fromCompose(view, named);
  return (file) => {
    const given = named.get(file);
    // Unnamed, a Dockerfile below the root may be built from there or from the root.
    return {
      contexts: given ? [...given.keys()] : [...new Set([folderOf(file), ""])],
      environment: given !== undefined || !file.includes("/"),
      namedAt: given ?? null,
    };
  };
}

/** One record per COPY/ADD source: `present` whether the context holds it; `environment` when the
 * Dockerfile is the repo's environment (the root one, or one a compose file or README command builds). */
export function copyRecords(view: RepoView, facts: Facts): FactRecord[] {
  const contextsOf = dockerfileContexts(view, facts);
  const all = view.files().map((e) => e.path);
  // Each context's files once, less what its .dockerignore leaves out.
  const contexts = new Map<string, { kept: string[] }>();
  const contextOf = (ctx: string) => {
    let known = contexts.get(ctx);
    if (!known) {
      const inside = ctx === "" ? all : all.filter((p) => p.startsWith(`${ctx}/`)).map((p) => p.slice(ctx.length + 1));
      const ignore = view.read(ctx === "" ? ".dockerignore" : `${ctx}/.dockerignore`);
      contexts.set(ctx, (known = { kept: ignore ? inside.filter((p) => !dockerIgnored(ignore, p)) : inside }));
    }
    return known;
  };
  const readmes = view
    .files()
    .filter((e) => !e.skipped && isReadmePath(e.path.slice(e.path.lastIndexOf("/") + 1)))
    .map((e) => ({ path: e.path, text: view.read(e.path) ?? "" }));
  // Where a README has the user make or fill the folder before the build ("Create a directory `data`").
  const madeAt = (source: string) => {
    for (const r of readmes) {
      const line = readmeMadeFolder(r.text, source);
      if (line !== null) return `${r.path}:${line}`;
    }
    return null;
  };
  const records: FactRecord[] = [];
  for (const entry of view.files()) {
    if (entry.skipped || roleOf(entry) !== "dockerfile" || inEnvironmentFolder(entry.path)) continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    // Unnamed, a Dockerfile below the root may be built from there or from the root: missing only from both.
    const { contexts: tried, environment, namedAt } = contextsOf(entry.path);
    const holds = (ctx: string, source: string, instruction: string) => {
      const { kept } = contextOf(ctx);
      // A wheel installed by name came in through some COPY: any file of that name the context keeps.
      if (instruction === "pip install") return kept.some((p) => p.split("/").pop() === source.split("/").pop());
      return contextHolds(kept, source, null);
    };
    const own = folderOf(entry.path);
    for (const { line, source, instruction } of copySources(text).slice(0, MAX_SOURCES)) {
      const present = tried.some((ctx) => holds(ctx, source, instruction));
      // A command names another context, yet the Dockerfile's own folder holds the source: the command or the
      // Dockerfile is wrong, and which one is not for us to say.
      const beside = !present && namedAt !== null && !tried.includes(own) && holds(own, source, instruction);
      const context = tried
        .map((c) => (namedAt?.has(c) ? `${c || "."}, as ${namedAt.get(c)} builds it` : c || "."))
        .join(" or ");
      records.push({
        kind: "copy",
        file: entry.path,
        line,
        copied: source,
        instruction,
        context: beside ? `${context}; ${own}, the Dockerfile's own folder, holds it` : context,
        present,
        besideDockerfile: beside,
        environment,
        ...(present || instruction === "pip install" ? {} : { userMade: madeAt(source) }),
      });
    }
  }
  return records;
}
