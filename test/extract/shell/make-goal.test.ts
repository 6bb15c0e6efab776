// Which target a bare `make` runs, and the pipeline target where that goal only prints help.
import { describe, expect, it } from "vitest";
import { makeGoal } from "../../../src/extract/shell/make-goal.js";

describe("makeGoal", () => {
  it("is the first target that is no special target, pattern rule or variable", () => {
    expect(makeGoal("PY := python\n.PHONY: all\n%.o: %.c\n\tcc $<\nbuild: deps\n\tpython setup.py\nall: build\n")).toBe(
      "build",
    );
    expect(makeGoal("X = 1\n")).toBe("");
  });
  it("follows .DEFAULT_GOAL", () => {
    expect(makeGoal(".DEFAULT_GOAL := train\nhelp:\n\t@echo usage\ntrain:\n\tpython train.py\n")).toBe("train");
  });
  it("leaves a goal that only prints help for the target the README names, else the one called the pipeline", () => {
    const mk =
      "help:\n\t@echo 'make data | make fit'\ndata:\n\tkaggle competitions download -c x\nfit: ## fit every fold\n\tpython fit.py\nrun_all: ## the whole pipeline\n\tpython a.py\n";
    expect(makeGoal(mk, "Then run `make fit`.")).toBe("fit");
    expect(makeGoal(mk)).toBe("run_all");
    expect(makeGoal("help:\n\t@echo hi\n")).toBe("help");
  });
});
