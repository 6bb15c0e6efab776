// Findings graded by the rerun plan and their evidence: where each lies, how conclusive it is, what it may do.
import { describe, expect, it } from "vitest";
import { judge, judgeRule } from "../../src/evaluate/judge.js";
import { ruleWith } from "../support/rule.js";
import { gateByFirstLook } from "../../src/evaluate/first-look-gate.js";
import { emptyFacts, type FactRecord, type Facts } from "../../src/model/facts.js";

const rule = ruleWith;

const step = (over: FactRecord): FactRecord => ({
  kind: "step",
  file: "README.md",
  line: 12,
  order: 1,
  source: "readme",
  parent: null,
  cwd: ".",
  command: "python train.py --fold 0",
  tool: "python",
  program: "train.py",
  exists: true,
  purpose: "train",
  repeat: 1,
  repeatSource: null,
  args: "--fold 0",
  rejected: null,
  configs: "configs/base.yaml",
  ...over,
});

/** A README step runs train.py with configs/base.yaml; train.py imports src/model.py; run.sh's own step runs
 * src/predict.py. scripts/eda.ipynb and tools/old.py are reached by nothing. */
function planRecords(): FactRecord[] {
  return [
    step({}),
    step({
      order: 2,
      file: "README.md",
      line: 20,
      command: "bash run.sh",
      tool: "bash",
      program: "run.sh",
      purpose: "predict",
      configs: "",
    }),
    step({
      order: 3,
      parent: 2,
      source: "shell",
      file: "run.sh",
      line: 2,
      command: "python src/predict.py",
      program: "src/predict.py",
      configs: "",
      repeat: 5,
      repeatSource: "run.sh:1",
    }),
    { kind: "reach", file: "train.py", step: 1, via: "runs", from: null },
    { kind: "reach", file: "src/model.py", step: 1, via: "imports", from: "train.py" },
    { kind: "reach", file: "run.sh", step: 2, via: "runs", from: null },
    { kind: "reach", file: "src/predict.py", step: 3, via: "runs", from: null },
    { kind: "io", file: "train.py", line: 30, step: 1, mode: "read", path: "data/train.csv" },
    { kind: "summary", found: true, steps: 3, reached: 4, basis: "readme" },
  ];
}

function factsWith(records: FactRecord[], plan: FactRecord[] | null = planRecords()): Facts {
  const facts = emptyFacts();
  facts.families["path-literals"] = records;
  if (plan) facts.families["rerun-plan"] = plan;
  return facts;
}

const at = (file: string | null, line = 3, over: FactRecord = {}): FactRecord => ({
  ...(file === null ? {} : { file, line }),
  value: `/home/me/${file}`,
  ...over,
});

