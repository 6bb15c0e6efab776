// What a repo's own Dockerfile may make the engine do on the host, read from its text (pure). The engine
// itself (not a build container) fetches `ADD <url>` and pulls every image `FROM` and `COPY --from` name,
// from the host's network; so remote ADD sources are refused, and the images are listed for the policy.
// The text is read as the engine's parser reads it (dockerfile-parse.ts); an ADD source must moreover be a
// plain path, so no quoting, escape or variable the audit might read otherwise can name a URL.
import {
  dockerfileInstructions,
  escapeDirective,
  lexWord,
  type DockerfileInstruction,
  type EscapeChar,
} from "./dockerfile-parse.js";

export type { DockerfileInstruction } from "./dockerfile-parse.js";
export { dockerfileInstructions } from "./dockerfile-parse.js";

export interface DockerfileReading {
  instructions: DockerfileInstruction[];
  /** Images the build would pull or use: FROM (stage names excluded) and COPY --from=<image>. */
  images: Array<{ image: string; line: number }>;
  /** Why the audit refuses to build it, one sentence each (empty: allowed as far as the text goes). */
  refusals: string[];
}

/** `$A`, `${A}`, `${A:-x}`, `${A:+x}` from `vars`; null when something is left unresolved. */
export function expandArgs(text: string, vars: ReadonlyMap<string, string>): string | null {
  let unresolved = false;
  const expanded = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_all, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare!;
      const value = vars.get(name);
      if (op === "-") return value ? value : (word ?? "");
      if (op === "+") return value ? (word ?? "") : "";
      if (value === undefined) unresolved = true;
      return value ?? "";
    },
  );
  return unresolved || expanded.includes("$") ? null : expanded;
}

