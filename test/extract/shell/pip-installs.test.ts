// What one shell line installs from the repo: folders and requirements files, from the folder the line runs in.
import { describe, expect, it } from "vitest";
import { projectInstallFolder, repoInstallsOf } from "../../../src/extract/shell/pip-installs.js";

describe("repoInstallsOf", () => {
  it("reads folders and requirements files after the line's cd, and drops what leaves the repo", () => {
    expect(repoInstallsOf("cd lib && pip install -e . -r reqs.txt && python setup.py develop", "")).toEqual({
      folders: ["lib", "lib"],
      requirements: [{ path: "lib/reqs.txt", cwd: "lib" }],
      projects: [],
    });
    expect(repoInstallsOf("pip install -e $HOME/x -e ../../out -e git+https://h/a.git#egg=a ./pkg/", "src")).toEqual({
      folders: ["src/pkg"],
      requirements: [],
      projects: [],
    });
  });

  it("reads the folder a project manager installs the project from, after the line's cd", () => {
    expect(repoInstallsOf("cd part_b && poetry install", "")).toEqual({
      folders: [],
      requirements: [],
      projects: ["part_b"],
    });
    expect(repoInstallsOf("uv sync --directory ../core", "apps/x").projects).toEqual(["apps/core"]);
  });
});

describe("projectInstallFolder", () => {
  const words = (line: string) => line.split(" ");
  it("takes the commands that install the project itself, and `poetry run`", () => {
    expect(projectInstallFolder(words("poetry install"))).toBe("");
    expect(projectInstallFolder(words("poetry -C sub install --with dev"))).toBe("sub");
    expect(projectInstallFolder(words("poetry run python a/b.py --no-root"))).toBe("");
    expect(projectInstallFolder(words("CUDA_VISIBLE_DEVICES=0 uv run --project=core python x.py"))).toBe("core");
    expect(projectInstallFolder(words("pdm install -G test"))).toBe("");
  });
  it("leaves out the options that skip the project, other subcommands and other tools", () => {
    expect(projectInstallFolder(words("poetry install --no-root"))).toBeNull();
    expect(projectInstallFolder(words("uv sync --no-install-project"))).toBeNull();
    expect(projectInstallFolder(words("uv run --no-project python x.py"))).toBeNull();
    expect(projectInstallFolder(words("pdm install --no-self"))).toBeNull();
    expect(projectInstallFolder(words("poetry add numpy"))).toBeNull();
    expect(projectInstallFolder(words("uv pip install numpy"))).toBeNull();
    expect(projectInstallFolder(words("pip install poetry"))).toBeNull();
  });
});
