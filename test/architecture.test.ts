// Import directions inside src/: no arrow runs back up. Each folder may import only the folders listed here;
// the orchestrator (pipeline.ts), the public API (index.ts) and the CLI sit on top.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = new URL("../src/", import.meta.url).pathname;

/** What each part of src/ may import, besides itself. "*" is anything but cli/. */
export const ALLOWED: Record<string, readonly string[]> = {
  model: [],
  io: ["model"],
  config: ["model", "io", "carbon"],
  clone: ["model", "io"],
  extract: ["model", "io"],
  evaluate: ["model", "io"],
  provision: ["model", "io"],
  resolve: ["model", "io", "extract", "provision"],
  carbon: ["model", "io"],
  measure: ["model", "io", "carbon"],
  estimate: ["model", "io", "carbon", "measure"],
  // report: the audit's emissions.csv row is built from carbon's CodeCarbon columns.
  report: ["model", "io", "carbon"],
  batch: ["model", "io", "carbon", "clone", "config", "evaluate", "report", "pipeline.ts"],
  action: ["model", "io", "config", "evaluate", "report", "pipeline.ts", "index.ts"],
  cli: ["*", "cli"],
  "pipeline.ts": ["*"],
  "index.ts": ["*"],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith(".ts") ? [path] : [];
  });
}

function violations(src: string): string[] {
  /** The part of src/ a path belongs to: its top folder, or the file itself at the root. */
  const partOf = (path: string) => relative(src, path).split("/")[0]!.replace(/\.js$/, ".ts");
  const found: string[] = [];
  for (const file of sources(src)) {
    const from = partOf(file);
    const allowed = ALLOWED[from];
    if (!allowed) {
      found.push(`${relative(src, file)}: src/${from} has no entry in test/architecture.test.ts`);
      continue;
    }
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s+["'](\.[^"']+)["']/g)) {
      const target = partOf(normalize(join(dirname(file), m[1]!)));
      if (target === from || target.startsWith("..")) continue;
      const ok = allowed.includes(target) || (allowed.includes("*") && target !== "cli");
      if (!ok)
        found.push(
          `${relative(src, file)} imports ${m[1]} (src/${from} may import ${allowed.join(", ") || "nothing"})`,
        );
    }
  }
  return found;
}

/** Imports from one fact family's folder into another's (src/extract/families/<id>/): families read each
 * other's facts through declared reads, never each other's code; what two share lives in a shared room. */
function familyCrossings(src: string): string[] {
  const familyOf = (path: string) => /^extract\/families\/([^/]+)\//.exec(relative(src, path))?.[1] ?? null;
  const found: string[] = [];
  for (const file of sources(src)) {
    const from = familyOf(file);
    if (!from) continue;
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^"';]*?from\s+["'](\.[^"']+)["']/g)) {
      const to = familyOf(normalize(join(dirname(file), m[1]!)));
      if (to && to !== from)
        found.push(`${relative(src, file)} imports ${m[1]} (the ${from} family may not import the ${to} family)`);
    }
  }
  return found;
}

describe("import directions", () => {
  it("no folder of src/ imports one it must not", () => {
    expect(violations(SRC)).toEqual([]);
  });

  it("no fact family imports another", () => {
    expect(familyCrossings(SRC)).toEqual([]);
  });

  it("catches a family importing another family, not one importing a shared room, nor the registry of families", () => {
    const src = mkdtempSync(join(tmpdir(), "arch-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(src, path)), { recursive: true });
      writeFileSync(join(src, path), text);
    };
    write(
      "extract/families/training/index.ts",
      'import { cliOption } from "../cli-options/index.js";\nimport { x } from "./helper.js";\n',
    );
    write("extract/families/training/helper.ts", 'export { y } from "../../python/locate.js";\n');
    write("extract/families/index.ts", 'import { extractor } from "./training/index.js";\n');
    write("extract/families/cli-options/index.ts", "export const cliOption = 1;\n");
    try {
      expect(familyCrossings(src)).toEqual([
        "extract/families/training/index.ts imports ../cli-options/index.js (the training family may not import the cli-options family)",
      ]);
    } finally {
      rmSync(src, { recursive: true, force: true });
    }
  });

  it("catches a backward import, a library file importing the CLI, and an unlisted folder", () => {
    const src = mkdtempSync(join(tmpdir(), "arch-"));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(src, path)), { recursive: true });
      writeFileSync(join(src, path), text);
    };
    write("model/report.ts", 'import { x } from "../measure/x.js";\n');
    write("report/md.ts", 'import type { Progress } from "../cli/progress.js";\nimport { y } from "../model/y.js";\n');
    write("pipeline.ts", 'export { z } from "./cli/main.js";\n');
    write("batch/run.ts", 'import { audit } from "../pipeline.js";\nimport { x } from "../index.js";\n');
    write("gadgets/a.ts", "export const a = 1;\n");
    const found = violations(src).sort();
    rmSync(src, { recursive: true, force: true });
    expect(found).toEqual([
      "batch/run.ts imports ../index.js (src/batch may import model, io, carbon, clone, config, evaluate, report, pipeline.ts)",
      "gadgets/a.ts: src/gadgets has no entry in test/architecture.test.ts",
      "model/report.ts imports ../measure/x.js (src/model may import nothing)",
      "pipeline.ts imports ./cli/main.js (src/pipeline.ts may import *)",
      "report/md.ts imports ../cli/progress.js (src/report may import model, io, carbon)",
    ]);
  });
});