describe("where a finding lies on the plan", () => {
  it("is on the plan in a code file a step runs or imports, and keeps its severity", () => {
    const { findings } = judgeRule(rule(), factsWith([at("src/model.py")]));
    expect(findings[0]).toMatchObject({ file: "src/model.py", plan: "on", evidence: "conclusive", severity: "error" });
    expect(findings[0]).not.toHaveProperty("planReason");
  });

  it("is off the plan in a code file nothing reaches: info, with the reason in the words of its category", () => {
    const { findings } = judgeRule(rule(), factsWith([at("scripts/eda.ipynb")]));
    expect(findings[0]).toMatchObject({
      plan: "off",
      severity: "info",
      planReason: "not on the rerun path: no step runs or imports scripts/eda.ipynb",
    });
    const data = rule({
      id: "datasets-data-available",
      category: "datasets",
      check: { family: "data-refs" },
      group: ["path"],
      message: "{path} is missing",
    });
    const facts = factsWith([]);
    facts.families["data-refs"] = [{ file: "scripts/eda.ipynb", line: 4, path: "data/extra.csv" }];
    expect(judgeRule(data, facts).findings[0]).toMatchObject({
      plan: "off",
      severity: "info",
      planReason: "not on the rerun path: only scripts/eda.ipynb reads it",
    });
  });

  it("counts a step's own script (run.sh) and a script run by a step (src/predict.py) as on the plan", () => {
    const { findings } = judgeRule(rule(), factsWith([at("run.sh"), at("src/predict.py")]));
    expect(findings.map((f) => f.plan)).toEqual(["on", "on"]);
  });

  it("puts a grouped finding on the plan when any of its places is, and lists those places first", () => {
    const grouped = rule({ group: ["value"] });
    const records = [
      at("scripts/eda.ipynb", 3, { value: "/data" }),
      at("tools/old.py", 8, { value: "/data" }),
      at("train.py", 40, { value: "/data" }),
    ];
    const [finding] = judgeRule(grouped, factsWith(records)).findings;
    expect(finding).toMatchObject({ plan: "on", severity: "error", file: "train.py", line: 40 });
    expect(finding!.locations.map((l) => l.file)).toEqual(["train.py", "scripts/eda.ipynb", "tools/old.py"]);
    const [off] = judgeRule(grouped, factsWith(records.slice(0, 2))).findings;
    expect(off).toMatchObject({
      plan: "off",
      planReason: "not on the rerun path: no step runs or imports scripts/eda.ipynb, tools/old.py",
    });
  });

  it("puts README, spec, Dockerfile, the audit's own config and whole-repo findings on the plan: they are what a stranger follows", () => {
    const files = [
      "README.md",
      "requirements.txt",
      "environment.yml",
      "setup.py",
      "Dockerfile",
      ".repro-audit.yml",
      null,
    ];
    const { findings } = judgeRule(rule(), factsWith(files.map((f) => at(f))));
    expect(findings.map((f) => [f.file, f.plan, f.severity])).toEqual(
      expect.arrayContaining(files.map((f) => [f, "on", "error"])),
    );
  });

  it("grades a spec the README never installs, beside the one it does, a warning at most that blocks nothing, saying why", () => {
    const block = rule({ effect: "block" });
    const facts = factsWith([at("environment.yaml"), at("requirements.txt")]);
    facts.families["env-spec"] = [
      { kind: "spec-file", file: "requirements.txt", format: "requirements" },
      { kind: "spec-file", file: "environment.yaml", format: "conda", offRoute: "requirements.txt" },
    ];
    const { result, findings } = judgeRule(block, facts);
    expect(findings.find((f) => f.file === "environment.yaml")).toMatchObject({
      plan: "unknown",
      severity: "warning",
      planReason:
        "not on the documented install route: the README installs requirements.txt, and never names environment.yaml",
    });
    expect(findings.find((f) => f.file === "requirements.txt")).toMatchObject({ plan: "on", severity: "error" });
    expect(result).toMatchObject({ findings: 2, blocking: 1 });
  });

  it("knows an environment spec by the walk's own names: a conda file named env*.yml, a Containerfile, requirements/*.txt", () => {
    const files = ["env.yml", "env-gpu.yaml", "Containerfile", "requirements/base.txt", "docker/app.Dockerfile"];
    const { findings } = judgeRule(rule(), factsWith(files.map((f) => at(f))));
    expect(findings.map((f) => [f.file, f.plan])).toEqual(expect.arrayContaining(files.map((f) => [f, "on"])));
  });

  it("puts a config file on the plan when a step loads it, off when none does", () => {
    const { findings } = judgeRule(rule(), factsWith([at("configs/base.yaml"), at("configs/old.yaml")]));
    expect(findings.find((f) => f.file === "configs/base.yaml")).toMatchObject({ plan: "on", severity: "error" });
    expect(findings.find((f) => f.file === "configs/old.yaml")).toMatchObject({
      plan: "off",
      severity: "info",
      planReason: "not on the rerun path: no step loads configs/old.yaml",
    });
  });

  it("puts a Python-syntax config on the plan when a step loads it, though no step imports it", () => {
    const plan = [...planRecords(), step({ order: 4, configs: "configs/cascade_rcnn.py" })];
    const { findings } = judgeRule(rule(), factsWith([at("configs/cascade_rcnn.py"), at("configs/unused.py")], plan));
    expect(findings.find((f) => f.file === "configs/cascade_rcnn.py")).toMatchObject({ plan: "on", severity: "error" });
    expect(findings.find((f) => f.file === "configs/unused.py")).toMatchObject({ plan: "off", severity: "info" });
  });

  it("puts a README below the root off the plan unless a step is stated in it", () => {
    const plan = [
      ...planRecords(),
      step({ order: 4, file: "tools/README.md", command: "python tools/old.py", program: "tools/old.py", configs: "" }),
    ];
    const { findings } = judgeRule(rule(), factsWith([at("docs/README.md"), at("tools/README.md")], plan));
    expect(findings.find((f) => f.file === "docs/README.md")).toMatchObject({
      plan: "off",
      planReason: "not on the rerun path: no step of the plan is stated in docs/README.md",
    });
    expect(findings.find((f) => f.file === "tools/README.md")).toMatchObject({ plan: "on" });
  });

  it("grades code findings unknown when the plan was looked for and not found: a warning at most, saying why", () => {
    const none = [
      {
        kind: "summary",
        found: false,
        steps: 0,
        reached: 0,
        basis: "none",
        what: "no README commands or scripts run a file of the repo",
      },
    ];
    const { findings } = judgeRule(rule(), factsWith([at("train.py"), at("README.md")], none));
    expect(findings.find((f) => f.file === "train.py")).toMatchObject({
      plan: "unknown",
      severity: "warning",
      planReason: "no rerun plan found: no README commands or scripts run a file of the repo",
    });
    expect(findings.find((f) => f.file === "README.md")).toMatchObject({ plan: "on", severity: "error" });
  });

  it("puts lines of an imported module that run only when it is run itself off the plan, the rest on it", () => {
    const plan = planRecords().map((r) =>
      r.kind === "reach" && r.file === "src/model.py" ? { ...r, mainOnly: "20-24,30-40" } : r,
    );
    const { findings } = judgeRule(
      rule(),
      factsWith([at("src/model.py", 3), at("src/model.py", 22), at("src/model.py", 35)], plan),
    );
    expect(findings.map((f) => [f.line, f.plan, f.severity])).toEqual([
      [3, "on", "error"],
      [22, "off", "info"],
      [35, "off", "info"],
    ]);
    expect(findings.find((f) => f.line === 22)).toMatchObject({
      planReason: "not on the rerun path: only runs when src/model.py is run itself",
    });
    // A step that runs the module itself runs its __main__ block too.
    const run = [...plan, step({ order: 4, command: "python src/model.py", program: "src/model.py", configs: "" })];
    expect(judgeRule(rule(), factsWith([at("src/model.py", 22)], run)).findings[0]).toMatchObject({
      plan: "on",
      severity: "error",
    });
  });

  it("puts lines of a function nothing calls off the plan, in a module run or imported", () => {
    const plan = planRecords().map((r) =>
      r.kind === "reach" && r.file === "src/model.py" ? { ...r, uncalled: "10-14" } : r,
    );
    const { findings } = judgeRule(rule(), factsWith([at("src/model.py", 3), at("src/model.py", 12)], plan));
    expect(findings.map((f) => [f.line, f.plan, f.severity])).toEqual([
      [3, "on", "error"],
      [12, "off", "info"],
    ]);
    expect(findings.find((f) => f.line === 12)).toMatchObject({
      planReason: "not on the rerun path: in a function of src/model.py that nothing calls",
    });
  });

  it("puts lines of a branch the documented arguments rule out off the plan, with why", () => {
    const plan = planRecords().map((r) =>
      r.kind === "reach" && r.file === "src/model.py"
        ? { ...r, ruledOut: "10-14", ruledOutWhy: "every documented command passes --dataset=CIFAR100" }
        : r,
    );
    const { findings } = judgeRule(rule(), factsWith([at("src/model.py", 3), at("src/model.py", 12)], plan));
    expect(findings.map((f) => [f.line, f.plan, f.severity])).toEqual([
      [3, "on", "error"],
      [12, "off", "info"],
    ]);
    expect(findings.find((f) => f.line === 12)).toMatchObject({
      planReason: "not on the rerun path: every documented command passes --dataset=CIFAR100",
    });
  });

  it("puts a vendored copy no step imports off the plan, its setup files too; one the steps import stays on", () => {
    const facts = factsWith([
      at("third_party/apex/setup.py"),
      at("third_party/apex/requirements.txt"),
      at("lib/timm/setup.py"),
      at("setup.py"),
    ]);
    facts.families["vendored"] = [
      { kind: "copy", file: "third_party/apex", name: "apex", why: "known-package", files: 40 },
      { kind: "copy", file: "lib/timm", name: "timm", why: "known-package", files: 90 },
    ];
    facts.families["rerun-plan"] = [
      ...planRecords(),
      { kind: "reach", file: "lib/timm/models/resnet.py", step: 1, via: "imports", from: "train.py" },
    ];
    const { findings } = judgeRule(rule(), facts);
    expect(findings.map((f) => [f.file, f.plan, f.severity]).sort()).toEqual([
      ["lib/timm/setup.py", "on", "error"],
      ["setup.py", "on", "error"],
      ["third_party/apex/requirements.txt", "off", "info"],
      ["third_party/apex/setup.py", "off", "info"],
    ]);
    expect(findings.find((f) => f.file === "third_party/apex/setup.py")).toMatchObject({
      planReason: "not on the rerun path: in a vendored copy of apex that no step imports",
    });
  });

  it("grades as before when the plan was not collected at all (an older facts file): nothing changes", () => {
    const { findings } = judgeRule(rule({ effect: "block" }), factsWith([at("scripts/eda.ipynb")], null));
    expect(findings[0]).toMatchObject({ severity: "error", evidence: "conclusive" });
    expect(findings[0]).not.toHaveProperty("plan");
    const facts = factsWith([at("scripts/eda.ipynb")], null);
    facts.notCollected["rerun-plan"] = "the extractor failed";
    const judged = judgeRule(rule({ effect: "block" }), facts);
    expect(judged.findings[0]).toMatchObject({ severity: "error" });
    expect(judged.result).not.toHaveProperty("blocking");
    expect(judged.result).not.toHaveProperty("counted");
  });
});

