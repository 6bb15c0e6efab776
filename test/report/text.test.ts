// Text report decisions: not-assessed never shown as a score, colour on and off, locations, untrusted text.
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/model/finding.js";
import { categoryScoreText, duration, locationText, num } from "../../src/report/format.js";
import { render } from "../../src/report/index.js";
import { renderText } from "../../src/report/text.js";
import { ENVIRONMENT, sampleReport } from "./fixtures.js";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "paths-portable",
  category: "paths",
  severity: "error",
  file: "a.py",
  line: 1,
  message: "m",
  values: {},
  locations: [],
  ...over,
});

describe("category scores", () => {
  it("shows a category that was not assessed as such, never as 100", () => {
    const text = renderText(sampleReport(), { color: false });
    expect(text).toMatch(/^ {4}branches +not assessed {2}the clone was shallow/m);
    expect(text).not.toMatch(/^ {4}branches +100/m);
    expect(categoryScoreText({ score: 100, assessed: false, area: "trust", blocked: false, lost: 0 })).toBe(
      "not assessed",
    );
    expect(categoryScoreText(undefined)).toBe("not assessed");
    expect(categoryScoreText({ score: 77.6, assessed: true, area: "install", blocked: false, lost: 1.1 })).toBe("78");
  });

  it("shows a total that was not assessed as such", () => {
    const report = sampleReport();
    report.score.total = null;
    expect(renderText(report, { color: false })).toContain("Score  not assessed");
  });
});

describe("locations", () => {
  it("names notebook cells from 1 with the line in the cell", () => {
    expect(locationText(finding({ file: "nb.ipynb", line: 9, cell: 2, cellLine: 2 }))).toBe("nb.ipynb cell 3 line 2");
    expect(locationText(finding({ file: "src/a.py", line: 12 }))).toBe("src/a.py:12");
    expect(locationText(finding({ file: "src/a.py", line: null }))).toBe("src/a.py");
    expect(locationText(finding({ file: null, line: null }))).toBe("(repository)");
  });
});

describe("colour", () => {
  it("uses ANSI colour by default and none when color is false", () => {
    expect(render(sampleReport(), "text")).toContain("\u001b[31merror");
    expect(render(sampleReport(), "text", { color: false })).not.toContain("\u001b[");
  });
});

describe("untrusted text", () => {
  it("shows terminal escapes from the repo instead of obeying them, and hides URL credentials", () => {
    const report = sampleReport();
    report.findings[0] = { ...report.findings[0]!, message: "path '\u001b]0;pwned\u0007/tmp'" };
    report.repo.url = "https://alice:ghp_secret@github.com/acme/x.git";
    const text = renderText(report, { color: false });
    expect(text).toContain("path '\\x1b]0;pwned\\x07/tmp'");
    expect(text).not.toContain("ghp_secret");
    expect(text).toContain("repo      https://github.com/acme/x.git");
  });
});

describe("later-stage sections", () => {
  it("leaves out environment and carbon when the report has none", () => {
    const report = sampleReport();
    delete report.environment;
    delete report.carbon;
    const text = renderText(report, { color: false });
    expect(text).not.toContain("Environment");
    expect(text).not.toContain("Carbon");
  });

  it("prints a failed build's class, package and log tail", () => {
    const report = sampleReport();
    report.environment = {
      ...structuredClone(ENVIRONMENT),
      build: {
        status: "failed",
        seconds: 42,
        cacheHit: false,
        failureClass: "package-not-found",
        package: "torchh",
        logTail: "step 4/7\nERROR: No matching distribution found for torchh==9.9",
      },
      probe: { ran: false, modules: [], pipCheck: null },
    };
    const text = renderText(report, { color: false });
    expect(text).toContain(
      "build       failed after 42.0 s: package-not-found (torchh) [docker, image repro-audit/env:9c1e0f]",
    );
    expect(text).toContain("probe       not run");
    expect(text).toContain("    ERROR: No matching distribution found for torchh==9.9");
  });

  it("prints the plan with its sources, then the carbon blocks", () => {
    const text = renderText(sampleReport(), { color: false });
    expect(text).toContain(
      "Carbon\n  plan     30 epochs (README line 22), 5 runs = 5 folds (argparse default in src/train.py:31) x 1 model (default) x 1 seed (default)\n",
    );
    expect(text).toContain(
      "  command  python src/train.py --epochs 30 --fold 0 (README line 22)\nActual consumption for 1 epoch(s):\n  Time:   0:02:10\n  Energy: 0.0123 kWh\n",
    );
    expect(text).toContain(
      "Predicted consumption for 150 epoch(s) (5 runs of 30):\n  Time:   5:26:00 (5:00:00 to 5:55:00)\n  Energy: 1.84 kWh (1.70 to 2.01)\n  CO2eq:  876 g (808 to 955)\n",
    );
  });
});

