// The table of known images: what an image's Dockerfile puts on PYTHONPATH, read as Python reads it.
import { describe, expect, it } from "vitest";
import { imageFrameworks, imageInfo, pythonPathHasWorkingFolder } from "../../../src/extract/parse/images.js";

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

it("reads an NGC tag as NVIDIA's release through the table, and an official image's tag as the framework's version", () => {
  expect(imageFrameworks("nvcr.io/nvidia/pytorch:23.07-py3")).toEqual([{ framework: "torch", version: "2.1.0a0" }]);
  expect(imageInfo("nvcr.io/nvidia/pytorch:23.07-py3")?.python).toBe("3.10");
  // A release the table gives no version states none, never torch 22.05.
  expect(imageFrameworks("nvcr.io/nvidia/pytorch:22.05-py3")).toEqual([]);
  expect(imageFrameworks("nvcr.io/nvidia/tensorflow:23.07-tf2-py3")).toEqual([]);
  expect(imageFrameworks("pytorch/pytorch:1.4-cuda10.1-cudnn7-devel")).toEqual([
    { framework: "torch", version: "1.4" },
  ]);
  expect(imageFrameworks("tensorflow/tensorflow:2.3.0-gpu")).toEqual([{ framework: "tensorflow", version: "2.3.0" }]);
});

it("knows the Python of NGC TensorFlow releases and the TensorFlow 1.15.5 of the late tf1 releases", () => {
  expect(imageInfo("nvcr.io/nvidia/tensorflow:20.10-tf2-py3")?.python).toBe("3.6");
  expect(imageInfo("nvcr.io/nvidia/tensorflow:21.05-tf1-py3")?.python).toBe("3.8");
  expect(imageFrameworks("nvcr.io/nvidia/tensorflow:22.12-tf1-py3")).toEqual([
    { framework: "tensorflow", version: "1.15.5" },
  ]);
  expect(imageFrameworks("nvcr.io/nvidia/tensorflow:21.05-tf2-py3")).toEqual([]);
});
