// The distro release a base image's tag gives, from data/distro-python.json.
import { describe, expect, it } from "vitest";
import { baseRelease } from "../../../src/extract/parse/distro-release.js";

describe("baseRelease", () => {
  it("reads versions, codenames, slim and dated tags, CUDA images' ubuntu suffix and floating tags", () => {
    const read = (image: string) => {
      const r = baseRelease(image);
      return r && [r.release, r.python, r.externallyManaged, r.floating];
    };
    expect(read("debian:bookworm-slim")).toEqual(["Debian 12 (bookworm)", "3.11", true, false]);
    expect(read("docker.io/library/debian:12.5-slim")).toEqual(["Debian 12 (bookworm)", "3.11", true, false]);
    expect(read("debian:bullseye-20240110-slim")).toEqual(["Debian 11 (bullseye)", "3.9", false, false]);
    expect(read("ubuntu:jammy-20240111")).toEqual(["Ubuntu 22.04 (jammy)", "3.10", false, false]);
    expect(read("nvidia/cuda:12.6.0-devel-ubuntu24.04")).toEqual(["Ubuntu 24.04 (noble)", "3.12", true, false]);
    expect(read("ubuntu")).toEqual(["Ubuntu 24.04 (noble)", "3.12", true, true]);
    expect(read("debian:stable-slim")).toEqual(["Debian 13 (trixie)", "3.13", true, true]);
    expect(read("ubuntu:latest")).toEqual(["Ubuntu 24.04 (noble)", "3.12", true, true]);
  });

  it("knows nothing of other images, unknown releases or a digest without a tag", () => {
    for (const image of [
      "python:3.11-slim",
      "myorg/debian:12",
      "ubuntu:12.04",
      "debian@sha256:0123abcd",
      "nvidia/cuda:10.1-cudnn7-devel-centos7",
    ])
      expect(baseRelease(image)).toBeNull();
  });
});
