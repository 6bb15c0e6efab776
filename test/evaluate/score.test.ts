// The score's arithmetic (docs/scoring.md): areas, the block cap, log-diminishing friction, not-assessed areas.
import { describe, expect, it } from "vitest";
import { AREA_POINTS, pointsLost, score, SCORE_MODEL, scoreWith } from "../../src/evaluate/score.js";
import { explainRule, explainScore } from "../../src/evaluate/score-explain.js";
import type { Finding, RuleResult } from "../../src/model/finding.js";
import type { PlanSection } from "../../src/model/report.js";

const result = (over: Partial<RuleResult>): RuleResult => ({
  rule: "r",
  category: "requirements",
  severity: "error",
  effect: "friction",
  weight: 2,
  title: "Require r",
  why: "Because it matters.",
  outcome: "pass",
  findings: 0,
  ...over,
});

describe("pointsLost", () => {
  it("costs the weight for one finding and one more weight per doubling: diminishing, never vanishing", () => {
    expect(pointsLost(2, 0)).toBe(0);
    expect(pointsLost(2, 1)).toBe(2);
    expect(pointsLost(2, 3)).toBe(4);
    expect(pointsLost(2, 7)).toBe(6);
    const marginal = (n: number) => pointsLost(1, n) - pointsLost(1, n - 1);
    expect(marginal(2)).toBeGreaterThan(marginal(20));
    expect(marginal(200)).toBeGreaterThan(0);
  });
});