describe("how conclusive a finding's evidence is", () => {
  it("takes the rule's own evidence: an unconfirmed rule's finding on the plan is a warning at most", () => {
    const { findings } = judgeRule(rule({ evidence: "unconfirmed" }), factsWith([at("train.py")]));
    expect(findings[0]).toMatchObject({ plan: "on", evidence: "unconfirmed", severity: "warning" });
  });

  it("makes a record unconfirmed where it matches unconfirmedWhen, conclusive where it does not", () => {
    const r = rule({ unconfirmedWhen: { writer: "unseen" } });
    const { findings } = judgeRule(
      r,
      factsWith([at("train.py", 3, { writer: "unseen" }), at("src/model.py", 4, { writer: "none" })]),
    );
    expect(findings.find((f) => f.file === "train.py")).toMatchObject({ evidence: "unconfirmed", severity: "warning" });
    expect(findings.find((f) => f.file === "src/model.py")).toMatchObject({
      evidence: "conclusive",
      severity: "error",
    });
  });

  it("makes a finding whose records match noteWhen a note (info, never blocking), with or without a plan", () => {
    const r = rule({ effect: "block", noteWhen: { writer: "harmless" } });
    const { findings, result } = judgeRule(
      r,
      factsWith([at("train.py", 3, { writer: "harmless" }), at("src/model.py", 4, { writer: "none" })]),
    );
    expect(findings.find((f) => f.file === "train.py")).toMatchObject({ plan: "on", severity: "info" });
    expect(findings.find((f) => f.file === "src/model.py")).toMatchObject({ severity: "error" });
    expect(result).toMatchObject({ findings: 2, counted: 1, blocking: 1 });
    const unplanned = judgeRule(r, factsWith([at("train.py", 3, { writer: "harmless" })], null));
    expect(unplanned.findings[0]).toMatchObject({ severity: "info" });
    expect(unplanned.result).not.toHaveProperty("blocking");
  });

  it("leaves an info rule info whatever the plan says", () => {
    const { findings } = judgeRule(rule({ severity: "info", evidence: "unconfirmed" }), factsWith([at("train.py")]));
    expect(findings[0]!.severity).toBe("info");
  });
});

