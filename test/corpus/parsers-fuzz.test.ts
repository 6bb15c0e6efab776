// Property-based fuzzing of every parser of untrusted text: nothing throws but the documented error (an
// AuditError of code BAD_INPUT for the user's config, rule files, flags and URLs; nothing at all elsewhere),
// and what comes out keeps its shape. Inputs mix random text with fragments of each format, so the
// generators reach the parsers' branches rather than failing on the first character.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRequirementsText } from "../../src/extract/parse/requirements.js";
import { parseCondaText } from "../../src/extract/parse/conda.js";
import { parsePyprojectText } from "../../src/extract/parse/pyproject.js";
import { parsePipfileLockText, parsePipfileText } from "../../src/extract/parse/pipfile.js";
import { parseDockerfileText } from "../../src/extract/parse/dockerfile.js";
import { flattenNotebook } from "../../src/extract/view/notebook.js";
import { parseConfig as parseRepoFile } from "../../src/extract/parse/config-parse.js";
import { parseSmiCsv } from "../../src/measure/meters/nvidia-smi.js";
import { checkHookLines, parseHookEvents } from "../../src/measure/hook-events.js";
import { hookLines } from "../../src/measure/hook-lines.js";
import { StdoutLog } from "../../src/measure/stdout-boundaries.js";
import { readStdout } from "../../src/measure/stop-rule.js";
import { parseRule } from "../../src/evaluate/load-rules.js";
import { checkConfig, parseConfig } from "../../src/config/config.js";
import { readRepoConfigText } from "../../src/config/repo-config.js";
import { readDockerfile, overrideBaseImages } from "../../src/provision/dockerfile-policy.js";
import { packageLines } from "../../src/provision/build-log.js";
import { classifyInput } from "../../src/clone/input.js";
import { validateRefName } from "../../src/clone/refs.js";
import { parseCli } from "../../src/cli/args.js";
import { AuditError } from "../../src/model/errors.js";

const RUNS = { numRuns: 400 };

/** Text made of random pieces and the given fragments, on random lines. */
function textOf(fragments: string[]): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...fragments) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        " ",
        "\t",
        "\n",
        "\r\n",
        "\\\n",
        "#",
        "=",
        ":",
        "[",
        "]",
        "{",
        "}",
        '"',
        "'",
        "\0",
        "\uFEFF",
        "\uFFFD",
      ),
    },
  );
  return fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(""));
}

/** Only the documented error may come out: a one-line bad-input AuditError. */
function onlyBadInput(fn: () => unknown): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AuditError);
    expect((error as AuditError).code).toBe("BAD_INPUT");
    expect((error as AuditError).message).not.toMatch(/\n/);
  }
}

const REQUIREMENTS = [
  "numpy",
  "torch==2.1.0",
  ">=1.0,<2",
  "; python_version < '3.9'",
  "-r other.txt",
  "-e .",
  "--index-url https://x/simple",
  "--extra-index-url",
  "git+https://github.com/o/r.git@abc#egg=r",
  "[extra]",
  "pkg @ https://x/p.whl",
  "~=",
  "===",
  "*",
  "+cu118",
  "-c constraints.txt",
  "--hash=sha256:00",
];
const CONDA = [
  "name: env",
  "channels:",
  "dependencies:",
  "  - python=3.10",
  "  - pip:",
  "    - torch==2",
  "  - cudatoolkit=11.8",
  "&a",
  "*a",
  "<<: *a",
  "- [",
  "prefix: /x",
  "---",
  "!!python/object:os.system",
];
const TOML = [
  "[project]",
  "dependencies = [",
  '"numpy>=1"',
  "]",
  'requires-python = ">=3.9"',
  "[tool.poetry.dependencies]",
  'python = "^3.10"',
  'torch = { version = "2.1", source = "pytorch" }',
  "[[tool.poetry.source]]",
  "[packages]",
  "[dev-packages]",
  "[requires]",
  'python_version = "3.11"',
  "= ",
  "'''",
  '"""',
];
const JSON_BITS = [
  '{"cells": [',
  '{"cell_type": "code", "source": ',
  '["import os\\n", "x = 1"]',
  '"%matplotlib inline"',
  "null",
  "]}",
  '"metadata": {}',
  ",",
  "{",
  "}",
  "[",
  "]",
  '"_meta": {"hash": {}}',
  '"default": {"six": {"version": "==1.16.0"}}',
  "1e400",
  "-0",
  '"\\ud800"',
  // Objects that cannot become strings: a parser that coerces a value instead of checking its type throws on them.
  '{"toString": []}',
  '"version": {"toString": 1, "valueOf": 1}',
  '"__proto__": {"x": 1}',
];
const DOCKERFILE = [
  "FROM python:3.11",
  "FROM --platform=linux/amd64 $BASE AS b",
  "ARG BASE=x",
  "ADD http://127.0.0.1/x /x",
  'ADD ["a", "b"]',
  "COPY --from=b /a /a",
  "RUN pip install torch==2",
  "ONBUILD ADD $U /u",
  "# escape=`",
  "`",
  "${A:-b}",
  "${A:+c}",
  "ENV A=1",
];
const SMI = [
  "0, 2024/05/01 12:34:56.789, 71.23, 40, 1024",
  "1, 2024/13/45 99:99:99.9, [N/A], [Not Supported], 3",
  "index, timestamp, power.draw [W]",
  ",,,,",
  "0, 2024/05/01 12:34:56, 1e309, -5, NaN",
];
const HOOK = [
  '{"t": 1700000000.5, "event": "epoch_start", "epoch": 1}',
  '{"t": 1e400, "event": "batch_end", "batch": -1}',
  '{"event": "reset"}',
  '{"t": "x", "event": "stop"}',
  '{"t": 1, "event": "epoch_end", "epoch": 1e308, "batches_per_epoch": null}',
  "not json",
  "[1,2]",
  '{"t": -1e300, "event": "epoch_end"}',
];
const YAML = [
  "rules: [a]",
  "disable:",
  "  - x",
  "train:",
  "  epochs: 3",
  "  timeoutSeconds: .inf",
  "  data: ['/:/host']",
  "build: {baseImage: x}",
  "carbon: {pue: 1e400}",
  "&a [*a]",
  "<<: {}",
  "? [",
  "!!binary",
  "failUnder: -1",
  "stages: [static, nope]",
];
const RULE = [
  "id: x",
  "title: t",
  "category: code",
  "severity: error",
  "weight: 1",
  "reason: r",
  "check:",
  "  family: inventory",
  "  where: { kind: skipped }",
  "  where: { file: { matches: '(' } }",
  "  absent: true",
  "message: '{file}'",
  "group: [file]",
  "saturation: 0",
];

