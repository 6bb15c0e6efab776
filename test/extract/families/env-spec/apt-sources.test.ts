// A real git repo whose Dockerfile adds NVIDIA's rotated key and its Ubuntu repository to a Debian base: the static
// audit names both at their lines; the current key on an Ubuntu base is quiet.
import { afterAll, describe, expect, it } from "vitest";
import { audit } from "../../../../src/pipeline.js";
import { removeSolutions, solutionRepo } from "./git-solution.js";

afterAll(removeSolutions);

const CUDA = "https://developer.download.nvidia.com/compute/cuda/repos";
const aptFindings = async (root: string) =>
  (await audit({ source: root, stages: ["static"] })).report.findings
    .filter((f) => f.rule.startsWith("environment-apt-"))
    .map((f) => [f.rule, f.file, f.line, f.severity]);

describe("a Dockerfile's apt sources", () => {
  it("names the rotated key and the Ubuntu repository on a Debian base", async () => {
    const root = solutionRepo({
      Dockerfile: [
        "FROM debian:buster-slim",
        "RUN apt-get update && apt-get install -y curl gnupg",
        `RUN curl -fsSL ${CUDA}/ubuntu2004/x86_64/7fa2af80.pub | apt-key add - && \\`,
        `    echo "deb ${CUDA}/ubuntu2004/x86_64 /" > /etc/apt/sources.list.d/cuda.list && \\`,
        "    apt-get update && apt-get install -y cuda-toolkit-11-1",
      ].join("\n"),
      "train.py": "print('train')\n",
    });
    expect(await aptFindings(root)).toEqual([
      ["environment-apt-keys-current", "Dockerfile", 3, "error"],
      ["environment-apt-repos-match-base", "Dockerfile", 3, "warning"],
    ]);
  });

  it("says nothing of the current key on the Ubuntu release its repository is for", async () => {
    const root = solutionRepo({
      Dockerfile: [
        "FROM ubuntu:20.04",
        `RUN apt-key adv --fetch-keys ${CUDA}/ubuntu2004/x86_64/3bf863cc.pub && apt-get update`,
      ].join("\n"),
      "train.py": "print('train')\n",
    });
    expect(await aptFindings(root)).toEqual([]);
  });
});