describe("what a graded finding may do to the score", () => {
  it("lets only a conclusive finding on the plan block, and counts no off-plan finding", () => {
    const block = rule({ effect: "block" });
    expect(judgeRule(block, factsWith([at("train.py"), at("scripts/eda.ipynb")])).result).toMatchObject({
      findings: 2,
      counted: 1,
      blocking: 1,
    });
    expect(judgeRule(block, factsWith([at("scripts/eda.ipynb")])).result).toMatchObject({
      findings: 1,
      counted: 0,
      blocking: 0,
    });
    expect(judgeRule({ ...block, evidence: "unconfirmed" }, factsWith([at("train.py")])).result).toMatchObject({
      counted: 1,
      blocking: 0,
    });
  });

  it("blocks through blockWhen only for a conclusive finding on the plan", () => {
    const r = rule({ blockWhen: { runBy: "train" } });
    expect(judgeRule(r, factsWith([at("train.py", 3, { runBy: "train" })])).result).toMatchObject({ blocking: 1 });
    expect(judgeRule(r, factsWith([at("tools/old.py", 3, { runBy: "train" })])).result).toMatchObject({
      blocking: 0,
      counted: 0,
    });
  });

  it("sorts graded findings by their graded severity", () => {
    const judged = judge([rule()], factsWith([at("scripts/eda.ipynb", 1), at("train.py", 9)]));
    expect(judged.findings.map((f) => [f.file, f.severity])).toEqual([
      ["train.py", "error"],
      ["scripts/eda.ipynb", "info"],
    ]);
  });
});