describe("parsers of the audited repo's files never throw", () => {
  it("requirements*.txt", () =>
    fc.assert(
      fc.property(textOf(REQUIREMENTS), (text) => {
        const parsed = parseRequirementsText("requirements.txt", text);
        expect(Array.isArray(parsed.records)).toBe(true);
      }),
      RUNS,
    ));

  it("environment.yml", () =>
    fc.assert(
      fc.property(textOf(CONDA), (text) => {
        expect(Array.isArray(parseCondaText("environment.yml", text))).toBe(true);
      }),
      RUNS,
    ));

  it("pyproject.toml", () =>
    fc.assert(
      fc.property(textOf(TOML), (text) => void parsePyprojectText("pyproject.toml", text)),
      RUNS,
    ));

  it("Pipfile and Pipfile.lock", () =>
    fc.assert(
      fc.property(textOf([...TOML, ...JSON_BITS]), (text) => {
        expect(Array.isArray(parsePipfileText("Pipfile", text))).toBe(true);
        expect(Array.isArray(parsePipfileLockText("Pipfile.lock", text))).toBe(true);
      }),
      RUNS,
    ));

  it("notebooks (random text and random JSON documents)", () => {
    fc.assert(
      fc.property(textOf(JSON_BITS), (text) => void flattenNotebook(text)),
      RUNS,
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void flattenNotebook(JSON.stringify({ cells: value }))),
      RUNS,
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cell_type: fc.constantFrom("code", "markdown", 3, null),
            source: fc.oneof(fc.string(), fc.array(fc.jsonValue())),
          }),
        ),
        (cells) => {
          const result = flattenNotebook(JSON.stringify({ cells }));
          if (result.ok)
            expect(result.notebook.lineMap.length).toBe(
              result.notebook.text.split("\n").length === 1 && result.notebook.text === ""
                ? result.notebook.lineMap.length
                : result.notebook.text.split("\n").length,
            );
        },
      ),
      RUNS,
    );
  });

  it("config files of every format the repo may hold (YAML alias bombs included)", () =>
    fc.assert(
      fc.property(
        textOf([...YAML, ...CONDA, ...TOML, ...JSON_BITS]),
        fc.constantFrom("yaml", "json", "toml", "ini") as fc.Arbitrary<"yaml" | "json" | "toml" | "ini">,
        (text, format) => {
          const parsed = parseRepoFile(text, format);
          if (!parsed.ok) expect(typeof parsed.message).toBe("string");
        },
      ),
      RUNS,
    ));

  it("Dockerfiles (the env-spec reader and the build policy)", () =>
    fc.assert(
      fc.property(textOf(DOCKERFILE), (text) => {
        void parseDockerfileText("Dockerfile", text);
        const reading = readDockerfile(text);
        expect(reading.refusals.every((r) => typeof r === "string")).toBe(true);
        void overrideBaseImages(text, "base:1");
      }),
      RUNS,
    ));

  it("the repo's own .repro-audit.yml: never an error, problems become records", () =>
    fc.assert(
      fc.property(textOf(YAML), (text) => {
        const read = readRepoConfigText("/repo", text);
        expect(read.config === null || typeof read.config === "object").toBe(true);
        for (const record of read.records) expect(["present", "invalid"]).toContain(record.kind);
        expect(read.records[0]?.kind).toBe("present");
      }),
      RUNS,
    ));

  it("build output scrubbed for the report", () =>
    fc.assert(
      fc.property(textOf([...REQUIREMENTS, "Step 1/2 : RUN x", "ERROR: no", "\u001b[91m"]), (text) => {
        for (const line of packageLines(text).split("\n")) expect(line.length).toBeLessThanOrEqual(303);
      }),
      RUNS,
    ));
});

