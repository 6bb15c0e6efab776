// Images the container suites run in, built once FROM the local base and kept by tag (docker's layer cache does the
// rest): numpy for the CPU sample and the corpus, the pinned PyTorch frameworks for the real-framework tests.
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { BASE_IMAGE } from "../support/engine.js";
import { FRAMEWORK_REQUIREMENTS } from "./support.js";

export const NUMPY_IMAGE = "repro-audit-test/train-cpu:numpy-2.2.6";
const short = (text: string | Buffer) => createHash("sha256").update(text).digest("hex").slice(0, 12);
/** Tagged by the requirements' content: a changed pin builds a new image. */
export const FRAMEWORKS_IMAGE = `repro-audit-test/frameworks:${short(readFileSync(FRAMEWORK_REQUIREMENTS))}`;

const exists = async (image: string) =>
  (await execa("docker", ["image", "inspect", image], { reject: false })).exitCode === 0;

async function build(
  image: string,
  dockerfile: string,
  files: Record<string, string> = {},
  timeout = 900_000,
): Promise<void> {
  if (await exists(image)) return;
  const dir = mkdtempSync(join(tmpdir(), "epoch-image-"));
  try {
    for (const [name, from] of Object.entries(files)) copyFileSync(from, join(dir, name));
    writeFileSync(join(dir, "Dockerfile"), dockerfile);
    await execa("docker", ["build", "-q", "-t", image, dir], { timeout });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function ensureNumpyImage(): Promise<void> {
  return build(NUMPY_IMAGE, `FROM ${BASE_IMAGE}\nRUN python3 -m pip install --no-cache-dir numpy==2.2.6\n`);
}

/** About 4.4 GB over the base and 10 minutes to build here the first time (3.4 GB of wheels from PyPI). */
export function ensureFrameworksImage(): Promise<void> {
  return build(
    FRAMEWORKS_IMAGE,
    [
      `FROM ${BASE_IMAGE}`,
      "COPY requirements.txt /tmp/requirements.txt",
      "RUN python3 -m pip install --no-cache-dir --no-deps -r /tmp/requirements.txt",
      `RUN python3 -c "import torch, torchvision, lightning, transformers, accelerate; assert not torch.cuda.is_available(); print(torch.randn(8, 8).sum())"`,
      "",
    ].join("\n"),
    { "requirements.txt": FRAMEWORK_REQUIREMENTS },
    1_800_000,
  );
}
