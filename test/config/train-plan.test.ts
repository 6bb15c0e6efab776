import { describe, expect, it } from "vitest";
import { emptyFacts, type Facts } from "../../src/model/facts.js";
import { inferTrainPlan, MISSING_PLAN, scriptOf } from "../../src/config/train-plan.js";
import { sourced } from "../../src/model/sourced.js";

function facts(): Facts {
  const f = emptyFacts();
  f.families.readme = [
    {
      kind: "command",
      file: "README.md",
      line: 12,
      command: "python train.py --fold 0",
      purpose: "train",
      script: "train.py",
    },
    {
      kind: "command",
      file: "README.md",
      line: 20,
      command: "python predict.py",
      purpose: "predict",
      script: "predict.py",
    },
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
    const { plan, records } = inferTrainPlan({ facts: facts() });
    expect(plan).toEqual({
      commands: [{ value: "python train.py --fold 0", origin: "code", source: "README README.md line 12" }],
      epochs: { value: 30, origin: "code", source: "argparse default --epochs in train.py:41" },
      folds: { value: 5, origin: "code", source: "assignment N_FOLDS in train.py:12" },
      models: { value: 1, origin: "default", source: "default" },
      seeds: { value: 1, origin: "default", source: "default" },
      runs: 5,
    });
    expect(records["train-plan"]).toEqual([
      expect.objectContaining({ kind: "plan", found: true, file: "README.md", line: 12, epochs: 30, runs: 5 }),
    ]);
  });

  it("takes no warm-up's or patience's epochs for the training's, even in the trained script", () => {
    const f = facts();
    f.families.training = [
      {
        kind: "epochs",
        value: 1,
        file: "train.py",
        line: 7,
        source: "call-argument",
        name: "GradualWarmupScheduler(total_epoch)",
      },
      {
        kind: "epochs",
        value: 3,
        file: "train.py",
        line: 9,
        source: "call-argument",
        name: "EarlyStopping(patience_epochs)",
      },
      { kind: "epochs", value: 40, file: "configs/base.yaml", line: 3, source: "config", name: "epochs" },
    ];
    expect(inferTrainPlan({ facts: f }).plan?.epochs).toEqual({
      value: 40,
      origin: "code",
      source: "config epochs in configs/base.yaml:3",
    });
  });

  it("lets resolved settings (flags, configs) win over the facts, keeping their sources", () => {
    const given = {
      commands: sourced(["python src/fit.py"], "repo-config" as const, "the repo's .repro-audit.yml train.commands"),
      epochs: sourced(12, "user-config" as const, "audit.yml train.epochs"),
      models: sourced(3, "repo-config" as const, "the repo's .repro-audit.yml train.models"),
    };
    const plan = inferTrainPlan({ facts: facts(), given }).plan!;
    expect(plan.commands).toEqual([
      { value: "python src/fit.py", origin: "repo-config", source: "the repo's .repro-audit.yml train.commands" },
    ]);
    expect(plan.epochs).toEqual({ value: 12, origin: "user-config", source: "audit.yml train.epochs" });
    expect(plan.runs).toBe(15);
  });

  it("reads an epoch count written in the command itself", () => {
    const plan = inferTrainPlan({
      facts: facts(),
      given: { commands: sourced(["python train.py --num_epochs 7"], "flag" as const, "--train") },
    }).plan!;
    expect(plan.epochs).toEqual({ value: 7, origin: "flag", source: "--train (--num_epochs 7)" });
  });

  it("records what to add when there is no train command", () => {
    const result = inferTrainPlan({ facts: emptyFacts(), given: { epochs: sourced(3, "flag" as const, "--epochs") } });
    expect(result).toEqual({
      plan: null,
      records: { "train-plan": [{ kind: "plan", found: false, what: MISSING_PLAN }] },
    });
    expect(MISSING_PLAN).toContain("train: { commands:");
  });

  it("finds the script a command runs", () => {
    expect(scriptOf("CUDA_VISIBLE_DEVICES=0 python3 -u src/train.py --fold 1")).toBe("src/train.py");
    expect(scriptOf("python -m pkg.train")).toBe("pkg/train.py");
    expect(scriptOf("cd net-classification && python train.py --cfg a.yaml")).toBe("net-classification/train.py");
    expect(scriptOf("bash run.sh")).toBeNull();
  });

  it("runs a README command from the folder the README runs it in, and finds its script's facts there", () => {
    const f = emptyFacts();
    f.families.readme = [
      {
        kind: "command",
        file: "net/readme.md",
        line: 4,
        command: "python train.py --cfg a.yaml",
        purpose: "train",
        script: "net/train.py",
        cwd: "net",
      },
    ];
    f.families.training = [
      { kind: "epochs", value: 7, file: "net/train.py", line: 9, source: "argparse-default", name: "--epochs" },
    ];
    const { plan, records } = inferTrainPlan({ facts: f });
    expect(plan!.commands).toEqual([
      { value: "cd net && python train.py --cfg a.yaml", origin: "code", source: "README net/readme.md line 4" },
    ]);
    expect(plan!.epochs).toEqual({ value: 7, origin: "code", source: "argparse default --epochs in net/train.py:9" });
    expect(records["train-plan"]).toEqual([expect.objectContaining({ file: "net/readme.md", line: 4 })]);
  });
});
