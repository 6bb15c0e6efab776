// The plan's own readers of README, shell and Makefile lines finish on one long pathological line (a short
// unit repeated into 50,000 characters): a super-linear pattern would take minutes. A hang guard, not a speed target.
import fc from "fast-check";
import { describe, it } from "vitest";
import { finishes, lineOf, unitOf } from "../../../support/hang-guard.js";
import { proseSteps } from "../../../../src/extract/families/rerun-plan/prose-steps.js";
import { shellLines } from "../../../../src/extract/families/rerun-plan/shell-lines.js";
import { makeRecipe } from "../../../../src/extract/families/rerun-plan/make-recipe.js";
import { argsAfter } from "../../../../src/extract/families/rerun-plan/arguments.js";
import { rootVariables } from "../../../../src/extract/shell/readme-commands.js";

const PIECES = [
  "for x in ",
  "; do ",
  "done",
  "while ",
  "((",
  "$(seq ",
  "{0..",
  "`",
  " ",
  "\t",
  "-",
  "--",
  "/",
  ".",
  "=",
  "$",
  "{",
  "}",
  ";",
  "a",
  "0",
  ".sh",
  ".py",
  ".yaml",
  "python ",
  "run ",
  "go to ",
  " and run ",
  "1. ",
  "$ROOT is the root of the repo",
  ":",
  "\\",
];
const unit = unitOf(PIECES);

describe("rerun-plan line readers on one long pathological line", () => {
  it("prose steps, shell lines, Makefile recipes, arguments and root variables finish", () => {
    fc.assert(
      fc.property(unit, (u) => {
        const line = lineOf(u);
        const label = JSON.stringify(u);
        finishes(`proseSteps ${label}`, () => proseSteps(`# t\n\n${line}\n1. ${line.slice(0, 990)}\n`));
        finishes(`shellLines ${label}`, () =>
          shellLines(`${line}\nfor x in ${line.slice(0, 3990)}\n${line.slice(0, 3990)}; done\n`),
        );
        finishes(`makeRecipe ${label}`, () => makeRecipe(`${line.slice(0, 999)}\nall:\n\t${line}\n`, "all"));
        finishes(`argsAfter ${label}`, () => argsAfter(`python train.py ${line}`, "train.py"));
        finishes(`rootVariables ${label}`, () => rootVariables(line.slice(0, 2000)));
      }),
      { numRuns: 40 },
    );
  });
});