describe("plain folders", () => {
  it("says there is no commit", () => {
    const report = sampleReport();
    report.repo = { url: "/work/solution", kind: "folder", commit: null, ref: null, branches: [] };
    const text = renderText(report, { color: false });
    expect(text).toContain("commit    none (plain folder)");
    expect(text).toContain("branches  none listed");
  });
});

describe("numbers", () => {
  it("keeps three significant figures and whole numbers whole", () => {
    expect([num(1), num(0.0022), num(0.01234), num(1.845), num(12.34), num(875.6)]).toEqual([
      "1",
      "0.0022",
      "0.0123",
      "1.84",
      "12.3",
      "876",
    ]);
    expect([duration(42), duration(130.4), duration(19560)]).toEqual(["42.0 s", "2 min 10 s", "5 h 26 min"]);
  });
});

describe("findings: every error first, then each category's warnings and info, each with its fix", () => {
  it("says beside a finding why the rerun plan set it aside, and nothing for a conclusive one on the plan", () => {
    const report = sampleReport();
    report.findings = [
      finding({ plan: "on", evidence: "conclusive", message: "kept" }),
      finding({
        severity: "info",
        plan: "off",
        planReason: "not on the rerun path: no step runs or imports eda.py",
        evidence: "conclusive",
        message: "aside",
      }),
      finding({ severity: "warning", plan: "on", evidence: "unconfirmed", message: "unsure" }),
      finding({ severity: "warning", plan: "unknown", evidence: "conclusive", message: "unplaced" }),
    ];
    const lines = renderText(report, { color: false }).split("\n");
    expect(lines.find((l) => l.includes("kept"))).not.toContain("(");
    expect(lines.find((l) => l.includes("aside"))).toContain(
      "aside (not on the rerun path: no step runs or imports eda.py)",
    );
    expect(lines.find((l) => l.includes("unsure"))).toContain("unsure (unconfirmed)");
    expect(lines.find((l) => l.includes("unplaced"))).toContain("unplaced (plan unknown)");
  });

  it("says beside a finding what the first-look gate held back, so a reader knows it is one to judge", () => {
    const report = sampleReport();
    report.findings = [
      finding({
        severity: "warning",
        plan: "on",
        evidence: "conclusive",
        message: "capped",
        heldBack: { severity: "error", blocks: true },
      }),
      finding({
        severity: "info",
        plan: "on",
        evidence: "unconfirmed",
        message: "unsure",
        heldBack: { severity: "warning" },
      }),
    ];
    const lines = renderText(report, { color: false }).split("\n");
    expect(lines.find((l) => l.includes("capped"))).toContain(
      "capped (held back by the first-look gate: an error as written, blocking)",
    );
    expect(lines.find((l) => l.includes("unsure"))).toContain(
      "unsure (unconfirmed; held back by the first-look gate: a warning as written)",
    );
  });

  it("names the rerun plan the findings were graded by in the header, or says there was none", () => {
    const report = sampleReport();
    expect(renderText(report, { color: false })).not.toContain("rerun plan");
    report.plan = {
      collected: true,
      found: true,
      basis: "readme",
      reached: 5,
      steps: [{ order: 1, file: "README.md", cwd: ".", command: "python train.py", program: "train.py", repeat: 1 }],
    };
    expect(renderText(report, { color: false })).toMatch(/rerun plan +1 step from the readme, reaching 5 code files/);
    report.plan = { collected: false, reason: "older facts" };
    expect(renderText(report, { color: false })).toMatch(
      /rerun plan +not collected \(older facts\): findings graded as their rules are written/,
    );
  });

  it("lists errors across categories before any warning, and a fix line under a finding that has one", () => {
    const text = renderText(sampleReport(), { color: false });
    const lines = text.split("\n");
    const firstWarning = lines.findIndex((l) => l.startsWith("  warning"));
    const lastError = lines.map((l) => l.startsWith("  error")).lastIndexOf(true);
    expect(lastError).toBeGreaterThan(0);
    expect(lastError).toBeLessThan(firstWarning);
    expect(text).toContain(
      "  error    (repository)  instructions: README gives no command to predict  readme-commands\n           fix: Add the commands to the README\n",
    );
    expect(text).toContain("           fix: Pin torch to the version used\n");
  });

  it("says what quieted the audit, and with --quiet how many findings it left out", async () => {
    const { errorsOnly } = await import("../../src/evaluate/quiet.js");
    const text = renderText(errorsOnly(sampleReport()), { color: false });
    expect(text).not.toMatch(/^ {2}warning/m);
    expect(text).toContain("--quiet: 3 warning(s) and 1 info not shown");
    expect(text).toContain(
      "  1 inline ignore comment(s) in the repo, not honoured (the repo is not trusted; --trust-repo for your own): they would quiet 1 occurrence(s), which still count",
    );
    expect(text).toContain('    src/config.py:11 ignore[paths-portable] "our cluster\'s data root": matched 1');
    expect(text).toContain(
      "  excluded by vendor/** (--exclude): 2 file(s) or folder(s) not audited: vendor/yolov5, vendor/timm",
    );
  });
});
