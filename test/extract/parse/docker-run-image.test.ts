// The image a README's `docker run` line runs, past its options and their values.
import { expect, it } from "vitest";
import { dockerRunImage } from "../../../src/extract/parse/docker-run-image.js";

it("skips options and their values to the image", () => {
  expect(dockerRunImage("docker run --gpus all -v $PWD:/work -w /work -it gcr.io/kaggle-gpu-images/python bash")).toBe(
    "gcr.io/kaggle-gpu-images/python",
  );
  expect(
    dockerRunImage("sudo nvidia-docker run --rm --shm-size=8g --runtime=nvidia kaggle/python:v99 python a.py"),
  ).toBe("kaggle/python:v99");
});

it("names no image for other commands or a word the shell would expand", () => {
  expect(dockerRunImage("docker build -t sol .")).toBeNull();
  expect(dockerRunImage("docker run -it $IMAGE bash")).toBeNull();
  expect(dockerRunImage("python docker run x")).toBeNull();
});
