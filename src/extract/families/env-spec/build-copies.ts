// What each Dockerfile's COPY and ADD take from its build context, and whether that context holds it: the
// context a compose file or a README `docker build [-f X] ctx` names, else the Dockerfile's own folder.
import { posix } from "node:path";
import type { FactRecord, Facts } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { parseConfig } from "../../parse/config-parse.js";
import { contextHolds, copySources, dockerIgnored } from "../../parse/docker-copies.js";
import { shellWords } from "../../shell/shell-words.js";
import { roleOf } from "../../view/file-roles.js";
import { inEnvironmentFolder } from "../../view/vendored.js";

/** The most COPY sources read per Dockerfile: a generated one with thousands of lines costs no more. */
const MAX_SOURCES = 200;
const COMPOSE = /(?:^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i;
const norm = (p: string) => {
  const n = posix.normalize(p).replace(/^\.\/?|\/$/g, "");
  return n === "." ? "" : n;
};
const folderOf = (p: string) => (p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "");

/** Dockerfile -> the contexts something names for it. */
type Named = Map<string, Set<string>>;

function name(named: Named, dockerfile: string, context: string): void {
  (named.get(dockerfile) ?? named.set(dockerfile, new Set()).get(dockerfile)!).add(context);
}

/** `docker build -f docker/Dockerfile .` in a README block (its folder being the one the command runs in). */
function fromCommands(facts: Facts, named: Named): void {
  for (const r of facts.families["readme"] ?? []) {
    if (r.kind !== "command" || typeof r.command !== "string" || typeof r.file !== "string") continue;
    const words = shellWords(r.command);
    const at = words.findIndex((w, i) => w === "build" && /(?:^|\/)(?:docker|podman)$/.test(words[i - 1] ?? ""));
    if (at < 0) continue;
    const cwd = typeof r.cwd === "string" ? r.cwd : folderOf(r.file);
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
    if (context === null || /^[a-z]+:\/\/|^-$/.test(context)) continue;
    const ctx = norm(posix.join(cwd, context));
    name(named, norm(file ? posix.join(cwd, file) : posix.join(ctx, "Dockerfile")), ctx);
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
      name(named, norm(posix.join(ctx, typeof spec.dockerfile === "string" ? spec.dockerfile : "Dockerfile")), ctx);
    }
  }
}

/** The build contexts each Dockerfile is built from: those a compose file or README command names, else its own
 * folder or the root; and whether it is the repo's environment (the root one, or one something builds). */
export function dockerfileContexts(
  view: RepoView,
  facts: Facts,
): (file: string) => { contexts: string[]; environment: boolean } {
  const named: Named = new Map();
  fromCommands(facts, named);
  fromCompose(view, named);
  return (file) => {
    const given = named.get(file);
    // Unnamed, a Dockerfile below the root may be built from there or from the root.
    return {
      contexts: given ? [...given] : [...new Set([folderOf(file), ""])],
      environment: given !== undefined || !file.includes("/"),
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
  const records: FactRecord[] = [];
  for (const entry of view.files()) {
    if (entry.skipped || roleOf(entry) !== "dockerfile" || inEnvironmentFolder(entry.path)) continue;
    const text = view.read(entry.path);
    if (text === null) continue;
    // Unnamed, a Dockerfile below the root may be built from there or from the root: missing only from both.
    const { contexts: tried, environment } = contextsOf(entry.path);
    for (const { line, source, instruction } of copySources(text).slice(0, MAX_SOURCES)) {
      const present = tried.some((ctx) => {
        const { kept } = contextOf(ctx);
        // A wheel installed by name came in through some COPY: any file of that name the context keeps.
        if (instruction === "pip install") return kept.some((p) => p.split("/").pop() === source.split("/").pop());
        return contextHolds(kept, source, null);
      });
      records.push({
        kind: "copy",
        file: entry.path,
        line,
        copied: source,
        instruction,
        context: tried.map((c) => c || ".").join(" or "),
        present,
        environment,
      });
    }
  }
  return records;
}
