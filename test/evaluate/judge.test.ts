import { describe, expect, it } from "vitest";
import { fillTemplate, judge, judgeRule, MAX_QUOTED_CHARS, recordMatches } from "../../src/evaluate/judge.js";
import type { Rule } from "../../src/evaluate/rule.js";
import { emptyFacts } from "../../src/model/facts.js";
import { builtinRulesDir, loadRules } from "../../src/evaluate/load-rules.js";

const rule = (over: Partial<Rule> = {}): Rule => ({
  id: "requirements-pinned",
  title: "Require pins",
  category: "requirements",
  severity: "warning",
  weight: 3,
  reason: "Unpinned packages drift.",
  check: { family: "env-spec", where: { kind: "package", pinned: false } },
  message: "{name} is not pinned ('{spec}')",
  source: "rules/requirements-pinned.yaml",
  ...over,
});

describe("recordMatches", () => {
  const record = { kind: "package", name: "numpy", pinned: false, size: 10 };
  it("matches scalars, in, not, matches, exists, gt and lt", () => {
    expect(recordMatches(record, { kind: "package", pinned: false })).toBe(true);
    expect(recordMatches(record, { pinned: true })).toBe(false);
    expect(recordMatches(record, { name: { in: ["pandas", "numpy"] } })).toBe(true);
    expect(recordMatches(record, { name: { not: "numpy" } })).toBe(false);
    expect(recordMatches(record, { name: { matches: "^num" } })).toBe(true);
    expect(recordMatches(record, { spec: { exists: false } })).toBe(true);
    expect(recordMatches(record, { size: { gt: 9 } })).toBe(true);
    expect(recordMatches(record, { size: { lt: 10 } })).toBe(false);
  });
});

describe("judgeRule", () => {
  it("makes one finding per matching record, located and worded from the record", () => {
    const facts = emptyFacts();
    facts.families["env-spec"] = [
      { kind: "package", name: "numpy", spec: "", pinned: false, file: "requirements.txt", line: 1 },
      { kind: "package", name: "pandas", spec: "==2.0", pinned: true, file: "requirements.txt", line: 2 },
    ];
    const { result, findings } = judgeRule(rule(), facts);
    expect(result).toMatchObject({ outcome: "fail", findings: 1 });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: "requirements-pinned",
        file: "requirements.txt",
        line: 1,
        message: "numpy is not pinned ('')",
      }),
    ]);
  });

  it("with absent: true, flags the lack of any matching record once", () => {
    const r = rule({ check: { family: "readme", where: { kind: "readme" }, absent: true }, message: "No README" });
    expect(judgeRule(r, emptyFacts()).findings).toEqual([
      expect.objectContaining({ file: null, line: null, message: "No README" }),
    ]);
    const facts = emptyFacts();
    facts.families.readme = [{ kind: "readme", file: "README.md" }];
    expect(judgeRule(r, facts).result.outcome).toBe("pass");
  });

  it("marks the result of an absent: true rule as an absence (what the repo lacks altogether), and no other", () => {
    const absent = rule({ check: { family: "readme", where: { kind: "readme" }, absent: true }, message: "No README" });
    expect(judgeRule(absent, emptyFacts()).result).toMatchObject({ outcome: "fail", absence: true });
    const facts = emptyFacts();
    facts.families["env-spec"] = [{ kind: "package", name: "numpy", spec: "", pinned: false, file: "r.txt", line: 1 }];
    expect(judgeRule(rule(), facts).result.absence).toBeUndefined();
  });

  it("is not assessed when a family it needs was not collected, and says why", () => {
    const facts = emptyFacts();
    facts.notCollected.branches = "a plain folder has no git branches";
    const r = rule({ needs: ["branches"] });
    expect(judgeRule(r, facts).result).toMatchObject({
      outcome: "not-assessed",
      reason: "the branches were not read: a plain folder has no git branches",
    });
  });

  it("says in plain words which stage did not run, never the family's id", () => {
    const reasons = ["environment-build", "import-probe", "epoch-run", "train-plan"].map((family) => {
      const facts = emptyFacts();
      facts.notCollected[family] = "not asked for (--stages)";
      return judgeRule(rule({ needs: [family] }), facts).result.reason;
    });
    expect(reasons).toEqual([
      "the image was not built: not asked for (--stages)",
      "the imports were not tried in the image: not asked for (--stages)",
      "no epoch was run: not asked for (--stages)",
      "no training plan was made: not asked for (--stages)",
    ]);
  });

  it("says the specs were not resolved, and why, when uv refuses the Python they state", () => {
    const facts = emptyFacts();
    facts.notCollected["spec-resolution"] =
      "uv resolves only for Python >= 3.6: requirements.txt states Python 2.7 (runtime.txt:1 (2.7.18))";
    expect(judgeRule(rule({ needs: ["spec-resolution"] }), facts).result).toMatchObject({
      outcome: "not-assessed",
      reason:
        "the specs were not resolved: uv resolves only for Python >= 3.6: requirements.txt states Python 2.7 (runtime.txt:1 (2.7.18))",
    });
  });

  it("is not applicable when its precondition finds nothing", () => {
    const r = rule({ applies: { family: "env-spec", where: { kind: "spec-file" } } });
    expect(judgeRule(r, emptyFacts()).result.outcome).toBe("not-applicable");
  });

  it("orders findings errors first, then by category, file and line", () => {
    const facts = emptyFacts();
    facts.families.x = [
      { file: "b.py", line: 3 },
      { file: "a.py", line: 9 },
    ];
    const warn = rule({ id: "w", check: { family: "x" }, message: "w" });
    const err = rule({ id: "e", severity: "error", category: "paths", check: { family: "x" }, message: "e" });
    const order = judge([warn, err], facts).findings.map((f) => `${f.rule}:${f.file}:${f.line}`);
    expect(order).toEqual(["e:a.py:9", "e:b.py:3", "w:a.py:9", "w:b.py:3"]);
  });
});

