// Each Dockerfile pip install: its stage's Python, whether PEP 668 refuses it, and what it installs.
import { describe, expect, it } from "vitest";
import { dockerfilePipInstalls } from "../../../src/extract/parse/dockerfile-python.js";

describe("dockerfilePipInstalls", () => {
  it("finds each pip command's own line in a continued RUN, and what it installs", () => {
    const text = [
      "FROM ubuntu:24.04",
      "RUN apt-get update && apt-get install -y python3 python3-pip \\",
      "    && pip3 install -r requirements.txt \\",
      "    && python3 -m pip install -e . https://h/w/torch-1.9.0-cp39-cp39-linux_x86_64.whl",
    ].join("\n");
    expect(
      dockerfilePipInstalls(text).map((i) => [
        i.line,
        i.refused,
        i.stage.python,
        i.requirementFiles,
        i.projects,
        i.wheels,
      ]),
    ).toEqual([
      [
        3,
        true,
        { version: "3.12", atLeast: false, source: "python3 of ubuntu:24.04 (Ubuntu 24.04 (noble))" },
        ["requirements.txt"],
        [],
        [],
      ],
      [
        4,
        true,
        { version: "3.12", atLeast: false, source: "python3 of ubuntu:24.04 (Ubuntu 24.04 (noble))" },
        [],
        ["."],
        [{ line: 4, wheel: "torch-1.9.0-cp39-cp39-linux_x86_64.whl", python: "3.9", abi3: false }],
      ],
    ]);
  });

  it("takes apt's named python3.X, and a later stage's base from the stage it names", () => {
    const text = [
      "FROM ubuntu:22.04 AS base",
      "RUN apt-get install -y python3.11 python3-pip",
      "FROM base",
      "RUN python3.11 -m pip install x==1",
    ].join("\n");
    expect(dockerfilePipInstalls(text).map((i) => [i.line, i.refused, i.stage.python?.version])).toEqual([
      [4, false, "3.11"],
    ]);
  });

  it("leaves pip to a conda or virtual environment the stage sets up, however it is named", () => {
    for (const setup of [
      "RUN wget -q https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh && bash Miniconda3-latest-Linux-x86_64.sh -b",
      "ENV VIRTUAL_ENV=/opt/env PATH=/opt/env/bin:$PATH",
      "RUN rm /usr/lib/python3.11/EXTERNALLY-MANAGED",
    ])
      expect(dockerfilePipInstalls(`FROM debian:12\n${setup}\nRUN pip install x==1\n`).map((i) => i.refused)).toEqual([
        false,
      ]);
    expect(dockerfilePipInstalls("FROM debian:12\nRUN pip install x==1\n").map((i) => i.refused)).toEqual([true]);
  });

  it("takes the Python a pip command names itself over the base's python3", () => {
    const text =
      "FROM ubuntu:20.04\nRUN apt-get install -y python3-pip python3.9 && python3.9 -m pip install x==1 && pip3 install y==2\n";
    expect(dockerfilePipInstalls(text).map((i) => i.stage.python)).toEqual([
      { version: "3.9", atLeast: false, source: "the python3.9 it runs" },
      { version: "3.8", atLeast: false, source: "python3 of ubuntu:20.04 (Ubuntu 20.04 (focal))" },
    ]);
  });
});
