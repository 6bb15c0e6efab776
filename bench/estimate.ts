// Estimate bench: samples/train-torch (a torchvision ResNet-18 at 64 px) trained on this CPU with the tests'
// PyTorch venv. One measured epoch keeps the CPU's throughput in a calibration file; the static estimate for
// N epochs then costs the training from that throughput; the full N-epoch run, measured under the meters, is
// what it is compared with. Everything goes through audit(), as a user would run it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { audit } from "../src/pipeline.js";
import { packagePath } from "../src/io/package.js";
import { readCalibration } from "../src/estimate/calibration.js";
import type { Consumption } from "../src/model/carbon.js";

const pad = (s: string, n: number) => s.padEnd(n);
const fixed = (x: number, d = 1) => x.toFixed(d);

/** The tests' PyTorch venv: REPRO_AUDIT_BENCH_TORCH_PYTHON, else ~/.cache/repro-audit-tests/venv-torch. */
function torchPython(): string | null {
  const python =
    process.env.REPRO_AUDIT_BENCH_TORCH_PYTHON ??
    join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit-tests", "venv-torch", "bin", "python");
  return existsSync(python) ? python : null;
}

function row(label: string, c: Consumption, range?: { low: Consumption; high: Consumption }): string {
  const r = (k: "seconds" | "energyKWh", f: (x: number) => string) =>
    range ? ` (${f(range.low[k])}-${f(range.high[k])})` : "";
  return (
    pad(label, 34) +
    pad(`${fixed(c.seconds)} s${r("seconds", (x) => fixed(x))}`, 26) +
    `${fixed(c.energyKWh * 1000, 3)} Wh${r("energyKWh", (x) => fixed(x * 1000, 3))}`
  );
}

export async function runEstimateBench(epochs = 3): Promise<string> {
  const python = torchPython();
  if (!python)
    return "estimate bench skipped: no PyTorch venv (set REPRO_AUDIT_BENCH_TORCH_PYTHON to a python with torch and torchvision)";
  const work = mkdtempSync(join(tmpdir(), "estimate-bench-"));
  const saved = { PATH: process.env.PATH, REPRO_AUDIT_CALIBRATION: process.env.REPRO_AUDIT_CALIBRATION };
  process.env.PATH = `${dirname(python)}:${process.env.PATH ?? ""}`; // `python` in the commands is the venv's
  process.env.REPRO_AUDIT_CALIBRATION = join(work, "calibration.json");
  try {
    const source = packagePath("samples", "train-torch", "repo"); // our own sample: run on the host, as a plain folder
    const common = { source, runtime: "host" as const, ledger: false, cacheDir: join(work, "cache") };
    // 1. One measured epoch: its throughput goes to the calibration file.
    const one = await audit({
      ...common,
      stages: ["static", "epoch"],
      commands: ["python train.py --epochs 1"],
      epochs: 1,
      measureEpochs: 1,
    });
    const calibration = (await readCalibration()).entries;
    // 2. The static estimate of N epochs on this CPU, from that throughput.
    const estimated = (
      await audit({
        ...common,
        stages: ["static"],
        commands: [`python train.py --epochs ${epochs}`],
        epochs,
        gpuModel: "cpu",
      })
    ).report.carbon?.prediction;
    // 3. The N epochs measured in full.
    const full = (
      await audit({
        ...common,
        stages: ["static", "epoch"],
        commands: [`python train.py --epochs ${epochs}`],
        epochs,
        measureEpochs: epochs,
        calibrate: false,
      })
    ).report.carbon?.measurement;
    const a100 = (
      await audit({ ...common, stages: ["static"], commands: [`python train.py --epochs ${epochs}`], epochs })
    ).report.carbon?.prediction;
    const entry = calibration[0];
    if (!entry || !estimated || estimated.basis !== "estimated" || !full || full.status !== "measured") {
      return `estimate bench failed: calibration ${entry ? "kept" : "missing"} (${one.report.notes.join(" ")}), estimate ${estimated?.basis ?? "none"}, full run ${full?.status ?? "none"}`;
    }
    const ratio = (k: "seconds" | "energyKWh") => estimated.total[k] / full.actual[k];
    return [
      `estimate bench: samples/train-torch, torchvision/resnet18 @64 px, ${entry.deviceName}, ${epochs} epochs on the host`,
      `calibration: ${fixed(entry.imagesPerSecond, 2)} images/s, ${entry.joulesPerImage === null ? "no energy" : `${fixed(entry.joulesPerImage, 3)} J/image`} from one measured epoch (${one.report.carbon?.measurement?.actual.seconds.toFixed(1)} s run)`,
      pad("", 34) + pad("time", 26) + "energy (PUE included)",
      row(`static estimate (calibrated, cpu)`, estimated.total, estimated.interval),
      row(`measured run (${full.actual.epochs} epochs)`, full.actual),
      `ratio estimate / measured: time ${fixed(ratio("seconds"), 2)}x, energy ${fixed(ratio("energyKWh"), 2)}x (aim: within 1.5x); the run's ${fixed(full.actual.setupSeconds)} s start-up is not in the estimate`,
      a100 ? row("static estimate on an A100 40GB", a100.total, a100.interval) : "",
    ]
      .filter(Boolean)
      .join("\n");
  } finally {
    process.env.PATH = saved.PATH;
    if (saved.REPRO_AUDIT_CALIBRATION === undefined) delete process.env.REPRO_AUDIT_CALIBRATION;
    else process.env.REPRO_AUDIT_CALIBRATION = saved.REPRO_AUDIT_CALIBRATION;
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write((await runEstimateBench(process.argv[2] ? Number(process.argv[2]) : undefined)) + "\n");
}
