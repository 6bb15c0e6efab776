// One record per `docker run` a shell script or a README command runs, when the repo's Python asks for CUDA:
// whether the container gets a GPU (`value`), the image it runs (`name`) and where the code asks (`cudaAt`).
import type { FactRecord, Facts } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { filesWithRole } from "../../view/file-roles.js";
import { cudaLine, dockerRunGrantsGpu } from "./container-gpu.js";

/** The image a `docker run` line names: its first plain word after the options (a guess, for the message). */
const imageOf = (command: string) =>
  /\brun\b((?:\s+-{1,2}[\w-]+(?:[=\s]+(?!-)\S+)?)*)\s+([a-z0-9][\w.\/:@-]*)/.exec(command)?.[2] ?? null;

export function containerGpuRecords(view: RepoView, facts: Facts): FactRecord[] {
  const runs: Array<{ file: string; line: number; command: string; via: string }> = [];
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
      runs.push({ file: r.file, line: typeof r.line === "number" ? r.line : 1, command: r.command, via: "readme" });
  const started = runs.filter((r) => dockerRunGrantsGpu(r.command) !== null);
  if (started.length === 0) return [];
  let cudaAt: string | null = null;
  for (const source of view.python()) {
    const line = cudaLine(source.text);
    if (line !== null) {
      cudaAt = `${source.path}:${line}`;
      break;
    }
  }
  if (cudaAt === null) return [];
  return started.map((r) => ({
    file: r.file,
    line: r.line,
    kind: "container-gpu",
    value: dockerRunGrantsGpu(r.command)!,
    via: r.via,
    name: imageOf(r.command),
    cudaAt,
  }));
}
