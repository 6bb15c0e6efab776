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
  it("takes the Python of a conda or virtual environment a later ENV PATH or SHELL puts first, or none it cannot tell", () => {
    const lines = (...more: string[]) =>
      [
        "FROM nvidia/cuda:10.0-cudnn7-devel-ubuntu18.04",
        "RUN wget -q https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh && bash Miniconda3-latest-Linux-x86_64.sh -b -p /opt/conda",
        ...more,
        "RUN pip install jpegio-0.2.1-cp37-cp37m-linux_x86_64.whl",
      ].join("\n");
    const pythonOf = (text: string) => dockerfilePipInstalls(text).map((i) => i.stage.python?.version ?? null);
    // An environment created from a file whose Python this Dockerfile does not state: no telling.
    expect(
      pythonOf(
        lines("RUN /opt/conda/bin/conda env create -f conda_env.yaml", "ENV PATH /opt/conda/envs/alaska2/bin:$PATH"),
      ),
    ).toEqual([null]);
    // One created with its Python stated, then put first on PATH, or entered through SHELL.
    expect(
      pythonOf(lines("RUN conda create -y -n a python=3.7.6 numpy", "ENV PATH=/opt/conda/envs/a/bin:${PATH}")),
    ).toEqual(["3.7"]);
    expect(
      pythonOf(lines("RUN conda create -y -n a python=3.7", 'SHELL ["conda", "run", "-n", "a", "/bin/bash", "-c"]')),
    ).toEqual(["3.7"]);
    // Before the PATH change, pip is still the base's python3.
    expect(
      pythonOf(
        "FROM ubuntu:18.04\nRUN pip3 install a-1-cp37-cp37m-linux_x86_64.whl\nENV PATH=/opt/conda/envs/a/bin:$PATH\n",
      ),
    ).toEqual(["3.6"]);
  });
});
