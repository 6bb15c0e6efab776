import { describe, expect, it } from "vitest";
import { emptyFacts, type Facts } from "../../src/model/facts.js";
import { inferTrainPlan, MISSING_PLAN, scriptOf } from "../../src/measure/plan.js";

function facts(): Facts {
  const f = emptyFacts();
  f.families.readme = [
    { kind: "command", file: "README.md", line: 12, command: "python train.py --fold 0", purpose: "train", script: "train.py" },
    { kind: "command", file: "README.md", line: 20, command: "python predict.py", purpose: "predict", script: "predict.py" },
  ];
  f.families.training = [
    { kind: "epochs", value: 50, file: "configs/base.yaml", line: 3, source: "config", name: "epochs" },
    { kind: "epochs", value: 30, file: "train.py", line: 41, source: "argparse-default", name: "--epochs" },
    { kind: "folds", value: 5, file: "train.py", line: 12, source: "assignment", name: "N_FOLDS" },
  ];
  return f;
}

describe("train plan", () => {
  it("takes the README's train command and the trained script's argparse default", () => {
    const { plan, records } = inferTrainPlan({ facts: facts(), flags: {} });
    expect(plan).toEqual({
      commands: [{ value: "python train.py --fold 0", source: "README README.md line 12" }],
      epochs: { value: 30, source: "argparse default --epochs in train.py:41" },
      folds: { value: 5, source: "assignment N_FOLDS in train.py:12" },
      models: { value: 1, source: "default" },
      seeds: { value: 1, source: "default" },
      runs: 5,
    });
    expect(records["train-plan"]).toEqual([
      expect.objectContaining({ kind: "plan", found: true, file: "README.md", line: 12, epochs: 30, runs: 5 }),
    ]);
  });

  it("lets the config win over the facts and the flags win over both", () => {
    const config = { commands: ["python src/fit.py"], epochs: 12, models: 3 };
    const fromConfig = inferTrainPlan({ facts: facts(), config, flags: {} }).plan!;
    expect(fromConfig.commands[0]).toEqual({ value: "python src/fit.py", source: "config .repro-audit.yml train.commands" });
    expect(fromConfig.epochs).toEqual({ value: 12, source: "config .repro-audit.yml train.epochs" });
    expect(fromConfig.runs).toBe(15);
    const fromFlags = inferTrainPlan({ facts: facts(), config, flags: { epochs: 2, train: "python x.py" } }).plan!;
    expect(fromFlags.commands).toEqual([{ value: "python x.py", source: "flag --train" }]);
    expect(fromFlags.epochs).toEqual({ value: 2, source: "flag --epochs" });
  });

  it("reads an epoch count written in the command itself", () => {
    const plan = inferTrainPlan({ facts: facts(), flags: { train: "python train.py --num_epochs 7" } }).plan!;
    expect(plan.epochs).toEqual({ value: 7, source: "flag --train (--num_epochs 7)" });
  });

  it("records what to add when there is no train command", () => {
    const result = inferTrainPlan({ facts: emptyFacts(), flags: { epochs: 3 } });
    expect(result).toEqual({ plan: null, records: { "train-plan": [{ kind: "plan", found: false, what: MISSING_PLAN }] } });
    expect(MISSING_PLAN).toContain("train: { commands:");
  });

  it("finds the script a command runs", () => {
    expect(scriptOf("CUDA_VISIBLE_DEVICES=0 python3 -u src/train.py --fold 1")).toBe("src/train.py");
    expect(scriptOf("python -m pkg.train")).toBe("pkg/train.py");
    expect(scriptOf("bash run.sh")).toBeNull();
  });
});
