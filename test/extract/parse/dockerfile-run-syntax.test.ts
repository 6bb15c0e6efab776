// The RUN parse check against the real shell's parser (`sh -n`: parse only, nothing runs) on the same commands.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runSyntaxProblems, shellSyntaxProblem } from "../../../src/extract/parse/dockerfile-run-syntax.js";

const parsesInSh = (command: string) => spawnSync("sh", ["-n"], { input: command }).status === 0;

describe("Dockerfile RUN syntax", () => {
  it("agrees with sh -n on what parses", () => {
    const commands = [
      "apt-get update &&",
      "apt-get update ||",
      "pip freeze |",
      "echo 'open",
      'echo "open',
      'echo "it\'s" && ls',
      "echo it\\'s",
      "echo 'a && b' \"c |\"",
      "make all # ends the build &&",
      "a && b; c &",
      "echo x#y &&",
      "echo \"$(printf '%s' a)\" | wc -c",
    ];
    for (const command of commands)
      expect(
        shellSyntaxProblem(command) === null,
        `${command}: sh -n ${parsesInSh(command) ? "parses" : "fails"}`,
      ).toBe(parsesInSh(command));
  });

  it("reads continuations as the builder does: comment and empty lines inside one are dropped", () => {
    const dockerfile = [
      "FROM python:3.8-slim",
      "RUN apt-get update && \\",
      "    # the tools",
      "",
      "    apt-get install -y git",
      "RUN pip install x==1 &&",
      "    pip install y==2",
      'SHELL ["powershell", "-Command"]',
      "RUN Write-Host 'a &&",
    ].join("\n");
    expect(runSyntaxProblems(dockerfile)).toEqual([
      { line: 6, problem: 'the command ends with "&&" and nothing follows it' },
    ]);
    expect(runSyntaxProblems("# escape=`\nFROM x\nRUN a &&\n")).toEqual([]);
  });
});
