// The table of known images: what an image's Dockerfile puts on PYTHONPATH, read as Python reads it.
import { describe, expect, it } from "vitest";
import { imageInfo, pythonPathHasWorkingFolder } from "../../../src/extract/parse/images.js";

describe("pythonPathHasWorkingFolder", () => {
  it("takes an empty entry, also one left by $PYTHONPATH unset in a fresh image, as the working folder", () => {
    expect(pythonPathHasWorkingFolder(":$PYTHONPATH:/opt/facets/facets_overview/python/")).toBe(true);
    expect(pythonPathHasWorkingFolder("${PYTHONPATH}:/home/kaggler/gym")).toBe(true);
    expect(pythonPathHasWorkingFolder("/a::/b")).toBe(true);
  });
  it("finds no working folder in a path of named folders", () => {
    expect(pythonPathHasWorkingFolder("/app")).toBe(false);
    expect(pythonPathHasWorkingFolder("/app:/opt/lib")).toBe(false);
    expect(pythonPathHasWorkingFolder("")).toBe(false);
  });
});

it("knows Kaggle's image's PYTHONPATH with its source, and no environment for an image the table lacks", () => {
  const kaggle = imageInfo("gcr.io/kaggle-gpu-images/python");
  expect(kaggle?.environment?.variables["PYTHONPATH"]).toBe(":$PYTHONPATH:/opt/facets/facets_overview/python/");
  expect(kaggle?.environment?.source).toMatch(/Kaggle\/docker-python/);
  expect(imageInfo("pytorch/pytorch:1.9.0-cuda11.1-cudnn8-runtime")?.environment?.variables).toEqual({});
  expect(imageInfo("nvcr.io/nvidia/pytorch:21.03-py3")?.environment).toBeNull();
  expect(imageInfo("rapidsai/rapidsai:cuda10.2-runtime-ubuntu18.04-py3.7")).toBeNull();
});
