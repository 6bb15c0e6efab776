// Workflow-command escaping and the annotation plan: caps, order, locations (pure).
import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/index.js";
import { escapeData, escapeProperty, logLine, planAnnotations, workflowCommand } from "../../src/action/commands.js";
import { commandsIn } from "../support/workflow-commands.js";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "paths-portable",
  category: "paths",
  severity: "error",
  file: "train.py",
  line: 3,
  message: "m",
  values: {},
  locations: [{ file: over.file === undefined ? "train.py" : (over.file ?? "x"), line: 3 }],
  ...over,
});

describe("escaping", () => {
  it("escapes a message's %, CR and LF, and a property's : and , besides", () => {
    expect(escapeData("50% off\r\nnext:line, yes")).toBe("50%25 off%0D%0Anext:line, yes");
    expect(escapeProperty("a:b,c%d\ne")).toBe("a%3Ab%2Cc%25d%0Ae");
  });

  it("shows other control characters instead of passing them to the log", () => {
    expect(escapeData("bell\u0007 esc\u001b[31m")).toBe("bell\\x07 esc\\x1b[31m");
  });

  it("makes a command the runner reads back to the same text, and nothing else", () => {
    const line = workflowCommand("warning", { file: "a,b.py", line: 4, title: "t: x" }, "one\n::error::two");
    expect(line.split("\n")).toHaveLength(1);
    expect(commandsIn(line)).toEqual([
      {
        level: "warning",
        properties: { file: "a,b.py", line: "4", title: "t: x" },
        message: "one\n::error::two",
        raw: line,
      },
    ]);
    expect(workflowCommand("error", { file: undefined, title: "" }, "m")).toBe("::error::m");
  });

  it("log lines never start a command", () => {
    expect(logLine("x\n::error::y")).toBe("repro-audit: x%0A::error::y");
    expect(commandsIn(logLine("x\n::error::y"))).toEqual([]);
  });
});

describe("planAnnotations", () => {
  const titles = new Map([["paths-portable", "Disallow absolute paths"]]);

  it("puts errors before warnings, caps each kind, counts what is left, skips info", () => {
    const findings = [
      ...Array.from({ length: 4 }, (_, i) =>
        finding({ severity: "warning", rule: "w", category: "code", line: i + 1 }),
      ),
      finding({ severity: "info", rule: "i" }),
      ...Array.from({ length: 3 }, (_, i) => finding({ line: 10 + i })),
    ];
    const plan = planAnnotations(findings, { prefix: "", titles, cap: 2 });
    expect(plan.lines.map((l) => l.slice(0, l.indexOf(" ")))).toEqual(["::error", "::error", "::warning", "::warning"]);
    expect(plan.shown).toEqual({ error: 2, warning: 2 });
    expect(plan.left).toEqual({ error: 1, warning: 2 });
    expect(plan.lines[0]).toBe("::error file=train.py,line=10,title=paths-portable%3A Disallow absolute paths::m");
  });

  it("orders one severity by category, then file and line", () => {
    const findings = [
      finding({ category: "code", rule: "c", file: "a.py", line: 1 }),
      finding({ file: "b.py", line: 9 }),
      finding({ file: "b.py", line: 2 }),
    ];
    const plan = planAnnotations(findings, { prefix: "", titles });
    expect(commandsIn(plan.lines.join("\n")).map((c) => `${c.properties.file}:${c.properties.line}`)).toEqual([
      "b.py:2",
      "b.py:9",
      "a.py:1",
    ]);
  });

  it("prefixes the audited folder, names a notebook's cell without a line, gives a repository finding no file", () => {
    const plan = planAnnotations(
      [
        finding({
          file: "nb/x.ipynb",
          line: 40,
          cell: 2,
          cellLine: 5,
          locations: [{ file: "nb/x.ipynb" }, { file: "nb/x.ipynb" }],
        }),
        finding({ file: null, line: null, rule: "requirements-spec-present", category: "requirements", locations: [] }),
      ],
      { prefix: "entries/team a", titles },
    );
    expect(plan.lines).toEqual([
      "::error title=requirements-spec-present::m",
      "::error file=entries/team a/nb/x.ipynb,title=paths-portable%3A Disallow absolute paths::m (cell 3, line 5) (and 1 more place)",
    ]);
  });
});
