// Every reader of README and shell lines finishes on pathological lines: a short unit (a bracket, a quote,
// a run of spaces) repeated into one line of 50,000 characters. A super-linear pattern takes minutes here;
// each call gets a generous hang guard, not a speed target.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { finishes, lineOf, unitOf, HANG_GUARD_MS } from "../support/hang-guard.js";
import { parseReadme } from "../../src/extract/shell/readme-parse.js";
import { interpretLine, joinContinuations } from "../../src/extract/shell/readme-commands.js";
import { shellPaths } from "../../src/extract/shell/shell-words.js";
import { shellWrites } from "../../src/extract/families/data-refs/produced.js";
import { installRecords } from "../../src/extract/parse/installs.js";
import { readmeListRecords } from "../../src/extract/parse/readme-list.js";
import { extractFacts } from "../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../src/extract/families/index.js";
import { memoryView } from "../../src/extract/view/memory-view.js";
import { scriptWrites } from "../../src/extract/shell/script-writes.js";
import { scriptLineReader } from "../../src/extract/shell/script-folder.js";
import { tileGrid } from "../../src/extract/families/training-setup/tile-grid.js";
import { layerStack } from "../../src/extract/families/training-setup/layer-stack.js";

const PIECES = [
  "](",
  "[",
  "]",
  "(",
  ")",
  "`",
  "<",
  ">",
  "_",
  '"',
  "'",
  " ",
  "\t",
  "\\",
  "-",
  "--",
  "/",
  ".",
  ":",
  "::",
  "=",
  "$",
  "{",
  "}",
  "&&",
  "|",
  ";",
  "#",
  "*",
  "a",
  "0",
  "1,",
  ".sh",
  "Dockerfile",
  "http://",
  "pip install ",
  "python ",
];
const unit = unitOf(PIECES);

describe("readers of README and shell lines on one long pathological line", () => {
  it("the README parser, command reader, path words, installs and writes finish", () => {
    fc.assert(
      fc.property(unit, (u) => {
        const line = lineOf(u);
        const label = JSON.stringify(u);
        finishes(`parseReadme ${label}`, () => parseReadme(`# t\n\n${line}\n\n\`\`\`\n${line}\n\`\`\`\n`));
        finishes(`interpretLine ${label}`, () => interpretLine(line, ""));
        finishes(`joinContinuations ${label}`, () =>
          joinContinuations([
            { line: 1, text: line },
            { line: 2, text: line },
          ]),
        );
        finishes(`shellPaths ${label}`, () => shellPaths(line));
        finishes(`shellWrites ${label}`, () => shellWrites("run.sh", [{ line: 1, text: line }]));
        finishes(`installRecords ${label}`, () => installRecords("README.md", 1, line, "readme"));
        finishes(`scriptLineReader ${label}`, () => {
          const read = scriptLineReader("a");
          for (const text of [line, `cd ${line}`, `X=${line}`, `cd "$(dirname ${line})"`]) read(text, "");
        });
        finishes(`scriptWrites ${label}`, () => scriptWrites(`cat > a.sh <<EOF\n${line}\nEOF\n${line}\necho ${line}`));
        finishes(`tileGrid ${label}`, () =>
          tileGrid(`def __getitem__(self):\n  n_tiles = 4\n${line}\n${line.slice(0, 3999)}`),
        );
        finishes(`layerStack ${label}`, () =>
          layerStack(
            `InputLayer(shape=(None, 3, 8, 8))\nConv2DLayer(${line}\n(DenseLayer, ${line.slice(0, 3999)}`,
            new Map(),
          ),
        );
        finishes(`readmeListRecords ${label}`, () =>
          readmeListRecords("README.md", `${line}\n- ${line}\n${line.slice(0, 399)}\n- ${line.slice(0, 397)}\n`),
        );
      }),
      { numRuns: 60 },
    );
  }, 600_000);

  it("the whole static extraction of a README and a script holding such a line finishes", async () => {
    await fc.assert(
      fc.asyncProperty(unit, async (u) => {
        const line = lineOf(u);
        const started = performance.now();
        await extractFacts(
          memoryView({ "README.md": `# t\n\n${line}\n`, "run.sh": `${line}\n`, "train.py": "print(1)\n" }),
          STATIC_EXTRACTORS,
          { branches: null },
        );
        const ms = performance.now() - started;
        expect(ms, `${JSON.stringify(u)} took ${Math.round(ms)} ms`).toBeLessThan(3 * HANG_GUARD_MS);
      }),
      { numRuns: 25 },
    );
  }, 900_000);
});
