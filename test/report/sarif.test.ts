// SARIF decisions: levels, rule indexes, locations GitHub accepts, stable fingerprints, and the SARIF schema.
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import { pathToUri, renderSarif, sarifLevel, sarifLog } from "../../src/report/sarif.js";
import { RULES, sampleReport } from "./fixtures.js";

interface Result {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{
    physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number } };
  }>;
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}
interface Run {
  tool: { driver: { name: string; version: string; informationUri: string; rules: Array<Record<string, any>> } };
  results: Result[];
  versionControlProvenance?: Array<Record<string, string>>;
}

function run(report = sampleReport(), options = { rules: RULES }): Run {
  return (JSON.parse(renderSarif(report, options)) as { runs: Run[] }).runs[0]!;
}

function resultFor(r: Run, file: string | null, rule: string): Result {
  const found = r.results.find(
    (x) => x.ruleId === rule && (file === null || x.locations[0]!.physicalLocation.artifactLocation.uri === file),
  );
  if (!found) throw new Error(`no result for ${rule} in ${file}`);
  return found;
}

/** The vendored schema is draft-04: ajv 8 reads it once `id` is `$id` and the draft-04 meta-schema is dropped. */
function sarifSchemaValidator() {
  const schema = JSON.parse(
    readFileSync(new URL("../../schemas/vendor/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8"),
  );
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  return new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(schema);
}

describe("SARIF levels", () => {
  it("maps error, warning, info to error, warning, note", () => {
    expect([sarifLevel("error"), sarifLevel("warning"), sarifLevel("info")]).toEqual(["error", "warning", "note"]);
    const r = run();
    expect(resultFor(r, "src/train.py", "options-have-help").level).toBe("note");
    expect(resultFor(r, "src/config.py", "paths-portable").level).toBe("error");
    const descriptor = r.tool.driver.rules.find((d) => d.id === "options-have-help")!;
    expect(descriptor.defaultConfiguration).toEqual({ level: "note" });
    expect(descriptor.properties["problem.severity"]).toBe("recommendation");
  });
});

describe("SARIF rules", () => {
  it("lists every rule the report judged, sorted by id, plus a descriptor for a finding's unknown rule", () => {
    const ids = run().tool.driver.rules.map((d) => d.id);
    expect(ids).toEqual([
      "branches-check-out",
      "code-no-placeholders",
      "datasets-fetched",
      "environment-builds",
      "execution-epoch-completes",
      "options-have-help",
      "paths-portable",
      "readme-branches-exist",
      "readme-commands",
      "requirements-imports-resolve",
      "requirements-pinned",
    ]);
    const unknown = run().tool.driver.rules.find((d) => d.id === "code-no-placeholders")!;
    expect(unknown.shortDescription).toEqual({ text: "code-no-placeholders" });
  });

  it("describes the rules from the report alone, without rule files", () => {
    const alone = run(sampleReport(), { rules: [] });
    const descriptor = alone.tool.driver.rules.find((d) => d.id === "paths-portable")!;
    expect(descriptor.shortDescription).toEqual({ text: "Disallow machine-specific absolute paths" });
    expect(descriptor.helpUri).toBe("https://repro-audit.dev/rules/paths-portable");
    const pinned = alone.tool.driver.rules.find((d) => d.id === "requirements-pinned")!;
    expect(pinned.help.text).toContain("Fix: Pin {name} to the version used");
  });

  it("gives each result the index of its own rule", () => {
    const r = run();
    for (const result of r.results) expect(r.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(resultFor(r, "src/config.py", "paths-portable").ruleIndex).toBe(6);
    expect(resultFor(r, "src/model.py", "code-no-placeholders").ruleIndex).toBe(1);
  });

  it("fills every field GitHub requires of a rule, with the title and reason from the rule metadata", () => {
    const descriptor = run().tool.driver.rules.find((d) => d.id === "paths-portable")!;
    expect(descriptor.shortDescription).toEqual({ text: "Disallow machine-specific absolute paths" });
    expect(descriptor.fullDescription).toEqual({
      text: "Paths from the author's machine do not exist on anyone else's.",
    });
    expect(descriptor.help.text).toContain("repro-audit rules explain paths-portable");
    expect(descriptor.helpUri).toBe("https://repro-audit.dev/rules/paths-portable");
    expect(descriptor.properties.tags).toEqual(["reproducibility", "paths"]);
  });
});

describe("SARIF locations", () => {
  it("points a line finding at its file and line, relative to %SRCROOT%", () => {
    const result = resultFor(run(), "requirements.txt", "requirements-pinned");
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: "requirements.txt", uriBaseId: "%SRCROOT%" },
          region: { startLine: 3 },
        },
      },
    ]);
  });

  it("points a notebook finding at the .ipynb as a whole (no made-up line), with the cell in the message and properties", () => {
    const result = resultFor(run(), "notebooks/eda.ipynb", "paths-portable");
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "notebooks/eda.ipynb", uriBaseId: "%SRCROOT%" },
    });
    expect(result.message.text).toBe("Machine-specific path '/kaggle/input/siim-isic/train.csv' (cell 3, line 4)");
    expect(result.properties).toMatchObject({ cell: 2, cellLine: 4 });
  });

  // GitHub refuses the whole file when a result has no file location ("locationFromSarifResult: expected at
  // least one location"), and accepts a location with no region as an alert on the whole file.
  it("shows a repository-level finding on the report's anchor file as a whole, without a fake line", () => {
    const result = resultFor(run(), null, "readme-commands");
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: "README.md", uriBaseId: "%SRCROOT%" },
    });
    expect(result.message.text).toBe("README gives no command to predict (about the whole repository)");
    expect(result.properties.repositoryLevel).toBe(true);
    const noAnchor = sampleReport();
    delete noAnchor.repo.anchor;
    const anchored = (
      JSON.parse(renderSarif(noAnchor, { rules: RULES, repoAnchor: "docs/index.md" })) as { runs: Run[] }
    ).runs[0]!;
    expect(resultFor(anchored, null, "readme-commands").locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      "docs/index.md",
    );
  });

  it("gives a finding without a line its whole file, marked whole-file", () => {
    const result = resultFor(run(), "src/model.py", "code-no-placeholders");
    expect(result.locations[0]!.physicalLocation.region).toBeUndefined();
    expect(result.properties.wholeFile).toBe(true);
  });

  it("marks each result's baselineState when the report was compared with a baseline", () => {
    const report = sampleReport();
    report.findings = report.findings.map((f, i) => ({ ...f, baseline: i === 0 ? "new" : "unchanged" }));
    const states = run(report).results.map((x) => (x as unknown as { baselineState?: string }).baselineState);
    expect(states.filter((s) => s === "new")).toHaveLength(1);
    expect(states.filter((s) => s === "unchanged")).toHaveLength(7);
    expect((run().results[0] as unknown as { baselineState?: string }).baselineState).toBeUndefined();
    expect(sarifSchemaValidator()(sarifLog(report))).toBe(true);
  });

  it("percent-encodes paths as relative URI references", () => {
    expect(pathToUri("data dir/my#notes.py")).toBe("data%20dir/my%23notes.py");
    expect(pathToUri("./src/train.py")).toBe("src/train.py");
  });
});