describe("score", () => {
  it("gives each area its points less its rules' losses, and the total as a share of the assessed areas", () => {
    const s = score([
      result({ rule: "pinned", category: "requirements", weight: 1.5, outcome: "fail", findings: 3 }), // install -3
      result({ rule: "paths", category: "paths", weight: 2, outcome: "fail", findings: 1 }), // data -2
      result({ rule: "readme", category: "instructions", outcome: "pass" }),
      result({ rule: "names", category: "code", weight: 1, outcome: "fail", findings: 1 }), // trust -1
    ]);
    expect(s.areas.install).toMatchObject({ points: 27, of: 30, assessed: true, lost: 3, blockedBy: [] });
    expect(s.areas.data).toMatchObject({ points: 18, of: 20 });
    expect(s.areas.run).toMatchObject({ points: 30, of: 30 });
    expect(s.areas.trust).toMatchObject({ points: 19, of: 20 });
    expect(s.total).toBe(94);
    expect(s.losses).toEqual([
      {
        rule: "pinned",
        area: "install",
        category: "requirements",
        effect: "friction",
        weight: 1.5,
        findings: 3,
        lost: 3,
      },
      { rule: "paths", area: "data", category: "paths", effect: "friction", weight: 2, findings: 1, lost: 2 },
      { rule: "names", area: "trust", category: "code", effect: "friction", weight: 1, findings: 1, lost: 1 },
    ]);
  });

  it("caps a blocked area at a third of its points, whatever else is good, and says which rule blocks", () => {
    const s = score([result({ rule: "spec-present", effect: "block", weight: 1, outcome: "fail", findings: 1 })]);
    expect(s.areas.install).toMatchObject({ points: 10, blockedBy: ["spec-present"] });
    expect(s.categories.requirements).toMatchObject({ score: 33, blocked: true, area: "install" });
    expect(s.total).toBe(33);
  });

  it("blocks through a friction rule whose findings matched its blockWhen", () => {
    const s = score([
      result({ rule: "refs", category: "instructions", weight: 3, outcome: "fail", findings: 1, blocking: 1 }),
    ]);
    expect(s.areas.run).toMatchObject({ points: 10, blockedBy: ["refs"] });
    expect(s.losses[0]).toMatchObject({ effect: "block", lost: 3 });
  });

  it("graded by the rerun plan: counts only the findings it counted, and blocks only where a finding may", () => {
    const s = score([
      result({
        rule: "spec-present",
        effect: "block",
        weight: 1,
        outcome: "fail",
        findings: 3,
        counted: 1,
        blocking: 0,
      }),
      result({
        rule: "refs",
        category: "instructions",
        weight: 3,
        outcome: "fail",
        findings: 2,
        counted: 0,
        blocking: 0,
      }),
    ]);
    expect(s.areas.install).toMatchObject({ points: 29, blockedBy: [] });
    expect(s.losses).toEqual([
      {
        rule: "spec-present",
        area: "install",
        category: "requirements",
        effect: "friction",
        weight: 1,
        findings: 1,
        lost: 1,
      },
    ]);
    expect(s.areas.run).toMatchObject({ points: 30, lost: 0 });
  });

  it("lets losses take a blocked area below its cap, and never below zero", () => {
    const s = score([
      result({ rule: "b", effect: "block", weight: 10, outcome: "fail", findings: 1 }),
      result({ rule: "f", weight: 10, outcome: "fail", findings: 7 }),
    ]);
    expect(s.areas.install.points).toBe(0);
  });

  it("scores a category as the share of its area it alone would leave, and marks the others not assessed", () => {
    const s = score([
      result({ rule: "a", category: "requirements", weight: 6, outcome: "fail", findings: 1 }),
      result({ rule: "c", category: "requirements", outcome: "not-applicable" }),
      result({
        rule: "d",
        category: "environment",
        outcome: "not-assessed",
        reason: "environment-build not collected: build skipped",
      }),
    ]);
    expect(s.categories.requirements).toMatchObject({ score: 80, assessed: true, lost: 6 });
    expect(s.categories.environment).toMatchObject({
      score: null,
      assessed: false,
      reason: "environment-build not collected: build skipped",
    });
    expect(s.categories.paths).toMatchObject({ score: null, assessed: false, reason: "no rules in this category" });
    // Only install is assessed, so the total is its share: data, run and trust are left out, not counted full.
    expect(s.areas.data).toMatchObject({ points: null, assessed: false });
    expect(s.total).toBe(80);
  });

  it("is null when nothing was assessed", () => {
    expect(score([]).total).toBeNull();
  });

  it("scores again with fewer findings per rule (a baseline's left out)", () => {
    const results = [result({ rule: "p", weight: 3, outcome: "fail", findings: 3 })];
    expect(score(results).areas.install.points).toBe(24);
    expect(scoreWith(results, () => 1).areas.install.points).toBe(27);
    expect(scoreWith(results, () => 0).total).toBe(100);
  });

  it("weighs the areas as the rubric does", () => {
    expect(AREA_POINTS).toEqual({ install: 30, data: 20, run: 30, trust: 20 });
  });
});

