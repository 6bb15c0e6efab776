import { describe, expect, it } from "vitest";
import { repoFigures, summarize } from "../../../bench/real/figures.js";
import { pickForReading } from "../../../bench/real/sample.js";
import type { BenchFinding } from "../../../bench/real/match.js";
import type { RepoLabels } from "../../../bench/real/labels.js";

const f = (rule: string, line: number, over: Partial<BenchFinding> = {}): BenchFinding => ({
  rule,
  severity: "error",
  file: "a.py",
  line,
  message: rule,
  ...over,
});
const review = (total: number): RepoLabels["review"] => ({
  total,
  categories: {
    install: { points: total, of: 30, judgement: "fine" },
    data: { points: 0, of: 20, judgement: "blocks" },
    run: { points: 0, of: 30, judgement: "blocks" },
    trust: { points: 0, of: 20, judgement: "blocks" },
  },
  why: ["a", "b"],
});
const labels = (total: number, over: Partial<RepoLabels> = {}): RepoLabels => ({
  repo: "o/n",
  commit: "c".repeat(40),
  findings: [],
  defects: [],
  review: review(total),
  ...over,
});
const run = (name: string, total: number, findings: BenchFinding[], seconds = 2) => ({
  name,
  seconds,
  staticSeconds: 1,
  commit: "c".repeat(40),
  total,
  categories: {},
  findings,
});

describe("repoFigures", () => {
  it("counts findings per rule and severity, occurrences from locations, and the labels' agreement", () => {
    const findings = [
      f("paths-portable", 1, {
        locations: [
          { file: "a.py", line: 1 },
          { file: "a.py", line: 2 },
        ],
      }),
      f("paths-portable", 9, { severity: "warning" }),
      f("code-syntax-valid", 4, { severity: "info" }),
    ];
    const fig = repoFigures(
      run("o+n", 50, findings),
      { seconds: 1, undeclared: 3 },
      labels(30, {
        findings: [
          { rule: "paths-portable", file: "a.py", line: 2, verdict: "correct", why: "yes" },
          { rule: "paths-portable", file: "a.py", line: 9, verdict: "wrong", why: "no" },
          { rule: "paths-portable", file: "a.py", line: 8, verdict: "wrong", why: "gone" },
        ],
        defects: [
          { kind: "machine-path", file: "a.py", line: 1, what: "x" },
          { kind: "py3-syntax", file: "b.py", line: 1, what: "y" },
        ],
      }),
    );
    expect(fig.findings).toBe(3);
    expect(fig.occurrences).toBe(4);
    expect(fig.bySeverity).toEqual({ error: 1, warning: 1, info: 1 });
    expect(fig.byRule["paths-portable"]).toEqual({ findings: 2, occurrences: 3 });
    expect(fig.labels).toMatchObject({ read: 2, correct: 1, precision: 0.5, reviewer: 30 });
    expect(fig.labels!.stale).toEqual([{ rule: "paths-portable", file: "a.py", line: 8, verdict: "wrong" }]);
    expect(fig.labels!.missed).toEqual([{ kind: "py3-syntax", file: "b.py", line: 1, what: "y" }]);
  });
});

describe("summarize", () => {
  it("pools recall, counts repos at the precision goal, takes medians and ranks the scores", () => {
    const good = { rule: "paths-portable", file: "a.py", line: 1, verdict: "correct" as const, why: "ok" };
    const repos = [
      repoFigures(
        run("r1", 80, [f("paths-portable", 1)], 1),
        { seconds: 2, undeclared: 0 },
        labels(70, { findings: [good], defects: [{ kind: "machine-path", file: "a.py", line: 1, what: "x" }] }),
      ),
      repoFigures(
        run("r2", 60, [f("paths-portable", 1), f("x", 2)], 4),
        { seconds: 2, undeclared: 0 },
        labels(50, { findings: [{ ...good, verdict: "wrong" }] }),
      ),
      repoFigures(
        run("r3", 40, [f("x", 1), f("x", 2), f("x", 3)], 3),
        { seconds: 1, undeclared: 0 },
        labels(20, { defects: [{ kind: "missing-script", file: "README.md", line: 1, what: "y" }] }),
      ),
      repoFigures(run("r4", 10, []), null, undefined),
    ];
    const s = summarize(repos);
    expect(s.repos).toBe(4);
    expect(s.labelled).toBe(3);
    expect(s.medianFindings).toBe(1.5);
    expect(s.precisionAtGoal).toEqual({ repos: 1, of: 2 });
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.recallByKind["machine-path"]).toEqual({ labelled: 1, found: 1, recall: 1 });
    expect(s.recallByKind["missing-script"]).toEqual({ labelled: 1, found: 0, recall: 0 });
    expect(s.timeRatioMedian).toBe(2);
    expect(s.timeAtGoal).toEqual({ repos: 1, of: 3 });
    expect(s.spearman).toBeCloseTo(1, 12);
  });
});

describe("pickForReading", () => {
  it("spreads the pick across rules, rarest first, and leaves info findings out", () => {
    const many = Array.from({ length: 10 }, (_, i) => f("requirements-pinned", i + 1, { severity: "warning" }));
    const picked = pickForReading(
      [...many, f("paths-portable", 50), f("datasets-sources-named", 60, { severity: "info" })],
      4,
    );
    expect(picked.map((p) => p.rule)).toEqual([
      "paths-portable",
      "requirements-pinned",
      "requirements-pinned",
      "requirements-pinned",
    ]);
    expect(new Set(picked.map((p) => p.line)).size).toBe(4);
  });
});
