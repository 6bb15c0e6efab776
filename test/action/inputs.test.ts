// Reading the inputs from INPUT_* variables (pure).
import { describe, expect, it } from "vitest";
import { AuditError } from "../../src/index.js";
import { inActionWords, inputVariable, readInputs, type InputName } from "../../src/action/inputs.js";
import { specOf, type TunableName } from "../../src/config/tunables.js";

const env = (inputs: Record<string, string>) =>
  Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));

describe("readInputs", () => {
  it("uses GitHub's variable names: upper case, dashes kept, spaces as underscores", () => {
    expect(inputVariable("sarif-file")).toBe("INPUT_SARIF-FILE");
    expect(inputVariable("a b")).toBe("INPUT_A_B");
  });

  it("defaults to a static audit of the workspace with a JSON report", () => {
    expect(readInputs({}, "/ws")).toEqual({
      path: "/ws",
      stages: ["static"],
      runtime: "container",
      format: "json",
      exclude: [],
    });
  });

  it("trims values, resolves paths against the workspace, upper-cases the region", () => {
    const inputs = readInputs(
      env({
        path: " sub ",
        stages: "static, build,static",
        "fail-under": "65.5",
        config: "ci/audit.yml",
        region: "fr",
        format: "md",
        "sarif-file": "/abs/out.sarif",
        baseline: "base.json",
      }),
      "/ws",
    );
    expect(inputs).toEqual({
      path: "/ws/sub",
      stages: ["static", "build"],
      runtime: "container",
      failUnder: 65.5,
      config: "/ws/ci/audit.yml",
      region: "FR",
      format: "md",
      sarifFile: "/abs/out.sarif",
      baseline: "/ws/base.json",
      exclude: [],
    });
  });

  it("takes the resolve stage: does it install, without an engine", () => {
    expect(readInputs(env({ stages: "static,resolve" }), "/ws").stages).toEqual(["static", "resolve"]);
  });

  it("refuses bad values with a bad-input error naming the input", () => {
    for (const [name, value] of [
      ["stages", ","],
      ["fail-under", "101"],
      ["fail-under", "-1"],
      ["runtime", "docker"],
      ["region", "FRA"],
      ["format", "html"],
      ["max-warnings", "1.5"],
      ["max-warnings", "-1"],
      ["max-warnings", "many"],
    ] as const) {
      const thrown = (() => {
        try {
          readInputs(env({ [name]: value }), "/ws");
        } catch (error) {
          return error;
        }
        return null;
      })();
      expect(thrown, `${name}=${value}`).toBeInstanceOf(AuditError);
      expect((thrown as AuditError).code).toBe("BAD_INPUT");
      expect((thrown as AuditError).message.startsWith(`input '${name}' `)).toBe(true);
    }
  });
});

describe("max-warnings and exclude", () => {
  it("reads a whole number of warnings, and one exclude glob per line (commas kept inside a glob)", () => {
    const inputs = readInputs(
      env({ "max-warnings": "0", exclude: " vendor/**\n\n*.{pyc,pyo}\r\nnotebooks/old.ipynb\n" }),
      "/ws",
    );
    expect(inputs.maxWarnings).toBe(0);
    expect(inputs.exclude).toEqual(["vendor/**", "*.{pyc,pyo}", "notebooks/old.ipynb"]);
  });
});

describe("inActionWords", () => {
  it("names the input to set where a CLI hint names its flag, and leaves flags without an input alone", () => {
    expect(inActionWords("To run build or epoch: install docker.io and start dockerd, or pass --stages static")).toBe(
      "To run build or epoch: install docker.io and start dockerd, or set the input stages: static",
    );
    expect(inActionWords("Pass e.g. --fail-under 70")).toBe("Pass e.g. set the input fail-under: 70");
    expect(inActionWords("rerun with --debug")).toBe("rerun with --debug");
  });
});

describe("inputs parsed by the library's tunables", () => {
  // The Action and the CLI take the same settings: what one accepts the other accepts, with the same value.
  const cases: Array<[InputName, TunableName, string[]]> = [
    ["fail-under", "failUnder", ["70", "65.5", "0", "100", "1e1", "0x10", "101", "-1", "seventy"]],
    ["max-warnings", "maxWarnings", ["0", "12", "10.0", "1e1", "+3", "0x10", "-1", "1.5", "many"]],
    ["fail-on", "failOn", ["error", "warning", "never", "Error", "all"]],
    ["stages", "stages", ["static", "static, build,static", "static,train", ","]],
    ["region", "region", ["fr", "FR", "FRA", "F1"]],
  ];
  const field = {
    "fail-under": "failUnder",
    "max-warnings": "maxWarnings",
    "fail-on": "failOn",
    stages: "stages",
    region: "region",
  } as const;
  const outcome = (read: () => unknown) => {
    try {
      return { value: read() };
    } catch (error) {
      return { refused: (error as AuditError).code };
    }
  };

  it("accepts and refuses what the CLI's flags accept and refuse, with the same values", () => {
    for (const [input, tunable, texts] of cases) {
      for (const text of texts) {
        const fromAction = outcome(
          () =>
            (readInputs(env({ [input]: text }), "/ws") as unknown as Record<string, unknown>)[
              field[input as keyof typeof field]
            ],
        );
        const fromCli = outcome(() => specOf(tunable).parse(text, `--${input}`));
        expect(fromAction, `${input}=${text}`).toEqual(fromCli);
      }
    }
  });
});
