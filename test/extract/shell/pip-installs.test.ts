// What one shell line installs from the repo: folders and requirements files, from the folder the line runs in.
import { describe, expect, it } from "vitest";
import { repoInstallsOf } from "../../../src/extract/shell/pip-installs.js";

describe("repoInstallsOf", () => {
  it("reads folders and requirements files after the line's cd, and drops what leaves the repo", () => {
    expect(repoInstallsOf("cd lib && pip install -e . -r reqs.txt && python setup.py develop", "")).toEqual({
      folders: ["lib", "lib"],
      requirements: [{ path: "lib/reqs.txt", cwd: "lib" }],
    });
    expect(repoInstallsOf("pip install -e $HOME/x -e ../../out -e git+https://h/a.git#egg=a ./pkg/", "src")).toEqual({
      folders: ["src/pkg"],
      requirements: [],
    });
  });
});
