// Test helpers for the epoch runs: Pythons with numpy, Keras or the PyTorch frameworks (cached venvs), temp repos, a plan.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { afterAll } from "vitest";
import type { TrainPlan } from "../../src/model/carbon.js";
import { TEST_CACHE as CACHE } from "../support/test-cache.js";

const VENV = join(CACHE, "venv-numpy");

/** bin/python of a venv holding numpy (made once, from PyPI); null when it cannot be had off CI. */
export async function pythonWithNumpy(): Promise<string | null> {
  const python = join(VENV, "bin", "python");
  const ok = async () => (await execa(python, ["-c", "import numpy"], { reject: false })).exitCode === 0;
  if (existsSync(python) && (await ok())) return python;
  mkdirSync(dirname(VENV), { recursive: true });
  await execa("python3", ["-m", "venv", VENV], { reject: false });
  await execa(python, ["-m", "pip", "install", "-q", "numpy==2.2.6"], { reject: false, timeout: 300_000 });
  if (await ok()) return python;
  if (process.env.CI === "true")
    throw new Error(`could not install numpy into ${VENV}: host-mode epoch tests cannot run`);
  return null;
}

/** Every temp repo this test file made, removed when the file's tests end. */
const made: string[] = [];
afterAll(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

export function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "epoch-repo-"));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function planFor(command: string, epochs: number, runs = 1): TrainPlan {
  return {
    commands: [{ value: command, origin: "flag", source: "--train" }],
    epochs: { value: epochs, origin: "flag", source: "--epochs" },
    folds: { value: runs, origin: runs === 1 ? "default" : "flag", source: runs === 1 ? "default" : "--folds" },
    models: { value: 1, origin: "default", source: "default" },
    seeds: { value: 1, origin: "default", source: "default" },
    runs,
  };
}

export const SAMPLE = join(import.meta.dirname, "..", "..", "samples", "train-cpu", "repo");

/** A training script whose epochs last ~50 ms of busy CPU: far shorter than the sampler's interval (500 ms). */
export const SHORT_EPOCHS = [
  "import time",
  "for epoch in range(1, 4):",
  "    print(f'Epoch {epoch}/3', flush=True)",
  "    t = time.process_time()",
  "    while time.process_time() - t < 0.05:",
  "        sum(i * i for i in range(1000))",
  "print('done')",
].join("\n");

export const KERAS_SAMPLE = join(import.meta.dirname, "..", "..", "samples", "train-keras", "repo");

/** What the Keras venv's Python needs in its environment: the sample selects JAX itself, other scripts may not. */
export const KERAS_ENV = { KERAS_BACKEND: "jax" } as const;

/** bin/python of a venv holding the Keras sample's pinned requirements (Keras 3, JAX and jaxlib for CPU: about
 * 145 MB to download, 690 MB installed), made once and remade when the requirements change; null when it cannot be
 * had off CI (no network), a thrown error under CI=true. */
export async function pythonWithKeras(): Promise<string | null> {
  return cachedVenv(
    join(CACHE, "venv-keras-jax"),
    join(KERAS_SAMPLE, "requirements.txt"),
    "import keras, jax",
    KERAS_ENV,
    "the Keras epoch tests",
  );
}

/** A venv made from a requirements file, kept under the cache; `probe` is Python that must run in it; `purpose` names
 * the tests that need it in the skip message or the CI error. */
async function cachedVenv(
  dir: string,
  requirements: string,
  probe: string,
  env: Record<string, string>,
  purpose: string,
  pipFlags: string[] = [],
): Promise<string | null> {
  const python = join(dir, "bin", "python");
  const stamp = join(dir, "installed-requirements.txt"); // what the venv was last made from
  const wanted = readFileSync(requirements, "utf8");
  const ok = async () => (await execa(python, ["-c", probe], { reject: false, env })).exitCode === 0;
  const made = existsSync(stamp) && readFileSync(stamp, "utf8") === wanted;
  if (made && (await ok())) return python;
  mkdirSync(dirname(dir), { recursive: true });
  if (!existsSync(python)) await execa("python3", ["-m", "venv", dir], { reject: false });
  const install = await execa(python, ["-m", "pip", "install", "-q", ...pipFlags, "-r", requirements], {
    reject: false,
    timeout: 1_800_000,
  });
  if (install.exitCode === 0 && (await ok())) {
    writeFileSync(stamp, wanted);
    return python;
  }
  const last = `${install.stderr ?? ""}`.trim().split("\n").pop() ?? "";
  const problem = `could not install ${requirements} into ${dir} (${last || `exit ${install.exitCode}`})`;
  if (process.env.CI === "true") throw new Error(`${problem}: ${purpose} cannot run under CI`);
  console.warn(`skipping ${purpose}: ${problem}`);
  return null;
}

/** The pinned PyTorch, torchvision, Lightning, Transformers and Accelerate the real-framework tests run on. */
export const FRAMEWORK_REQUIREMENTS = join(import.meta.dirname, "frameworks", "requirements.txt");
const FRAMEWORK_PROBE = "import torch, torchvision, lightning, transformers, accelerate";
/** A venv with torch 2.15.0 and the frameworks that others on this machine share: never installed into, only read. */
const SHARED_TORCH = join(CACHE, "venv-torch");

/** bin/python with the frameworks: a venv layered over the shared torch venv when it has them (only what that one
 * lacks is installed, with --no-deps), else one made from the requirements (CI: about 3.7 GB installed). null when
 * neither can be had off CI; under CI=true an error. */
export async function pythonWithFrameworks(): Promise<string | null> {
  const dir = join(CACHE, "venv-frameworks");
  const python = join(dir, "bin", "python");
  const ok = async () => (await execa(python, ["-c", FRAMEWORK_PROBE], { reject: false })).exitCode === 0;
  if (existsSync(python) && (await ok())) return python;
  const shared = join(SHARED_TORCH, "bin", "python");
  const torch = existsSync(shared)
    ? await execa(
        shared,
        [
          "-c",
          "import torch, torchvision, lightning, transformers, site; print(torch.__version__, site.getsitepackages()[0])",
        ],
        { reject: false },
      )
    : null;
  if (torch?.exitCode === 0 && torch.stdout.startsWith("2.15.0")) {
    const base = (await execa(shared, ["-c", "import sys; print(sys.base_prefix)"])).stdout.trim();
    await execa(join(base, "bin", "python3"), ["-m", "venv", dir], { reject: false });
    const own = (await execa(python, ["-c", "import site; print(site.getsitepackages()[0])"])).stdout.trim();
    writeFileSync(join(own, "zz-shared-torch.pth"), `${torch.stdout.trim().split(" ")[1]}\n`);
    const accelerate = readFileSync(FRAMEWORK_REQUIREMENTS, "utf8")
      .split("\n")
      .find((l) => l.startsWith("accelerate=="))!;
    await execa(python, ["-m", "pip", "install", "-q", "--no-deps", accelerate], { reject: false, timeout: 300_000 });
    if (await ok()) return python;
  }
  return cachedVenv(dir, FRAMEWORK_REQUIREMENTS, FRAMEWORK_PROBE, {}, "the real-framework epoch tests", ["--no-deps"]);
}
