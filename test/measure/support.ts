// Test helpers for the epoch runs: a Python with numpy (a cached venv), temp repos, a plan for a command.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { execa } from "execa";
import type { TrainPlan } from "../../src/model/carbon.js";

const VENV = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit-tests", "venv-numpy");

/** bin/python of a venv holding numpy (made once, from PyPI); null when it cannot be had off CI. */
export async function pythonWithNumpy(): Promise<string | null> {
  const python = join(VENV, "bin", "python");
  const ok = async () => (await execa(python, ["-c", "import numpy"], { reject: false })).exitCode === 0;
  if (existsSync(python) && (await ok())) return python;
  mkdirSync(dirname(VENV), { recursive: true });
  await execa("python3", ["-m", "venv", VENV], { reject: false });
  await execa(python, ["-m", "pip", "install", "-q", "numpy==2.2.6"], { reject: false, timeout: 300_000 });
  if (await ok()) return python;
  if (process.env.CI === "true") throw new Error(`could not install numpy into ${VENV}: host-mode epoch tests cannot run`);
  return null;
}

export function tempRepo(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "epoch-repo-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function planFor(command: string, epochs: number, runs = 1): TrainPlan {
  return {
    commands: [{ value: command, source: "flag --train" }],
    epochs: { value: epochs, source: "flag --epochs" },
    folds: { value: runs, source: "default" },
    models: { value: 1, source: "default" },
    seeds: { value: 1, source: "default" },
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