describe("what a finding and a result carry", () => {
  it("fills the fix template per finding, and gives the result the rule's words so a saved report stands alone", () => {
    const facts = emptyFacts();
    facts.families["env-spec"] = [
      { kind: "package", name: "numpy", spec: "", pinned: false, file: "requirements.txt", line: 1 },
    ];
    const { result, findings } = judgeRule(
      rule({ fix: "Pin {name}", helpUri: "https://x.test/r", effect: "friction" }),
      facts,
    );
    expect(findings[0]).toMatchObject({ fix: "Pin numpy", fingerprint: expect.stringMatching(/^[0-9a-f]{20}$/) });
    expect(result).toMatchObject({
      title: "Require pins",
      why: "Unpinned packages drift.",
      fix: "Pin {name}",
      helpUri: "https://x.test/r",
      effect: "friction",
    });
  });

  it("quotes a huge value by its start only, in values, message and fix, and still tells two such values apart", () => {
    const huge = (tail: string) => {
      const facts = emptyFacts();
      facts.families["env-spec"] = [
        {
          kind: "package",
          name: `${"n".repeat(1_000_000)}${tail}`,
          spec: "",
          pinned: false,
          file: "requirements.txt",
          line: 1,
        },
      ];
      return judgeRule(rule({ fix: "Pin {name}" }), facts).findings[0]!;
    };
    const finding = huge("a");
    expect(String(finding.values.name)).toHaveLength(MAX_QUOTED_CHARS);
    expect(String(finding.values.name).endsWith("…")).toBe(true);
    expect(finding.message.length).toBeLessThan(MAX_QUOTED_CHARS + 40);
    expect(finding.fix!.length).toBeLessThan(MAX_QUOTED_CHARS + 10);
    expect(finding.fingerprint).not.toBe(huge("b").fingerprint);
  });

  it("keeps a finding's fingerprint when its line moves, and tells different problems apart", () => {
    const at = (line: number, name = "numpy") => {
      const facts = emptyFacts();
      facts.families["env-spec"] = [{ kind: "package", name, spec: "", pinned: false, file: "requirements.txt", line }];
      return judgeRule(rule(), facts).findings[0]!.fingerprint;
    };
    expect(at(1)).toBe(at(7));
    expect(at(1)).not.toBe(at(1, "pandas"));
  });

  it("is not applicable when an `unless` record matches", () => {
    const facts = emptyFacts();
    facts.families["env-spec"] = [
      { kind: "package", name: "torch", spec: "==1.7.1+cu110", pinned: true, file: "requirements.txt", line: 2 },
      {
        kind: "index-url",
        url: "https://download.pytorch.org/whl/torch_stable.html",
        file: "requirements.txt",
        line: 1,
      },
    ];
    const r = rule({
      check: { family: "env-spec", where: { kind: "package" } },
      unless: { family: "env-spec", where: { kind: "index-url" } },
    });
    expect(judgeRule(r, facts).result).toMatchObject({
      outcome: "not-applicable",
      reason: "env-spec has a record that makes it not apply",
    });
  });
});

describe("blockWhen", () => {
  it("counts the findings whose record matches it, so a friction rule can block for those alone", () => {
    const facts = emptyFacts();
    facts.families.readme = [
      {
        kind: "mention",
        target: "file",
        name: "train_v2.py",
        exists: false,
        runBy: "train",
        file: "README.md",
        line: 3,
      },
      { kind: "mention", target: "file", name: "notes.md", exists: false, file: "README.md", line: 9 },
    ];
    const r = rule({
      check: { family: "readme", where: { kind: "mention", exists: false } },
      blockWhen: { runBy: "train" },
    });
    expect(judgeRule(r, facts).result).toMatchObject({ findings: 2, blocking: 1 });
    facts.families.readme = facts.families.readme.slice(1);
    expect(judgeRule(r, facts).result).not.toHaveProperty("blocking");
  });
});

