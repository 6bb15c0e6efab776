// The container folders that hold the clone, read from volumes and Dockerfile copies, and the repo folder an
// absolute path under one of them stands for.
import { describe, expect, it } from "vitest";
import { copiedContext, hostFolder, underMount, volumeMounts } from "../../../src/extract/shell/container-mounts.js";
import { interpretLine, UNPLACED } from "../../../src/extract/shell/readme-commands.js";

const dirs = new Set(["code", "code/x", "code/x/y", "data"]);
const isDir = (p: string) => p === "" || dirs.has(p);

describe("container-mounts", () => {
  it("reads the clone's volume in each spelling, and leaves other folders alone", () => {
    for (const line of [
      "docker run -v $(pwd):/submission img",
      'docker run --volume "$PWD":/submission img',
      "docker run -v .:/submission img",
      "docker run --volume=${PWD}:/submission:ro img",
      "docker run --mount type=bind,source=$(pwd),target=/submission img",
      "docker run -v $pwd/my-solution:/submission img",
    ])
      expect(volumeMounts(line, "", isDir)).toEqual([{ container: "/submission", folder: "" }]);
    expect(volumeMounts("docker run -v $(pwd)/code:/work img", "", isDir)).toEqual([
      { container: "/work", folder: "code" },
    ]);
    // A data folder the reader brings, a host folder outside the clone: no mount of the repo.
    expect(volumeMounts("docker run -v $(pwd)/datasets:/data -v /mnt/x:/x -v ~/y:/y img", "", isDir)).toEqual([]);
    expect(volumeMounts("services:\n  app:\n    volumes:\n      - .:/app\n", "docker", isDir)).toEqual([
      { container: "/app", folder: "docker" },
    ]);
    expect(hostFolder("$(pwd)/../other", "", isDir)).toBeNull();
  });

  it("reads a Dockerfile that copies its context under WORKDIR", () => {
    expect(copiedContext("FROM python:3.10\nWORKDIR /app\nCOPY . .\n", "")).toEqual([
      { container: "/app", folder: "" },
    ]);
    expect(copiedContext("FROM python:3.10\nCOPY ./ /srv/code\n", "env")).toEqual([
      { container: "/srv/code", folder: "env" },
    ]);
    expect(copiedContext("FROM python:3.10\nWORKDIR /app\nCOPY requirements.txt .\n", "")).toEqual([]);
  });

  it("maps an absolute path under the deepest mount, and a `cd` no mount holds to an unknown folder", () => {
    const mounts = [
      { container: "/submission", folder: "" },
      { container: "/submission/code", folder: "code" },
    ];
    expect(underMount(mounts, "/submission/code/x/y/")).toBe("code/x/y");
    expect(underMount(mounts, "/submission")).toBe("");
    expect(underMount(mounts, "/submissions")).toBeNull();
    const env = { isDir, containerFolder: (p: string) => underMount(mounts, p) };
    expect(interpretLine("cd /submission/code/x/y", "", env).cwd).toBe("code/x/y");
    expect(interpretLine("cd /opt/else", "", env).cwd).toBe(UNPLACED);
    expect(interpretLine("cd sub", UNPLACED, env).cwd).toBe(UNPLACED);
    expect(interpretLine("cd /submission/code", UNPLACED, env).cwd).toBe("code");
    // Without mounts read, the old reading: an absolute `cd` goes to the root.
    expect(interpretLine("cd /opt/else", "", { isDir }).cwd).toBe("");
  });
});
