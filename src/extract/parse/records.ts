// Build env-spec records: packages, Python versions, index URLs, and the CUDA hints packages and URLs carry.
import type { FactRecord } from "../../model/facts.js";
import type { Requirement } from "./pep508.js";
import { isExactPin, isPinnedUrl, isSeriesPin } from "./pep508.js";

export function packageRecord(file: string, line: number, req: Requirement, pinned?: boolean): FactRecord {
  const record: FactRecord = {
    kind: "package",
    file,
    line,
    name: req.name,
    spec: req.url ? req.url : req.spec,
    pinned: pinned ?? (req.url ? isPinnedUrl(req.url) : isExactPin(req.spec) || isSeriesPin(req.spec)),
  };
  if (req.extras) record.extras = req.extras;
  if (req.marker) record.marker = req.marker;
  return record;
}

export function pythonRecord(file: string, line: number, value: string): FactRecord {
  return { kind: "python-version", file, line, value: value.trim() };
}

export function indexRecord(file: string, line: number, url: string): FactRecord {
  return { kind: "index-url", file, line, url };
}

function cudaRecord(file: string, line: number, value: string | null, source: string): FactRecord {
  return { kind: "cuda", file, line, value, source };
}

/** "118" -> "11.8", "121" -> "12.1", "12" -> "12". */
function cudaDigits(digits: string): string {
  if (digits.length <= 2) return digits;
  return `${digits.slice(0, digits.length - 1)}.${digits.slice(-1)}`;
}

/** CUDA a package states: a `+cu118` local version, tensorflow-gpu, jax[cuda12], nvidia-*-cu12 wheels,
 * conda's cudatoolkit / pytorch-cuda. A plain `torch==2.1.0` states nothing (its PyPI wheel brings its own). */
export function cudaFromPackage(
  file: string,
  line: number,
  name: string,
  spec: string,
  extras = "",
): FactRecord | null {
  const local = /\+cu(\d{2,3})\b/.exec(spec);
  if (local) return cudaRecord(file, line, cudaDigits(local[1]!), `${name}${spec}`);
  if (name === "tensorflow-gpu") return cudaRecord(file, line, null, `${name}${spec}`);
  if (name === "jax" || name === "jaxlib") {
    const extra = /\bcuda(\d{0,3})/.exec(extras);
    if (extra) return cudaRecord(file, line, extra[1] ? cudaDigits(extra[1]) : null, `${name}[${extras}]`);
  }
  const wheel = /^nvidia-.*-cu(\d{2,3})$/.exec(name);
  if (wheel) return cudaRecord(file, line, cudaDigits(wheel[1]!), name);
  if (name === "cudatoolkit" || name === "pytorch-cuda" || name === "cuda-version") {
    const version = /(\d+\.\d+)/.exec(spec);
    return cudaRecord(file, line, version ? version[1]! : null, `${name}${spec}`);
  }
  return null;
}

/** An index URL naming a CUDA build (download.pytorch.org/whl/cu118, jax's cuda releases). */
export function cudaFromUrl(file: string, line: number, url: string): FactRecord | null {
  const match = /\/cu(\d{2,3})(?:\/|$)/.exec(url) ?? /cuda(\d{2,3})?_?releases/.exec(url);
  if (!match) return null;
  return cudaRecord(file, line, match[1] ? cudaDigits(match[1]) : null, url);
}

/** CUDA named by a base image tag (nvidia/cuda:11.8.0-..., pytorch/pytorch:2.1.0-cuda11.8-...). */
export function cudaFromImage(file: string, line: number, image: string): FactRecord | null {
  const nvidia = /^(?:[\w.-]+\/)*nvidia\/cuda:(\d+\.\d+)/.exec(image);
  if (nvidia) return cudaRecord(file, line, nvidia[1]!, image);
  const named = /[:-]cuda(\d+\.\d+)/.exec(image);
  if (named) return cudaRecord(file, line, named[1]!, image);
  return null;
}
