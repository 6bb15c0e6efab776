// What a repo's own Dockerfile may ask of the engine, read from its text: remote ADDs, images, overrides.
import { describe, expect, it } from "vitest";
import {
  dockerfileInstructions,
  expandArgs,
  onBuildProblems,
  overrideBaseImages,
  readDockerfile,
} from "../../src/provision/dockerfile-policy.js";
import { normaliseImage, registryHost } from "../../src/provision/image-policy.js";

describe("dockerfileInstructions", () => {
  it("joins continuations, drops comments, honours the escape directive", () => {
    const got = dockerfileInstructions("# escape=`\nFROM a\nRUN echo `\n  # a comment\n  two\n");
    expect(got.map((i) => [i.keyword, i.args.replace(/\s+/g, " "), i.line])).toEqual([
      ["FROM", "a", 2],
      ["RUN", "echo two", 3],
    ]);
  });
});

describe("readDockerfile", () => {
  it("refuses ADD from a URL in every spelling, and from a variable", () => {
    const text = [
      "FROM python:3.11",
      "ADD http://127.0.0.1:8000/x /x",
      "add --chown=1:1 https://example.com/a.tgz /a",
      'ADD ["http://10.0.0.1/y", "/y"]',
      "ADD git@github.com:o/r.git /r",
      "ADD \\",
      "  http://169.254.169.254/latest /m",
      "ARG U",
      "ADD $U /u",
      "ONBUILD ADD http://127.0.0.1/z /z",
      "ADD local.txt /local.txt",
    ].join("\n");
    const refusals = readDockerfile(text).refusals;
    expect(refusals).toHaveLength(7);
    expect(refusals[0]).toBe(
      "line 2: ADD http://127.0.0.1:8000/x would be fetched by the engine from the host's network, which the audit does not allow (download it in a RUN step instead)",
    );
    expect(refusals[5]).toContain("takes its source from a variable");
    expect(refusals[6]).toContain("(ONBUILD)");
  });

  it("refuses an ADD source that is not a plain path, under either continuation character", () => {
    const reading = readDockerfile(
      [
        "FROM a",
        "ADD 'x y.txt' /a",
        "ADD h\\ttp://h/x /b",
        "ADD data/*.csv ./ /c",
        'ADD ["\\"https://h/j\\"", "/j"]',
        "ADD h`",
        "ttp://h/k /k",
      ].join("\n"),
    );
    expect(reading.refusals).toEqual([
      `line 2: ADD source "'x" is not a plain path in the repository (no quotes, escapes or schemes; use COPY with a plain path)`,
      `line 2: ADD source "y.txt'" is not a plain path in the repository (no quotes, escapes or schemes; use COPY with a plain path)`,
      "line 3: ADD http://h/x would be fetched by the engine from the host's network, which the audit does not allow (download it in a RUN step instead)",
      "line 5: ADD https://h/j would be fetched by the engine from the host's network, which the audit does not allow (download it in a RUN step instead)",
      'line 3: ADD source "h\\\\ttp://h/x" is not a plain path in the repository (no quotes, escapes or schemes; use COPY with a plain path)',
      "line 6: ADD http://h/k would be fetched by the engine from the host's network, which the audit does not allow (download it in a RUN step instead)",
    ]);
  });

  it("lists the images FROM and COPY --from name, stage names and scratch left out, ARG defaults expanded", () => {
    const reading = readDockerfile(
      "ARG BASE=python:3.11-slim\nFROM ${BASE} AS build\nFROM build\nFROM scratch\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=mycorp/secret:1 /s /s\n",
    );
    expect(reading.images).toEqual([
      { image: "python:3.11-slim", line: 2 },
      { image: "mycorp/secret:1", line: 7 },
    ]);
    expect(reading.refusals).toEqual([]);
  });

  it("refuses a FROM whose variable cannot be resolved", () => {
    expect(readDockerfile("FROM $NOPE\n").refusals).toEqual([
      "line 1: FROM $NOPE names its image through a variable the audit cannot resolve",
    ]);
  });

  it("expands ${A:-x} and ${A:+x} as the engine does", () => {
    const vars = new Map([
      ["A", "1"],
      ["E", ""],
    ]);
    expect(expandArgs("${A}-${E:-d}-${A:+y}-${E:+z}", vars)).toBe("1-d-y-");
    expect(expandArgs("$MISSING", vars)).toBeNull();
  });

  it("reads a base image's ONBUILD triggers the same way", () => {
    expect(onBuildProblems("evil/base", ["ADD http://127.0.0.1/x /x", "RUN true"])).toEqual([
      "base image of evil/base's ONBUILD: ADD http://127.0.0.1/x would be fetched by the engine from the host's network, which the audit does not allow (download it in a RUN step instead)",
    ]);
  });
});

describe("overrideBaseImages", () => {
  it("replaces every FROM that names an image, keeps stage references and aliases", () => {
    const out = overrideBaseImages(
      "FROM --platform=linux/amd64 nvidia/cuda:12 AS build\nRUN make\nFROM build AS final\nFROM python:3.11\n",
      "my/base:1",
    );
    expect(out.split("\n")).toEqual([
      "# repro-audit: FROM nvidia/cuda:12 replaced by --base-image-override",
      "FROM my/base:1 AS build",
      "RUN make",
      "FROM build AS final",
      "# repro-audit: FROM python:3.11 replaced by --base-image-override",
      "FROM my/base:1",
      "",
    ]);
  });
});

describe("image names", () => {
  it("one spelling per image, and the registry host when there is one", () => {
    expect(normaliseImage("python")).toBe("python:latest");
    expect(normaliseImage("docker.io/library/python:3")).toBe("python:3");
    expect(normaliseImage("localhost:5000/x")).toBe("localhost:5000/x:latest");
    expect(registryHost("localhost:5000/x")).toBe("localhost:5000");
    expect(registryHost("ghcr.io/o/x:1")).toBe("ghcr.io");
    expect(registryHost("mycorp/secret:1")).toBeNull();
    expect(registryHost("python:3.11")).toBeNull();
  });
});
