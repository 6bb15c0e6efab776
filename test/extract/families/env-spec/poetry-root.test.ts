// A Poetry project in package mode whose own package Poetry cannot find: `poetry install` fails on the project.
import { describe, expect, it } from "vitest";
import { missingPoetryRoot, poetryModuleName } from "../../../../src/extract/families/env-spec/poetry-root.js";

describe("missingPoetryRoot", () => {
  const none = () => false;
  it("names the module Poetry looks for, at the line of the name", () => {
    expect(poetryModuleName("My.Sol-2030")).toBe("my_sol_2030");
    expect(missingPoetryRoot('[tool.poetry]\nname = "sol-x"\nversion = "0.1.0"\n', none)).toEqual({
      name: "sol-x",
      module: "sol_x",
      line: 2,
    });
    // Poetry 2: the name under [project], Poetry as the build backend.
    const pep621 = '[project]\nname = "sol-y"\n\n[build-system]\nbuild-backend = "poetry.core.masonry.api"\n';
    expect(missingPoetryRoot(pep621, none)?.module).toBe("sol_y");
  });

  it("finds nothing wrong where the module is there, packages are listed, or the spec is no Poetry package", () => {
    const spec = '[tool.poetry]\nname = "sol-x"\n';
    expect(missingPoetryRoot(spec, (p) => p === "src/sol_x")).toBeNull();
    expect(missingPoetryRoot(spec, (p) => p === "sol_x.py")).toBeNull();
    expect(missingPoetryRoot(`${spec}packages = [{ include = "kit" }]\n`, none)).toBeNull();
    expect(missingPoetryRoot(`${spec}package-mode = false\n`, none)).toBeNull();
    expect(missingPoetryRoot('[project]\nname = "sol-z"\n', none)).toBeNull();
    expect(missingPoetryRoot("[tool.poetry\n", none)).toBeNull();
  });
});
