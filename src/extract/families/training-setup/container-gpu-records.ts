// One record per `docker run` a shell script or a README command runs, when the Python that container runs asks for
// CUDA: whether the container gets a GPU (`value`), the image it runs (`name`) and where the code asks (`cudaAt`).
// A container whose command is a script of the repo is judged by that script and what it imports; one whose
// command is unknown (an interactive shell, the image's own) by any of the repo's Python.
import type { FactRecord, Facts } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { filesWithRole } from "../../view/file-roles.js";
import { pythonIndex, reachableFrom } from "../../python/repo-index.js";
import { containerFolderOf } from "../../shell/container-mounts.js";
import { joinRel } from "../../shell/readme-commands.js";
import { cudaLine, dockerRunGrantsGpu } from "./container-gpu.js";

/** The image a `docker run` line names: its first plain word after the options (a guess, for the message). */
const imageOf = (command: string) =>
  /\brun\b((?:\s+-{1,2}[\w-]+(?:[=\s]+(?!-)\S+)?)*)\s+([a-z0-9][\w.\/:@-]*)/.exec(command)?.[2] ?? null;

export function containerGpuRecords(view: RepoView, facts: Facts): FactRecord[] {
  const runs: Array<{ file: string; line: number; command: string; via: string; script?: string }> = [];
  for (const entry of filesWithRole(view, "shell")) {
    if (entry.skipped) continue;
    const text = view.read(entry.path) ?? "";
    if (!/\b(?:docker|podman)\b/.test(text)) continue;
    // Continued lines joined, so a `--gpus` on the next line counts.
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      let command = lines[i]!;
      const first = i;
      while (command.trimEnd().endsWith("\\") && i + 1 < lines.length)
        command = command.trimEnd().slice(0, -1) + " " + lines[++i];
      if (!command.trim().startsWith("#")) runs.push({ file: entry.path, line: first + 1, command, via: "shell" });
    }
  }
  for (const r of facts.families["readme"] ?? [])
    if (r.kind === "command" && typeof r.command === "string" && typeof r.file === "string")
      runs.push({
        file: r.file,
        line: typeof r.line === "number" ? r.line : 1,
        command: r.command,
        via: "readme",
        ...(typeof r.script === "string" ? { script: r.script } : {}),
      });
  const started = runs.filter((r) => dockerRunGrantsGpu(r.command) !== null);
  if (started.length === 0) return [];
  // Where any of the repo's Python asks for CUDA: the judge of a container whose command is unknown.
  let anyCuda: string | null = null;
  for (const source of view.python()) {
    const line = cudaLine(source.text);
    if (line !== null) {
      anyCuda = `${source.path}:${line}`;
      break;
    }
  }
  if (anyCuda === null) return [];
  const inContainer = containerFolderOf(view);
  const out: FactRecord[] = [];
  for (const r of started) {
    const program = r.script ?? programOf(r.command, r.file, inContainer);
    const cudaAt =
      program !== null && view.has(program) && program.endsWith(".py") ? cudaReached(view, program) : anyCuda;
    if (cudaAt === null) continue;
    out.push({
      file: r.file,
      line: r.line,
      kind: "container-gpu",
      value: dockerRunGrantsGpu(r.command)!,
      via: r.via,
      name: imageOf(r.command),
      cudaAt,
    });
  }
  return out;
}

/** The repo's Python file a script's `docker run ... python /w/x.py` runs: its first .py word, a container path
 * read through the mounts of the clone, a relative one from the script's folder; null when it names none. */
function programOf(command: string, file: string, inContainer: (path: string) => string | null): string | null {
  const word = /\srun\s.*?\s(["']?)([^\s"'$]+\.py)\1(?:\s|$)/.exec(command)?.[2];
  if (word === undefined) return null;
  if (word.startsWith("/")) return inContainer(word);
  return joinRel(file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "", word);
}

/** Where the program, or a file of the repo it imports, asks for CUDA ("file:line"); null when none does. */
function cudaReached(view: RepoView, program: string): string | null {
  const reached = reachableFrom(pythonIndex(view), [program]);
  for (const path of [program, ...[...reached].filter((p) => p !== program).sort()]) {
    const line = cudaLine(view.read(path) ?? "");
    if (line !== null) return `${path}:${line}`;
  }
  return null;
}