describe("what the repo lacks altogether", () => {
  // Friction from a pile of notes: 20 unpinned packages, 30 machine paths, 10 undeclared imports.
  const notes = [
    result({ rule: "requirements-pinned", severity: "info", weight: 1.5, outcome: "fail", findings: 20 }),
    result({ rule: "paths-portable", category: "paths", severity: "info", weight: 2, outcome: "fail", findings: 30 }),
    result({ rule: "requirements-imports-declared", severity: "info", weight: 2.5, outcome: "fail", findings: 10 }),
  ];
  const passing = [
    result({ rule: "instructions-x", category: "instructions", outcome: "pass" }),
    result({ rule: "code-x", category: "code", outcome: "pass" }),
    result({ rule: "datasets-x", category: "datasets", outcome: "pass" }),
  ];
  const noSpec = result({ rule: "requirements-spec-present", weight: 10, outcome: "fail", findings: 1, absence: true });
  const noTraining = result({
    rule: "instructions-train-documented",
    category: "instructions",
    weight: 6,
    outcome: "fail",
    findings: 1,
    absence: true,
  });

  it("ranks a repo with no spec and no training command below one with a pile of friction notes", () => {
    const lacking = score([...passing, noSpec, noTraining]).total!;
    const noisy = score([...passing, ...notes, result({ rule: "requirements-y", outcome: "pass" })]).total!;
    expect(lacking).toBeLessThan(noisy);
    const { losses, areas } = score([...passing, noSpec]);
    expect(losses).toEqual([expect.objectContaining({ rule: "requirements-spec-present", absence: true, lost: 30 })]);
    expect(areas.install).toMatchObject({ points: 10, lost: 20, blockedBy: [] });
  });

  it("costs an absence three times its friction; the absences of an area together take at most what a block takes", () => {
    const run = score([...passing, noTraining]).areas.run;
    expect(run).toMatchObject({ points: 12, lost: 18, blockedBy: [] });
    const noPrediction = { ...noTraining, rule: "instructions-predict-documented", weight: 4 };
    const both = score([...passing, noTraining, noPrediction]).areas.run;
    expect(both).toMatchObject({ points: 10, lost: 20, blockedBy: [] });
    // Friction still adds up beside them: a blocked area can fall below its cap, and so can this one.
    const options = result({
      rule: "instructions-options-accepted",
      category: "instructions",
      outcome: "fail",
      findings: 1,
    });
    expect(score([...passing, noTraining, noPrediction, options]).areas.run).toMatchObject({ points: 8, lost: 22 });
  });

  it("leaves a rule that is no absence at its friction, and an absence of a rule written before the mark as friction", () => {
    const friction = score([...passing, { ...noTraining, absence: undefined }]).areas.run;
    expect(friction).toMatchObject({ points: 24, lost: 6 });
  });

  it("weighs each finding by its trust only under a model that asks for it", () => {
    // "No training command" from a rule right a third of the time: 18 points as counted, 18 x log2(4/3) trusted.
    const doubtful = { ...noTraining, credited: 1 / 3 };
    expect(score([...passing, doubtful]).areas.run).toMatchObject({ points: 12, lost: 18 });
    const trusted = score([...passing, doubtful], { ...SCORE_MODEL, trusted: true });
    expect(trusted.areas.run.lost).toBeCloseTo(18 * Math.log2(4 / 3), 1);
    expect(trusted.losses[0]).toMatchObject({ findings: 1, credited: 1 / 3 });
    expect(score([...passing, noTraining], { ...SCORE_MODEL, trusted: true }).areas.run.lost).toBe(18);
  });

  it("keeps the findings' trust in step when a baseline drops some of them", () => {
    const paths = result({ rule: "p", category: "paths", outcome: "fail", findings: 4, counted: 4, credited: 2 });
    const trusted = { ...SCORE_MODEL, trusted: true };
    expect(scoreWith([...passing, paths], () => 2, trusted).losses[0]).toMatchObject({ findings: 2, credited: 1 });
  });
});

