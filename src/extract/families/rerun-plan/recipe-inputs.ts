// The files a Makefile target the plan runs copies or loads as they are (`make db`: `cp out.pgsql db/`,
// `psql app < out.pgsql`) that the repo lacks and nothing before writes: a database dump or seed that lived only
// on the author's machine. Recipe lines that run no program are no steps of the plan, so they are read here.
import type { FactRecord } from "../../../model/facts.js";
import type { RepoView } from "../../../model/repo-view.js";
import { isMakefilePath } from "../../../model/file-kinds.js";
import { makeArguments } from "../../shell/make-vars.js";
import { makeGoal } from "../../shell/make-goal.js";
import { makeRecipe } from "./make-recipe.js";
import { joinFrom } from "./parser-view.js";
import { writes } from "./missing-configs.js";
import { stepInputFiles, stepOutputFiles } from "./step-inputs.js";
import type { Step } from "./steps.js";

/** One record per missing input, at its recipe line; `written`: the paths the plan's code writes. */
export function recipeInputRecords(steps: readonly Step[], view: RepoView, written: readonly string[]): FactRecord[] {
  const out: FactRecord[] = [];
  const made = new Set<string>();
  let readme: string | undefined | null = null;
  for (const step of [...steps].sort((a, b) => a.order - b.order)) {
    if (step.program === null || !isMakefilePath(step.program) || !/^\s*make\b/.test(step.command)) {
      for (const p of stepOutputFiles(step.command)) {
        const path = joinFrom(step.cwd, p);
        if (path) made.add(path);
      }
      continue;
    }
    const text = view.read(step.program);
    if (text === null) continue;
    const folder = step.program.includes("/") ? step.program.slice(0, step.program.lastIndexOf("/")) : "";
    // The README names the pipeline target where the default goal only prints help; looked up once, when needed.
    if (!step.makeTarget) readme ??= view.files().find((f) => /^readme(?:\.\w+)?$/i.test(f.path))?.path;
    const target = step.makeTarget || makeGoal(text, readme ? (view.read(readme) ?? "") : "");
    for (const line of makeRecipe(text, target, makeArguments(step.command))) {
      for (const p of stepInputFiles(line.text)) {
        const path = joinFrom(folder, p);
        if (!path || view.has(path) || view.isDir(path) || made.has(path) || written.some((w) => writes(w, path)))
          continue;
        out.push({ kind: "recipe-input", file: step.program, line: line.line, command: line.text, missingInput: path });
        made.add(path); // one finding per file, at its first use
      }
      for (const p of stepOutputFiles(line.text)) {
        const path = joinFrom(folder, p);
        if (path) made.add(path);
      }
    }
  }
  return out;
}
