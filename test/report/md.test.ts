// Markdown decisions: the score by area, errors first, one <details> per category, links to the exact line
// at the audited commit, text from the repo kept inert, a cap that never drops an error to show a warning.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/report/md.js";
import { mdCode, mdText } from "../../src/report/md-sections.js";
import { RULES, sampleReport } from "./fixtures.js";

describe("renderMarkdown", () => {
  it("shows each area's points, what blocks it, and its categories, one not assessed as such", () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain("| run | 10 / 30 | blocked by `readme-commands` | instructions 33, execution 100 |");
    expect(md).toContain("| trust | 19.5 / 20 |  | branches _not assessed_, code 98 |");
  });

  it("lists every error first in one table, then one <details> per category for the rest", () => {
    const md = renderMarkdown(sampleReport());
    const errors = md.indexOf("**Errors (4)**");
    const details = md.indexOf("<details><summary><b>instructions</b>: 33 · 1 warning</summary>");
    expect(errors).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(errors);
    expect(md.indexOf("| `README.md:14` ")).toBe(-1); // linked, not plain, on GitHub
    expect(md).toContain("<details><summary><b>code</b>: 98 · 1 warning, 1 info</summary>");
    expect(md.match(/<\/details>/g)).toHaveLength(3);
  });

  it("links a location to its line at the audited commit when the repo is on GitHub, and not otherwise", () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain(
      "[`src/config.py:8`](https://github.com/acme/melanoma-solution/blob/3f5c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b/src/config.py#L8)",
    );
    expect(md).toContain(
      "[`notebooks/eda.ipynb cell 3 line 4`](https://github.com/acme/melanoma-solution/blob/3f5c2a9e8b7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b/notebooks/eda.ipynb)",
    );
    const local = sampleReport();
    delete local.repo.webUrl;
    expect(renderMarkdown(local)).toContain("| `src/config.py:8` |");
  });

  it("puts a finding's fix under its message", () => {
    expect(renderMarkdown(sampleReport())).toContain(
      "README gives no command to predict<br>**Fix:** Add the commands to the README |",
    );
  });

  it("says in a finding's message cell why the rerun plan set it aside, the repo's names kept inert", () => {
    const report = sampleReport();
    const first = report.findings.find((f) => f.severity === "warning")!;
    report.findings = [
      {
        ...first,
        severity: "info",
        plan: "off",
        planReason: "not on the rerun path: no step runs or imports a|b.py",
        evidence: "conclusive",
      },
    ];
    expect(renderMarkdown(report)).toContain(" _(not on the rerun path: no step runs or imports a\\|b.py)_");
    report.findings = [{ ...first, plan: "on", evidence: "unconfirmed" }];
    expect(renderMarkdown(report)).toContain(" _(unconfirmed)_");
  });

  it("names the rerun plan the findings were graded by, the repo's words kept inert", () => {
    const report = sampleReport();
    report.plan = { collected: true, found: false, basis: "none", reached: 0, steps: [], what: "no *step* found" };
    expect(renderMarkdown(report)).toContain(
      "**Rerun plan** none found (no \\*step\\* found): findings in code are a warning at most and never block",
    );
  });

  it("keeps text from the repo from adding markup, HTML, links or mentions", () => {
    expect(mdText("a | b <script>x</script> [click](http://evil) @alice **bold**")).toBe(
      "a \\| b &lt;script&gt;x&lt;/script&gt; \\[click\\](http://evil) @\u200balice \\*\\*bold\\*\\*",
    );
    expect(mdText("line one\nline two")).toBe("line one line two");
    expect(mdCode("a`b|c")).toBe("`` a`b\\|c ``");
  });

  it("cuts at maxFindings keeping errors before warnings before info, and says how many were left out", () => {
    const three = renderMarkdown(sampleReport(), { maxFindings: 3 });
    expect(three.match(/^\| [^|]+ \| (instructions|requirements|paths|code) \|/gm)).toHaveLength(3);
    expect(three).not.toMatch(/^\| warning \|/m);
    expect(three).toContain(
      "_5 finding(s) not listed (1 error, 3 warnings, 1 info) to keep this report short: see the JSON or SARIF report._",
    );
    const five = renderMarkdown(sampleReport(), { maxFindings: 5 });
    expect(five.match(/^\| warning \|/gm)).toHaveLength(1);
    expect(five).not.toMatch(/^\| info \|/m);
    expect(five).toContain("_1 more in this category: see the JSON or SARIF report._");
  });

  it("links a rule to its help page only when the link is https", () => {
    const rules = RULES.map((r) => (r.id === "requirements-pinned" ? { ...r, helpUri: "javascript:alert(1)" } : r));
    const md = renderMarkdown(sampleReport(), { rules });
    expect(md).toContain("[`paths-portable`](https://repro-audit.dev/rules/paths-portable)");
    expect(md).toContain("| `requirements-pinned` |");
    expect(md).not.toContain("javascript:");
  });

  it("nests under the caller's heading level", () => {
    expect(renderMarkdown(sampleReport(), { headingLevel: 3 }).startsWith("### repro-audit: 73/100\n")).toBe(true);
  });
});