describe("SARIF fingerprints", () => {
  const extra = (line: number): Finding => ({
    rule: "paths-portable",
    category: "paths",
    severity: "error",
    file: "src/config.py",
    line,
    message: "Machine-specific path '/home/alice/data'",
    values: { literal: "/home/alice/data", pattern: "home" },
    locations: [{ file: "src/config.py", line }],
  });

  it("keeps a finding's fingerprint when lines above it move, and counts identical findings", () => {
    const before = sampleReport();
    const after = sampleReport();
    after.findings[5] = { ...after.findings[5]!, line: 40 };
    after.findings.push(extra(52));
    const a = resultFor(run(before), "src/config.py", "paths-portable").partialFingerprints["reproAudit/v1"]!;
    const moved = run(after).results.filter(
      (x) => x.locations[0]!.physicalLocation.artifactLocation.uri === "src/config.py",
    );
    expect(moved.map((x) => x.partialFingerprints["reproAudit/v1"])).toEqual([a, a.replace(/:1$/, ":2")]);
    expect(a).toMatch(/^[0-9a-f]{32}:1$/);
  });

  it("gives different findings different fingerprints", () => {
    const prints = run().results.map((x) => x.partialFingerprints["reproAudit/v1"]);
    expect(new Set(prints).size).toBe(prints.length);
  });
});