describe("explanations", () => {
  it("explainScore states every area, every loss and the total with their numbers", () => {
    const s = score([
      result({ rule: "spec-present", effect: "block", weight: 10, outcome: "fail", findings: 1 }),
      result({ rule: "paths", category: "paths", weight: 2, outcome: "fail", findings: 3 }),
    ]);
    expect(explainScore(s)).toEqual([
      "install (requirements, environment): 10 of 30 (30 - 10 lost = 20; blocked by spec-present: capped at 10)",
      "  spec-present (block, weight 10): 1 finding(s) cost 10 x log2(1 + 1) = 10",
      "data (paths, datasets): 16 of 20 (20 - 4 lost)",
      "  paths (friction, weight 2): 3 finding(s) cost 2 x log2(1 + 3) = 4",
      "run: not assessed (instructions: no rules in this category; execution: no rules in this category), left out of the total",
      "trust: not assessed (branches: no rules in this category; code: no rules in this category), left out of the total",
      "total = 100 x 26 / 50 = 52 (areas not assessed are left out, not counted as full)",
    ]);
  });

  it("explainScore shows the rerun plan first, then per area what counted and what was set aside", () => {
    const s = score([
      result({
        rule: "paths",
        category: "paths",
        weight: 2,
        outcome: "fail",
        findings: 3,
        counted: 2,
        blocking: 0,
        effect: "block",
      }),
    ]);
    const f = (line: number, over: Partial<Finding>): Finding => ({
      rule: "paths",
      category: "paths",
      severity: "error",
      file: "train.py",
      line,
      message: "m",
      values: {},
      locations: [],
      plan: "on",
      evidence: "conclusive",
      ...over,
    });
    const findings = [
      f(3, { severity: "warning", evidence: "unconfirmed" }),
      f(4, { severity: "warning", plan: "unknown", planReason: "no rerun plan found: x" }),
      f(9, {
        file: "eda.py",
        severity: "info",
        plan: "off",
        planReason: "not on the rerun path: no step runs or imports eda.py",
      }),
    ];
    const plan: PlanSection = {
      collected: true,
      found: true,
      basis: "readme",
      reached: 4,
      steps: [
        {
          order: 1,
          file: "README.md",
          line: 3,
          cwd: ".",
          command: "pip install -r requirements.txt",
          program: null,
          repeat: 1,
        },
        {
          order: 2,
          file: "README.md",
          line: 9,
          cwd: "src",
          command: "bash train.sh",
          program: "src/train.sh",
          repeat: 1,
        },
        {
          order: 3,
          file: "src/train.sh",
          line: 2,
          cwd: "src",
          command: "python train.py --fold $f",
          program: "src/train.py",
          repeat: 5,
        },
      ],
    };
    expect(explainScore(s, { plan, findings }).slice(0, 9)).toEqual([
      "rerun plan (from the readme): 3 steps, reaching 4 code files",
      "  1. in .: pip install -r requirements.txt (an outside tool)",
      "  2. in src: bash train.sh (runs src/train.sh)",
      "  3. in src: python train.py --fold $f (runs src/train.py), 5 times",
      "install: not assessed (requirements: no rules in this category; environment: no rules in this category), left out of the total",
      "data (paths, datasets): 16.8 of 20 (20 - 3.2 lost)",
      "  paths (friction, weight 2): 2 finding(s) cost 2 x log2(1 + 2) = 3.2",
      "  set aside as off the plan (cost nothing): paths at eda.py:9 (not on the rerun path: no step runs or imports eda.py)",
      "  set aside as unconfirmed or plan unknown (counted, never block): paths at train.py:3 (unconfirmed), paths at train.py:4 (plan unknown)",
    ]);
    expect(explainScore(s, { plan: { collected: false, reason: "an older facts file" }, findings })[0]).toBe(
      "rerun plan: not collected (an older facts file): findings graded as their rules are written",
    );
    expect(
      explainScore(s, {
        plan: { collected: true, found: false, basis: "none", reached: 0, steps: [], what: "no README commands" },
        findings,
      })[0],
    ).toBe("rerun plan: none found (no README commands): findings in code are a warning at most and never block");
  });

  it("explainScore and explainRule say what an absence costs and when an area's absences reach a block's take", () => {
    const passing = [
      result({ rule: "code-x", category: "code", outcome: "pass" }),
      result({ rule: "datasets-x", category: "datasets", outcome: "pass" }),
      result({ rule: "requirements-x", outcome: "pass" }),
    ];
    const noTraining = { category: "instructions" as const, outcome: "fail" as const, findings: 1, absence: true };
    const lines = explainScore(
      score([
        ...passing,
        result({ ...noTraining, rule: "instructions-train-documented", weight: 6 }),
        result({ ...noTraining, rule: "instructions-predict-documented", weight: 4 }),
      ]),
    );
    expect(lines).toContain(
      "  instructions-train-documented (friction, weight 6): the repo lacks it altogether, 3 x 6 x log2(1 + 1) = 18",
    );
    expect(lines).toContain("  what it lacks altogether takes at most what a block takes: 20, not 30");
    expect(lines).toContain("run (instructions, execution): 10 of 30 (30 - 20 lost)");
    const text = explainRule({
      id: "requirements-spec-present",
      title: "Require an environment spec",
      category: "requirements",
      severity: "warning",
      effect: "friction",
      weight: 10,
      reason: "Without one every package is a guess.",
      check: { family: "env-spec", absent: true },
      message: "m",
      source: "x",
    });
    expect(text).toContain("lacks this altogether: it costs 3 x weight x log2(1 + 1) = 30");
    expect(text).toContain("at most what a block takes (20)");
  });

  it("explainRule states the rule's reason, fix, area and cost", () => {
    const text = explainRule({
      id: "paths-portable",
      title: "Disallow machine-specific paths",
      category: "paths",
      severity: "error",
      effect: "friction",
      weight: 2,
      reason: "They do not exist on another machine.",
      fix: "Make the path relative",
      check: { family: "path-literals" },
      group: ["file", "kind"],
      message: "m",
      source: "x",
    });
    expect(text).toContain("Why: They do not exist on another machine.");
    expect(text).toContain("Fix: Make the path relative");
    expect(text).toContain("one finding per distinct file + kind");
    expect(text).toContain("answers the 'data' question, worth 20 of the 100 points");
    expect(text).toContain("findings -> points lost: 1: 2, 2: 3.2, 5: 5.2, 20: 8.8");
    expect(text).toContain("friction: it costs points but never caps 'data'");
    expect(text).toContain(
      "Evidence: conclusive; on the rerun plan its findings keep their severity and may block, off it they are info and cost nothing.",
    );
  });
});