describe("parsers of what a run prints never throw, and keep numbers finite", () => {
  it("nvidia-smi CSV", () =>
    fc.assert(
      fc.property(textOf(SMI), fc.integer({ min: -900, max: 900 }), (text, offset) => {
        for (const row of parseSmiCsv(text, offset)) expect(Number.isFinite(row.unix)).toBe(true);
      }),
      RUNS,
    ));

  it("the hook's events", () =>
    fc.assert(
      fc.property(textOf(HOOK), fc.double({ noNaN: true, min: 0, max: 2e9 }), (text, start) => {
        for (const event of parseHookEvents(text, start)) expect(typeof event.t).toBe("number");
      }),
      RUNS,
    ));

  it("the hook's lines checked against the host's clock", () =>
    fc.assert(
      fc.property(textOf(HOOK), fc.double({ noNaN: true, min: 0, max: 2e9 }), (text, start) => {
        const lines = hookLines(text).map((record, i) => ({ arrived: start + i, conn: i % 2, record }));
        for (const problem of checkHookLines(lines, { launchUnix: start, exitUnix: start + 60, cpus: 2 }).problems)
          expect(typeof problem).toBe("string");
      }),
      RUNS,
    ));

  it("progress lines read from the output", () =>
    fc.assert(
      fc.property(
        textOf([
          "Epoch 1/3",
          "epoch 2 loss 0.3",
          "3/10 [==",
          "50%|█| 5/10",
          "Step [4/9]",
          "\r",
          "\n",
          "done in 1.2s",
          "{'epoch': 1.0}",
        ]),
        (text) => {
          const log = new StdoutLog();
          log.push(text, 1);
          log.flush(2);
          for (const event of readStdout(log.lines, { epochs: 1, batches: 2 }).events)
            expect(Number.isFinite(event.t)).toBe(true);
        },
      ),
      RUNS,
    ));
});

describe("the user's inputs fail only with the documented one-line bad-input error", () => {
  it("the user's --config", () =>
    fc.assert(
      fc.property(textOf(YAML), (text) => onlyBadInput(() => parseConfig("my.yml", text))),
      RUNS,
    ));
  it("the config check itself never throws", () =>
    fc.assert(
      fc.property(textOf(YAML), (text) => void checkConfig("my.yml", text)),
      RUNS,
    ));
  it("rule files", () =>
    fc.assert(
      fc.property(textOf(RULE), (text) => onlyBadInput(() => parseRule("/rules/x.yaml", text))),
      RUNS,
    ));
  it("URLs and paths", () =>
    fc.assert(
      fc.property(
        textOf(["https://", "git@host:", "file://", "ext::", "::", "-", "/", "..", "@", "%00", "github.com/o/r"]),
        (text) => onlyBadInput(() => classifyInput(text)),
      ),
      RUNS,
    ));
  it("refs", () =>
    fc.assert(
      fc.property(textOf(["main", "..", "@{", "-", "~", "^", ".lock", "/", "v1.0"]), (text) =>
        onlyBadInput(() => validateRefName(text)),
      ),
      RUNS,
    ));
  it("command lines", () =>
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.constantFrom(
              "audit",
              "rules",
              "explain",
              "ledger",
              "init",
              "--stages",
              "static,epoch",
              "--epochs",
              "-1",
              "1e999",
              "--pue",
              "0.5",
              "--data",
              "a:b",
              "--format",
              "xml",
              "--out",
              "--ref",
              "--region",
              "ZZZ",
              "--fail-under",
              "101",
              "--intensity",
              "Infinity",
              "--",
              "-h",
              "--allow-image",
              "--base-image-override",
            ),
            fc.string({ maxLength: 8 }),
          ),
          { maxLength: 8 },
        ),
        (argv) => onlyBadInput(() => parseCli(argv)),
      ),
      RUNS,
    ));
});
