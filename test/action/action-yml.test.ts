// action.yml against the entry: the inputs it declares are the ones the entry reads, under GitHub's INPUT_*
// names; the outputs it declares are the ones the entry writes; no input reaches a shell script unquoted; it
// runs the committed bundle and installs nothing.
import { describe, expect, it } from "vitest";
import { INPUT_NAMES, inputVariable } from "../../src/action/inputs.js";
import { OUTPUT_NAMES } from "../../src/action/outputs.js";
import { readActionYml } from "../support/action-runner.js";

const action = readActionYml();
const auditStep = action.runs.steps.find((s) => s.id === "audit")!;

describe("action.yml", () => {
  it("is a composite action of one step that runs the committed bundle with the runner's node", () => {
    expect(action.runs.using).toBe("composite");
    expect(action.runs.steps.map((s) => s.id)).toEqual(["audit"]);
    expect(auditStep.run!.trimEnd().split("\n").at(-1)).toBe('node "$GITHUB_ACTION_PATH/action-dist/main.js"');
  });

  it("declares exactly the inputs the entry reads, each described, with a string default", () => {
    expect(Object.keys(action.inputs)).toEqual([...INPUT_NAMES]);
    for (const [name, spec] of Object.entries(action.inputs)) {
      expect(spec.description.length, name).toBeGreaterThan(10);
      expect(typeof spec.default, name).toBe("string");
      expect(spec.required ?? false, name).toBe(false);
    }
    expect(action.inputs.path!.default).toBe(".");
    expect(action.inputs.stages!.default).toBe("static");
    expect(action.inputs.runtime!.default).toBe("container");
    expect(action.inputs.format!.default).toBe("json");
  });

  it("hands every input to the entry as the runner names it for a JavaScript action (INPUT_FAIL-UNDER)", () => {
    expect(inputVariable("fail-under")).toBe("INPUT_FAIL-UNDER");
    expect(auditStep.env).toEqual(
      Object.fromEntries(INPUT_NAMES.map((name) => [inputVariable(name), `\${{ inputs.${name} }}`])),
    );
  });

  it("never puts an expression into a shell script (inputs travel as environment variables)", () => {
    for (const step of action.runs.steps) expect(step.run, step.id).not.toMatch(/\$\{\{/);
  });

  it("installs and compiles nothing at run time", () => {
    for (const step of action.runs.steps) expect(step.run, step.id).not.toMatch(/\b(npm|npx|tsc|yarn|pnpm)\b/);
  });

  it("declares exactly the outputs the entry writes, each from the audit step", () => {
    expect(Object.keys(action.outputs)).toEqual([...OUTPUT_NAMES]);
    for (const [name, spec] of Object.entries(action.outputs)) {
      expect(spec.value).toBe(`\${{ steps.audit.outputs.${name} }}`);
      expect(spec.description.length, name).toBeGreaterThan(10);
    }
  });
});
