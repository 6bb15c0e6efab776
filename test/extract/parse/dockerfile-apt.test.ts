// The apt sources a Dockerfile adds: the rotated CUDA key and Ubuntu repositories on a Debian base, read word by word.
import { describe, expect, it } from "vitest";
import { aptSourceProblems } from "../../../src/extract/parse/dockerfile-apt.js";

describe("aptSourceProblems", () => {
  it("quotes the key and the repository as the line writes them", () => {
    const text = [
      "FROM python:3.8-slim",
      "RUN apt-key adv --keyserver keyserver.ubuntu.com --recv-keys F60F4B3D7FA2AF80 && \\",
      '    echo "deb http://ppa.launchpad.net/deadsnakes/ppa/ubuntu focal main" >> /etc/apt/sources.list && apt-get update',
    ].join("\n");
    expect(aptSourceProblems(text)).toEqual([
      { kind: "apt-key-revoked", line: 2, image: "python:3.8-slim", written: "F60F4B3D7FA2AF80" },
      {
        kind: "apt-repo-foreign",
        line: 3,
        image: "python:3.8-slim",
        written: "http://ppa.launchpad.net/deadsnakes/ppa/ubuntu",
      },
    ]);
  });

  it("reads a 400 KB RUN of URL-like text in linear time", () => {
    const started = Date.now();
    const text = `FROM debian:12\nRUN echo ${"http://x".repeat(50_000)} ${"7fa2af8".repeat(20_000)}\n`;
    expect(aptSourceProblems(text)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