describe("a README version list as the only spec", () => {
  /** The install area of a repo read by the shipped rules: what it lost, what blocks it, the findings there. */
  async function installArea(files: Record<string, string>) {
    const { extractFacts } = await import("../../src/extract/index.js");
    const { STATIC_EXTRACTORS } = await import("../../src/extract/families/index.js");
    const { memoryView } = await import("../../src/extract/view/memory-view.js");
    const { judge } = await import("../../src/evaluate/judge.js");
    const { builtinRulesDir, loadRules } = await import("../../src/evaluate/load-rules.js");
    const facts = await extractFacts(memoryView(files), STATIC_EXTRACTORS, { branches: null });
    const judged = judge(loadRules([builtinRulesDir()]), facts);
    const install = score(judged.results).areas.install;
    const findings = judged.findings
      .filter((f) => f.category === "requirements" || f.category === "environment")
      .map((f) => [f.rule, f.severity]);
    return { lost: install.lost, blockedBy: install.blockedBy, findings };
  }
  const code = { "train.py": "import torch\nimport pandas\n" };
  const run = "```\npython train.py\n```\n";

  it("costs friction (a warning that blocks nothing), less than no spec at all, more than a file", async () => {
    const list = await installArea({
      ...code,
      "README.md": `# x\n\nRequirements: Python 3.6, PyTorch 1.1, pandas, cuDNN 7\n\n${run}`,
    });
    expect(list.findings).toEqual([["requirements-spec-machine-readable", "warning"]]);
    expect(list.blockedBy).toEqual([]);
    const none = await installArea({ ...code, "README.md": `# x\n\nPython 3.6.\n\n${run}` });
    const file = await installArea({
      ...code,
      "requirements.txt": "torch==1.1.0\npandas==0.25.0\n",
      "README.md": `# x\n\nPython 3.6.\n\n\`\`\`\npip install -r requirements.txt\n\`\`\`\n\n${run}`,
    });
    expect(file.lost).toBe(0);
    expect(list.lost).toBeGreaterThan(file.lost);
    expect(list.lost).toBeLessThan(none.lost);
  });

  it("README pip install lines beside the list say what its reader runs: no such finding", async () => {
    const beside = await installArea({
      ...code,
      "README.md": `# x\n\nRequirements: Python 3.6, PyTorch 1.1, pandas\n\n\`\`\`\npip install torch==1.1.0 pandas\n\`\`\`\n\n${run}`,
    });
    expect(beside.findings.map(([rule]) => rule)).not.toContain("requirements-spec-machine-readable");
  });
});