describe("what the first-look gate held back, on each finding", () => {
  // A blocking error right a quarter of the time over 20 judged findings: held to a note.
  const held = () =>
    gateByFirstLook(rule({ effect: "block", firstLook: { correct: 5, wrong: 15, debatable: 0, corpus: "r" } }));

  it("says on a finding the gate made a note what the rule as written would have made it, so readers can judge it", () => {
    const { findings } = judgeRule(held(), factsWith([at("src/model.py")]));
    expect(findings[0]).toMatchObject({ severity: "info", plan: "on", heldBack: { severity: "error", blocks: true } });
  });
  it("says nothing where the plan alone grades it so (off the plan it is info either way)", () => {
    const { findings } = judgeRule(held(), factsWith([at("scripts/eda.ipynb")]));
    expect(findings[0]).toMatchObject({ severity: "info", plan: "off" });
    expect(findings[0]).not.toHaveProperty("heldBack");
  });
  it("says it without a plan too, and never on a rule the gate left alone", () => {
    expect(judgeRule(held(), factsWith([at("src/model.py")], null)).findings[0]).toMatchObject({
      severity: "info",
      heldBack: { severity: "error", blocks: true },
    });
    expect(judgeRule(rule(), factsWith([at("src/model.py")])).findings[0]).not.toHaveProperty("heldBack");
  });
});