describe("SARIF log shape", () => {
  it("carries where a finding lies on the rerun plan, why, and how conclusive it is, in its properties", () => {
    const report = sampleReport();
    const first = report.findings[0]!;
    report.findings[0] = {
      ...first,
      severity: "info",
      plan: "off",
      planReason: "not on the rerun path: no step runs or imports eda.py",
      evidence: "conclusive",
    };
    const result = run(report).results.find((r) => r.ruleId === first.rule && r.level === "note")!;
    expect(result.properties).toMatchObject({
      plan: "off",
      planReason: "not on the rerun path: no step runs or imports eda.py",
      evidence: "conclusive",
    });
    expect(run().results[0]!.properties).not.toHaveProperty("plan");
  });

  it("validates against the SARIF 2.1.0 schema", () => {
    const validate = sarifSchemaValidator();
    const ok = validate(sarifLog(sampleReport(), { rules: RULES }));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // The validator is live: a level SARIF does not know is refused.
    const broken = sarifLog(sampleReport(), { rules: RULES }) as { runs: Array<{ results: Array<{ level: string }> }> };
    broken.runs[0]!.results[0]!.level = "info";
    expect(validate(broken)).toBe(false);
  });

  it("holds what GitHub code scanning requires: $schema, version, driver, a located result per finding", () => {
    const log = JSON.parse(renderSarif(sampleReport(), { rules: RULES }));
    expect(log.$schema).toBe("https://json.schemastore.org/sarif-2.1.0.json");
    expect(log.version).toBe("2.1.0");
    const r = log.runs[0] as Run;
    expect(r.tool.driver).toMatchObject({
      name: "repro-audit",
      version: "0.1.0",
      informationUri: "https://repro-audit.dev",
    });
    expect(r.results).toHaveLength(8);
    for (const result of r.results) {
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations).toHaveLength(1);
      expect(result.locations[0]!.physicalLocation.artifactLocation.uri).not.toBe("");
      const region = result.locations[0]!.physicalLocation.region;
      if (region) expect(region.startLine).toBeGreaterThanOrEqual(1);
    }
    for (const d of r.tool.driver.rules) {
      for (const text of [d.shortDescription.text, d.fullDescription.text, d.help.text])
        expect(String(text).length).toBeGreaterThan(0);
    }
  });

  it("names the commit in versionControlProvenance, without credentials, and only for a URL", () => {
    const report = sampleReport();
    report.repo.url = "https://alice:ghp_secret@github.com/acme/melanoma-solution.git";
    const text = renderSarif(report, { rules: RULES });
    expect(text).not.toContain("ghp_secret");
    expect((JSON.parse(text) as { runs: Run[] }).runs[0]!.versionControlProvenance).toEqual([
      {
        repositoryUri: "https://github.com/acme/melanoma-solution.git",
        revisionId: report.repo.commit!,
        branch: "main",
      },
    ]);
    const local = sampleReport();
    local.repo.url = "/home/alice/solution";
    expect(run(local).versionControlProvenance).toBeUndefined();
  });
});
