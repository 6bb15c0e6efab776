// Each sample audited statically as a real git repo: the findings are exactly those in its expected.yaml.
// Samples are found by folder; every one must have an expected.yaml. After a deliberate change,
// `UPDATE_EXPECTED=1 npx vitest run test/samples` rewrites the files; review the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { audit } from "../../src/pipeline.js";
import type { Finding } from "../../src/model/finding.js";
import { factProblems } from "../../src/evaluate/fact-schemas.js";
import { makeSampleRepo, sampleDir } from "../support/sample-repo.js";
import { gatedWarning } from "../extract/families/rerun-plan/plan-repo.js";

interface ExpectedFinding {
  rule: string;
  file: string | null;
  line: number | null;
  cell?: number;
  cellLine?: number;
  /** The other places of a grouped finding, as "file:line" (or "file cell N line M"). */
  also?: string[];
}

interface Expected {
  /** How the test makes the repo: branch refs pointing at commits that do not exist. */
  setup?: { ghosts?: string[] };
  score: { min: number; max: number };
  notAssessed: string[];
  findings: ExpectedFinding[];
}

const SAMPLES_DIR = new URL("../../samples/", import.meta.url);
const SAMPLES = readdirSync(SAMPLES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(new URL(`${d.name}/repo`, SAMPLES_DIR)))
  .map((d) => d.name)
  .sort();

const place = (at: { file: string; line?: number; cell?: number; cellLine?: number }) =>
  at.cell !== undefined
    ? `${at.file} cell ${at.cell} line ${at.cellLine}`
    : at.line !== undefined
      ? `${at.file}:${at.line}`
      : at.file;

function asExpected(f: Finding): ExpectedFinding {
  const also = f.locations.slice(1).map(place);
  return {
    rule: f.rule,
    file: f.file,
    line: f.line,
    ...(f.cell !== undefined ? { cell: f.cell, cellLine: f.cellLine } : {}),
    ...(also.length ? { also } : {}),
  };
}

it("every sample has an expected.yaml", () => {
  expect(SAMPLES.length).toBeGreaterThan(5);
  expect(
    SAMPLES.filter((name) => !existsSync(`${sampleDir(name)}expected.yaml`)),
    "write samples/<name>/expected.yaml (UPDATE_EXPECTED=1)",
  ).toEqual([]);
});

describe.each(SAMPLES)("sample %s", (name) => {
  const file = `${sampleDir(name)}expected.yaml`;
  const expected = existsSync(file) ? (yaml.load(readFileSync(file, "utf8")) as Expected) : null;

  it("gives exactly the expected findings, score and unassessed categories", async () => {
    const repo = makeSampleRepo(name, { ghosts: expected?.setup?.ghosts ?? [] });
    const { report, facts } = await audit({ source: repo, stages: ["static"] });
    expect(factProblems(facts)).toEqual([]);
    const got = report.findings
      .map(asExpected)
      .sort((a, b) =>
        `${a.rule} ${a.file} ${String(a.line).padStart(6)}`.localeCompare(
          `${b.rule} ${b.file} ${String(b.line).padStart(6)}`,
        ),
      );
    const notAssessed = Object.entries(report.score.categories)
      .filter(([, c]) => !c.assessed)
      .map(([k]) => k)
      .sort();
    if (process.env.UPDATE_EXPECTED) {
      const total = report.score.total ?? 0;
      const doc = {
        ...(expected?.setup ? { setup: expected.setup } : {}),
        score: { min: total - 3, max: total + 3 },
        notAssessed,
        findings: got,
      };
      writeFileSync(
        file,
        `# Exact findings of a static audit of this sample as a git repo (test/samples/samples.test.ts).\n${yaml.dump(doc, { flowLevel: 2, lineWidth: 160 })}`,
      );
      return;
    }
    expect(expected, `write ${file}`).not.toBeNull();
    expect(got).toEqual(expected!.findings);
    expect(report.score.total).toBeGreaterThanOrEqual(expected!.score.min);
    expect(report.score.total).toBeLessThanOrEqual(expected!.score.max);
    expect(notAssessed).toEqual(expected!.notAssessed);
    expect(report.repo.kind).toBe("git");
  });
});

describe("the clean sample", () => {
  it("has no errors and scores at least 90", async () => {
    const { report } = await audit({ source: makeSampleRepo("clean-solution"), stages: ["static"] });
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.score.total).toBeGreaterThanOrEqual(90);
  });
});

describe("the messy sample", () => {
  it("scores under 70: a branch the README names blocks trust; rules held back by their first look (no spec among them) cost points but cap nothing", async () => {
    const { report } = await audit({ source: makeSampleRepo("messy-kaggle"), stages: ["static"] });
    expect(report.score.total).toBeLessThan(70);
    expect(report.score.areas.trust.blockedBy).toEqual(["branches-named-exist"]);
    // Held back below 90% first-look precision (a warning at most; below 50%: notes): still findings, still
    // losses, no cap.
    for (const held of ["requirements-spec-present", "datasets-data-available", "instructions-references-exist"]) {
      const severity = gatedWarning(held);
      expect(severity).not.toBe("error");
      expect(report.findings.filter((f) => f.rule === held).map((f) => f.severity)).toContain(severity);
      expect(report.score.losses.some((l) => l.rule === held && l.lost > 0 && l.effect === "friction")).toBe(true);
    }
    expect(report.score.areas.install.blockedBy).toEqual([]);
    expect(report.score.areas.data.blockedBy).toEqual([]);
    expect(report.score.areas.run.blockedBy).toEqual([]);
  });
});