describe("inline suppressions", () => {
  const facts = () => {
    const f = emptyFacts();
    f.families["env-spec"] = [
      { kind: "package", name: "numpy", spec: "", pinned: false, file: "requirements.txt", line: 1 },
      { kind: "package", name: "torch", spec: ">=2", pinned: false, file: "requirements.txt", line: 2 },
    ];
    f.families.suppressions = [
      { file: "requirements.txt", line: 2, target: 2, rules: "requirements-pinned", reason: "any 2.x works" },
      { file: "train.py", line: 9, target: 10, rules: "code-names-defined", reason: "" },
    ];
    return f;
  };

  it("quiets the records a trusted repo's comment names, and counts what each matched", () => {
    const judged = judge([rule()], facts(), { honourInline: true });
    expect(judged.findings.map((f) => f.values.name)).toEqual(["numpy"]);
    expect(judged.results[0]).toMatchObject({ outcome: "fail", findings: 1, occurrences: 1 });
    expect(judged.inline).toEqual([
      {
        file: "requirements.txt",
        line: 2,
        target: 2,
        rules: ["requirements-pinned"],
        reason: "any 2.x works",
        matched: 1,
        honoured: true,
      },
      { file: "train.py", line: 9, target: 10, rules: ["code-names-defined"], reason: "", matched: 0, honoured: true },
    ]);
    expect(judged.suppressed).toBe(1);
  });

  it("keeps every finding of an untrusted repo, listing its comments as not honoured", () => {
    const judged = judge([rule()], facts());
    expect(judged.findings.map((f) => f.values.name)).toEqual(["numpy", "torch"]);
    expect(judged.inline[0]).toMatchObject({ matched: 1, honoured: false });
    expect(judged.suppressed).toBe(0);
  });

  it("quiets only the rules it names", () => {
    const other = rule({ id: "requirements-other" });
    expect(judge([other], facts(), { honourInline: true }).findings).toHaveLength(2);
  });
});

describe("fillTemplate", () => {
  it("leaves unknown fields visible", () => {
    expect(fillTemplate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
  });
});

describe("fillTemplate: conditional sections", () => {
  it("renders {?field}...{/field} only where the field has a value, filled inside", () => {
    const template = "Commit {name}{?nearest} (did you mean {nearest}?){/nearest}.";
    expect(fillTemplate(template, { name: "trian.py", nearest: "train.py" })).toBe(
      "Commit trian.py (did you mean train.py?).",
    );
    expect(fillTemplate(template, { name: "x.py" })).toBe("Commit x.py.");
    expect(fillTemplate(template, { name: "x.py", nearest: null })).toBe("Commit x.py.");
    expect(fillTemplate(template, { name: "x.py", nearest: "" })).toBe("Commit x.py.");
  });

  it("keeps two sections apart, and a section whose end is missing visible", () => {
    expect(fillTemplate("{?a}A={a}{/a},{?b}B={b}{/b}", { b: 2 })).toBe(",B=2");
    expect(fillTemplate("{?a}A={a}", { a: 1 })).toBe("{?a}A=1");
  });
});

describe("did you mean, in the fixes of the rules whose facts carry nearest", () => {
  const built = (id: string) => loadRules([builtinRulesDir()]).find((r) => r.id === id)!;
  const fixOf = (id: string, family: string, record: Record<string, unknown>) => {
    const facts = emptyFacts();
    facts.families[family] = [record as never];
    return judgeRule(built(id), facts).findings.map((f) => f.fix);
  };

  it("names the nearest file where there is one, and says nothing of it where there is none", () => {
    const mention = { kind: "mention", file: "README.md", line: 3, target: "file", name: "trian.py", exists: false };
    expect(fixOf("instructions-references-exist", "readme", { ...mention, nearest: "train.py" })).toEqual([
      "Commit trian.py or correct its name in the README (did you mean train.py?)",
    ]);
    expect(fixOf("instructions-references-exist", "readme", mention)).toEqual([
      "Commit trian.py or correct its name in the README",
    ]);
    const call = { kind: "call", file: "run.sh", line: 2, name: "trian.py", from: ".", exists: false, runBy: "train" };
    expect(fixOf("instructions-script-calls-exist", "readme", { ...call, nearest: "src/train.py" })).toEqual([
      "Make run.sh call trian.py from where it is (a cd into its folder, or its full path), or commit it (did you mean src/train.py?)",
    ]);
  });
});
