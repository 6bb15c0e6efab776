// A helper's written path spelled in its parameters, and a call's arguments filling it in.
import { describe, expect, it } from "vitest";
import { fillTemplate, saverTemplate } from "../../../src/extract/python/saver-template.js";
import type { PyArg } from "../../../src/extract/python/call-args.js";

const expr = (value: string): PyArg => ({ name: null, kind: "other", value, path: "*" });

describe("saverTemplate", () => {
  it("reads `+` joins, os.path.join and f-strings over the parameters", () => {
    const params = ["config", "folder", "name"];
    expect(saverTemplate(expr("folder + 'config.json'"), params)).toBe("{folder}config.json");
    expect(saverTemplate(expr("folder + name"), params)).toBe("{folder}{name}");
    expect(saverTemplate(expr("os.path.join(folder, 'best.pt')"), params)).toBe("{folder}/best.pt");
    expect(saverTemplate(expr("folder + f'{name}_{epoch}.pt'"), params)).toBe("{folder}{name}_*.pt");
    expect(saverTemplate(expr("folder + str(k) + '.pt'"), params)).toBe("{folder}*.pt");
  });

  it("is null where no parameter spells the path, or the expression is no join", () => {
    expect(saverTemplate(expr("self.out + 'x.pt'"), ["folder"])).toBeNull();
    expect(saverTemplate(expr("folder"), ["folder"])).toBeNull();
    expect(saverTemplate(expr("make(folder, 'x'"), ["folder"])).toBeNull();
    expect(saverTemplate({ name: null, kind: "string", value: "x.pt", path: "x.pt" }, ["folder"])).toBeNull();
  });
});

describe("fillTemplate", () => {
  it("puts each argument's path in place, unknown ones as one `*`", () => {
    const bound = (p: string) => ({ folder: "logs/0/", name: "model_*.pt" })[p] ?? null;
    expect(fillTemplate("{folder}config.json", bound)).toBe("logs/0/config.json");
    expect(fillTemplate("{other}{name}", bound)).toBe("*model_*.pt");
    expect(fillTemplate("{x}*{y}.pt", () => null)).toBe("*.pt");
  });
});
