// Reading the inputs from INPUT_* variables (pure).
import { describe, expect, it } from "vitest";
import { AuditError } from "../../src/index.js";
import { inputVariable, readInputs } from "../../src/action/inputs.js";

const env = (inputs: Record<string, string>) => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));

describe("readInputs", () => {
  it("uses GitHub's variable names: upper case, dashes kept, spaces as underscores", () => {
    expect(inputVariable("sarif-file")).toBe("INPUT_SARIF-FILE");
    expect(inputVariable("a b")).toBe("INPUT_A_B");
  });

  it("defaults to a static audit of the workspace with a JSON report", () => {
    expect(readInputs({}, "/ws")).toEqual({ path: "/ws", stages: ["static"], runtime: "container", format: "json" });
  });

  it("trims values, resolves paths against the workspace, upper-cases the region", () => {
    const inputs = readInputs(
      env({ path: " sub ", stages: "static, build,static", "fail-under": "65.5", config: "ci/audit.yml", region: "fr", format: "md", "sarif-file": "/abs/out.sarif", baseline: "base.json" }),
      "/ws",
    );
    expect(inputs).toEqual({ path: "/ws/sub", stages: ["static", "build"], runtime: "container", failUnder: 65.5, config: "/ws/ci/audit.yml", region: "FR", format: "md", sarifFile: "/abs/out.sarif", baseline: "/ws/base.json" });
  });

  it("refuses bad values with a bad-input error naming the input", () => {
    for (const [name, value] of [["stages", ","], ["fail-under", "101"], ["fail-under", "-1"], ["runtime", "docker"], ["region", "FRA"], ["format", "html"]] as const) {
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
