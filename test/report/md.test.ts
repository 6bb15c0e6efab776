// Markdown decisions: not-assessed categories, text from the repo kept inert, long finding lists cut.
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../src/report/md.js";
import { mdCode, mdText } from "../../src/report/md-sections.js";
import { RULES, sampleReport } from "./fixtures.js";

describe("renderMarkdown", () => {
  it("marks a category not assessed with its reason and no counts", () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain("| branches | _not assessed_ (the clone was shallow: remote branches were not listed) | – | – | – |");
    expect(md).toContain("| paths | 20 | 2 | 0 | 0 |");
  });

  it("keeps text from the repo from adding markup, HTML, links or mentions", () => {
    expect(mdText("a | b <script>x</script> [click](http://evil) @alice **bold**")).toBe(
      "a \\| b &lt;script&gt;x&lt;/script&gt; \\[click\\](http://evil) @\u200balice \\*\\*bold\\*\\*",
    );
    expect(mdText("line one\nline two")).toBe("line one line two");
    expect(mdCode("a`b|c")).toBe("`` a`b\\|c ``");
  });

  it("cuts the findings table at maxFindings and says how many were left out", () => {
    const md = renderMarkdown(sampleReport(), { maxFindings: 3 });
    expect(md.match(/^\| (\*\*error\*\*|warning|info) \|/gm)).toHaveLength(3);
    expect(md).toContain("_… and 5 more findings: see the JSON or SARIF report._");
  });

  it("links a rule to its help page only when the link is https", () => {
    const rules = RULES.map((r) => (r.id === "requirements-pinned" ? { ...r, helpUri: "javascript:alert(1)" } : r));
    const md = renderMarkdown(sampleReport(), { rules });
    expect(md).toContain("[`paths-portable`](https://repro-audit.dev/rules/paths-portable)");
    expect(md).toContain("| `requirements-pinned` |");
    expect(md).not.toContain("javascript:");
  });

  it("nests under the caller's heading level", () => {
    expect(renderMarkdown(sampleReport(), { headingLevel: 3 }).startsWith("### repro-audit: 61/100\n")).toBe(true);
  });
});