/** Words of an instruction's arguments: the JSON array form, else split on blanks (flags kept apart). */
function words(args: string): { flags: string[]; rest: string[] } {
  const flags: string[] = [];
  let text = args;
  for (;;) {
    const flag = /^--[a-zA-Z-]+(?:=\S*)?\s*/.exec(text);
    if (!flag) break;
    flags.push(flag[0].trim());
    text = text.slice(flag[0].length);
  }
  if (text.startsWith("[")) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed) && parsed.every((w) => typeof w === "string"))
        return { flags, rest: parsed as string[] };
    } catch {
      // Not JSON: Docker reads it as the shell form.
    }
  }
  return { flags, rest: text.split(/\s+/).filter(Boolean) };
}

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/)/i;
/** A source the engine can only read as a path in the build context: no scheme, quote, escape or variable. */
const PLAIN_SOURCE = /^[A-Za-z0-9_./*?+@=,~-]+$/;

/** Sources of an ADD the engine would fetch itself, or that are not a plain path the audit can read for sure. */
function addProblems(args: string, line: number, where = "", escape: EscapeChar = "\\"): string[] {
  const { rest } = words(args);
  return rest.slice(0, -1).flatMap((source) => {
    const lexed = lexWord(source, escape);
    const shown = JSON.stringify(source);
    if (REMOTE.test(source) || (lexed !== null && REMOTE.test(lexed.trim())))
      return [
        `line ${line}${where}: ADD ${lexed ?? source} would be fetched by the engine from the host's network, which the audit does not allow (download it in a RUN step instead)`,
      ];
    if (source.includes("$"))
      return [`line ${line}${where}: ADD ${source} takes its source from a variable, which the audit cannot check`];
    if (!PLAIN_SOURCE.test(source))
      return [
        `line ${line}${where}: ADD source ${shown} is not a plain path in the repository (no quotes, escapes or schemes; use COPY with a plain path)`,
      ];
    return [];
  });
}

/** ADD problems as the file reads with the other continuation character: engines differ in which
 * `# escape=` directives they honour, so a source must be plain under either reading. */
function otherEscapeProblems(text: string, escape: EscapeChar): string[] {
  const other: EscapeChar = escape === "\\" ? "`" : "\\";
  return dockerfileInstructions(text, other).flatMap((ins) => {
    if (ins.keyword === "ADD") return addProblems(ins.args, ins.line, "", other);
    const inner = ins.keyword === "ONBUILD" ? /^(\S+)\s*([\s\S]*)$/.exec(ins.args) : null;
    return inner && inner[1]!.toUpperCase() === "ADD" ? addProblems(inner[2]!, ins.line, " (ONBUILD)", other) : [];
  });
}

export function readDockerfile(text: string): DockerfileReading {
  const escape = escapeDirective(text);
  const instructions = dockerfileInstructions(text, escape);
  const globals = new Map<string, string>();
  const stages = new Set<string>();
  const images: DockerfileReading["images"] = [];
  const refusals: string[] = [];
  let seenFrom = false;
  for (const ins of instructions) {
    if (ins.keyword === "ARG" && !seenFrom) {
      for (const decl of ins.args.split(/\s+/).filter(Boolean)) {
        const [name, ...value] = decl.split("=");
        globals.set(name!, value.join("=").replace(/^"(.*)"$/, "$1"));
      }
    } else if (ins.keyword === "FROM") {
      seenFrom = true;
      const { rest } = words(ins.args);
      const raw = rest[0] ?? "";
      const image = expandArgs(raw, globals);
      if (image === null || image === "")
        refusals.push(`line ${ins.line}: FROM ${raw} names its image through a variable the audit cannot resolve`);
      else if (!stages.has(image.toLowerCase()) && image.toLowerCase() !== "scratch")
        images.push({ image, line: ins.line });
      if (rest[1]?.toLowerCase() === "as" && rest[2]) stages.add(rest[2].toLowerCase());
    } else if (ins.keyword === "COPY") {
      const from = words(ins.args).flags.find((f) => f.toLowerCase().startsWith("--from="));
      const source = from?.slice("--from=".length);
      if (source && !stages.has(source.toLowerCase()) && !/^\d+$/.test(source)) {
        if (source.includes("$"))
          refusals.push(
            `line ${ins.line}: COPY --from=${source} takes its image from a variable, which the audit cannot check`,
          );
        else images.push({ image: source, line: ins.line });
      }
    } else if (ins.keyword === "ADD") {
      refusals.push(...addProblems(ins.args, ins.line, "", escape));
    } else if (ins.keyword === "ONBUILD") {
      const inner = /^(\S+)\s*([\s\S]*)$/.exec(ins.args);
      if (inner && inner[1]!.toUpperCase() === "ADD")
        refusals.push(...addProblems(inner[2]!, ins.line, " (ONBUILD)", escape));
    }
  }
  for (const problem of otherEscapeProblems(text, escape)) if (!refusals.includes(problem)) refusals.push(problem);
  return { instructions, images, refusals };
}

/** ONBUILD triggers of a base image (from its config) that would fetch from the network when built upon. */
export function onBuildProblems(image: string, triggers: readonly string[]): string[] {
  return triggers.flatMap((trigger) => {
    const inner = /^(\S+)\s*([\s\S]*)$/.exec(trigger.trim());
    return inner && inner[1]!.toUpperCase() === "ADD"
      ? addProblems(inner[2]!, 0, ` of ${image}'s ONBUILD`).map((p) => p.replace(/^line 0/, "base image"))
      : [];
  });
}

/** The repo's Dockerfile with every FROM that names an image (not an earlier stage) set to `image`. */
export function overrideBaseImages(text: string, image: string): string {
  const lines = text.split(/\r?\n/);
  const stages = new Set<string>();
  const froms = new Map(
    dockerfileInstructions(text)
      .filter((i) => i.keyword === "FROM")
      .map((i) => [i.line, i]),
  );
  return lines
    .map((line, index) => {
      const ins = froms.get(index + 1);
      if (!ins) return line;
      const { flags, rest } = words(ins.args);
      const alias = rest[1]?.toLowerCase() === "as" && rest[2] ? rest[2] : null;
      const named = rest[0] ?? "";
      const fromStage = stages.has(named.toLowerCase());
      if (alias) stages.add(alias.toLowerCase());
      if (fromStage) return line;
      const parts = [
        "FROM",
        ...flags.filter((f) => !f.startsWith("--platform")),
        image,
        ...(alias ? ["AS", alias] : []),
      ];
      return `# repro-audit: FROM ${named} replaced by --base-image-override\n${parts.join(" ")}`;
    })
    .join("\n");
}
