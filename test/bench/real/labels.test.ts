import { describe, expect, it } from "vitest";
import { parseLabels, readAllLabels } from "../../../bench/real/labels.js";

const REVIEW = `
review:
  total: 60
  categories:
    install: { points: 20, of: 30, judgement: friction }
    data: { points: 10, of: 20, judgement: friction }
    run: { points: 20, of: 30, judgement: fine }
    trust: { points: 10, of: 20, judgement: blocks }
  why: ["one line", "another line"]
`;

const header = `repo: owner/name\ncommit: ${"a".repeat(40)}\n`;

describe("parseLabels", () => {
  it("reads findings, defects (lines and notebook cells) and the review", () => {
    const labels = parseLabels(
      header +
        `findings:
  - { rule: paths-portable, file: a.py, line: 3, verdict: wrong, why: a fragment }
  - { rule: instructions-train-documented, file: null, verdict: correct, why: no command }
defects:
  - { kind: machine-path, file: nb.ipynb, cell: 2, cellLine: 1, what: /home/x }
` +
        REVIEW,
      "x.yaml",
    );
    expect(labels.findings).toHaveLength(2);
    expect(labels.findings[1]!.file).toBeNull();
    expect(labels.defects[0]).toMatchObject({ kind: "machine-path", cell: 2, cellLine: 1 });
    expect(labels.review.total).toBe(60);
  });

  it("names the file and the JSON pointer of a schema problem", () => {
    const text =
      header + `findings:\n  - { rule: x, file: a.py, line: 1, verdict: maybe, why: hmm }\ndefects: []\n` + REVIEW;
    expect(() => parseLabels(text, "bad.yaml")).toThrow(
      /bad\.yaml: .*\/findings\/0\/verdict: must be one of correct, wrong/,
    );
  });

  it("refuses a defect kind outside the four", () => {
    const text = header + `findings: []\ndefects:\n  - { kind: typo, file: a.py, line: 1, what: xx }\n` + REVIEW;
    expect(() => parseLabels(text, "k.yaml")).toThrow(/\/defects\/0\/kind/);
  });

  it("refuses a total that is not the sum of its categories", () => {
    const text = header + `findings: []\ndefects: []\n` + REVIEW.replace("total: 60", "total: 61");
    expect(() => parseLabels(text, "t.yaml")).toThrow(
      /\/review\/total: 61 is not the sum of the category points \(60\)/,
    );
  });

  it("refuses a notebook place that also gives a line, or a cell without cellLine", () => {
    const both =
      header +
      `findings: []\ndefects:\n  - { kind: py3-syntax, file: n.ipynb, line: 4, cell: 1, cellLine: 2, what: a tab error }\n` +
      REVIEW;
    expect(() => parseLabels(both, "b.yaml")).toThrow(/not both/);
    const half =
      header + `findings: []\ndefects:\n  - { kind: py3-syntax, file: n.ipynb, cell: 1, what: a tab error }\n` + REVIEW;
    expect(() => parseLabels(half, "h.yaml")).toThrow(/go together/);
  });

  it("says when the text is not YAML", () => {
    expect(() => parseLabels("repo: [unclosed", "y.yaml")).toThrow(/y\.yaml: not valid YAML/);
  });
});

describe("the committed label files", () => {
  it("all validate, and at least ten repos are labelled with 15 findings read each (all of them where fewer exist)", () => {
    const all = readAllLabels();
    expect(all.size).toBeGreaterThanOrEqual(10);
    for (const [name, labels] of all) {
      expect(name).toBe(labels.repo.replace("/", "+"));
      if (labels.allRead) expect(labels.findings.length, name).toBeGreaterThan(0);
      else {
        expect(labels.findings.length, name).toBeGreaterThanOrEqual(15);
        expect(new Set(labels.findings.map((f) => f.rule)).size, name).toBeGreaterThan(2);
      }
    }
  });
});
