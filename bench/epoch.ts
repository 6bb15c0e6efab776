// Epoch bench: the CPU sample's full run under the sampler against the prediction from epoch 1 and from K batches;
// `analyse <dir>` prints the blocks and errors for a raw run folder written by scripts/gpu-check.sh.
import { energyInput } from "../src/measure/energy-meters.js";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { packagePath } from "../src/io/package.js";
import { analyseRawRun } from "../src/measure/analyse.js";
import { compareWithActual, type Comparison } from "../src/measure/compare.js";
import { runEpochStage } from "../src/measure/epoch-stage.js";
import { relativeSeries } from "../src/measure/section.js";
import { renderCarbonText } from "../src/report/carbon-text.js";
import { singleRunPlan } from "../src/model/carbon.js";

const pad = (s: string, n: number) => s.padEnd(n);

export function formatComparisons(rows: Comparison[]): string {
  const lines = [`${pad("from", 12)}${pad("pred s", 10)}${pad("actual s", 10)}${pad("err %", 8)}${pad("pred Wh", 10)}${pad("actual Wh", 11)}err %`];
  for (const c of rows)
    lines.push(
      pad(c.basis, 12) + pad(c.predictedSeconds.toFixed(1), 10) + pad(c.actualSeconds.toFixed(1), 10) + pad(c.timeErrorPct.toFixed(1), 8) +
        pad((c.predictedKWh * 1000).toFixed(3), 10) + pad((c.actualKWh * 1000).toFixed(3), 11) + c.energyErrorPct.toFixed(1),
    );
  return lines.join("\n");
}

/** A python with numpy: REPRO_AUDIT_BENCH_PYTHON, the tests' cached venv, or a new one there. */
async function benchPython(): Promise<string> {
  if (process.env.REPRO_AUDIT_BENCH_PYTHON) return process.env.REPRO_AUDIT_BENCH_PYTHON;
  const venv = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit-tests", "venv-numpy");
  const python = join(venv, "bin", "python");
  if (!existsSync(python)) {
    await execa("python3", ["-m", "venv", venv]);
    await execa(python, ["-m", "pip", "install", "-q", "numpy==2.2.6"]);
  }
  return python;
}

export async function runEpochBench(options: { epochs?: number; batches?: number } = {}): Promise<string> {
  const epochs = options.epochs ?? 5;
  const python = await benchPython();
  const root = packagePath("samples", "train-cpu", "repo");
  const command = `python train.py --epochs ${epochs}`;
  const plan = singleRunPlan(command, epochs, "flag", "bench");
  const cpuBefore = process.cpuUsage();
  const { raw, section } = await runEpochStage({ root, plan, runtime: "host", python, measureEpochs: 1_000_000, gpus: false, idleSeconds: 1 });
  const cpu = process.cpuUsage(cpuBefore);
  const runEnd = raw.exitUnix - raw.runStartUnix;
  const power = relativeSeries(raw.series, raw.runStartUnix, runEnd).map(energyInput);
  const rows = [
    compareWithActual(raw.spans, runEnd, power, { fromEpochs: 1 }),
    compareWithActual(raw.spans, runEnd, power, { fromBatches: options.batches ?? 50 }),
  ].filter((c): c is Comparison => c !== null);
  const samplerCpuPerMinute = (cpu.user + cpu.system) / 1e6 / (runEnd / 60);
  return [
    `epoch bench: samples/train-cpu, ${epochs} epochs, host runtime, ${raw.spans.length} epochs seen, ${(section.measurement?.meters ?? []).map((m) => m.meter).join(" + ")}`,
    formatComparisons(rows),
    `sampler process CPU: ${samplerCpuPerMinute.toFixed(2)} CPU-s per minute of run (${((samplerCpuPerMinute / 60) * 100).toFixed(2)}% of one core)`,
  ].join("\n");
}

export async function analyseCommand(dir: string): Promise<string> {
  const { section, comparisons } = await analyseRawRun(resolve(dir));
  return `${renderCarbonText(section)}\nPrediction vs the full run (PUE included):\n${formatComparisons(comparisons)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, arg] = process.argv.slice(2);
  const out = cmd === "analyse" && arg ? await analyseCommand(arg) : await runEpochBench({ epochs: cmd ? Number(cmd) : undefined });
  process.stdout.write(out + "\n");
}
