// Epoch bench: three trainings on the CPU (the numpy sample, a real PyTorch training, a plain loop printing "Epoch k/8
// done in 7.9s"), each run 3 times in full under the meters, interleaved in one process; the prediction from its first
// epoch and from 10% of it is set against the same run measured whole: min/median/max of the errors.
// `epoch.js 3 numpy,loop` runs some cases only (numpy, torch, loop). `analyse <dir>` prints the blocks and errors for
// a raw run folder written by scripts/gpu-check.sh.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, homedir, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { packagePath } from "../src/io/package.js";
import { analyseRawRun } from "../src/measure/analyse.js";
import { compareWithActual, type Comparison } from "../src/measure/compare.js";
import { partialParts, type PartialParts } from "../src/measure/partial-parts.js";
import { energyInput } from "../src/measure/energy-meters.js";
import { runEpochStage } from "../src/measure/epoch-stage.js";
import { relativeSeries } from "../src/measure/section.js";
import { renderCarbonText } from "../src/report/carbon-text.js";
import { singleRunPlan } from "../src/model/carbon.js";

const pad = (s: string, n: number) => s.padEnd(n);
const CACHE = join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "repro-audit-tests");

export function formatComparisons(rows: Comparison[]): string {
  const lines = [
    `${pad("from", 12)}${pad("pred s", 10)}${pad("actual s", 10)}${pad("err %", 8)}${pad("pred Wh", 10)}${pad("actual Wh", 11)}err %`,
  ];
  for (const c of rows)
    lines.push(
      pad(c.basis, 12) +
        pad(c.predictedSeconds.toFixed(1), 10) +
        pad(c.actualSeconds.toFixed(1), 10) +
        pad(c.timeErrorPct.toFixed(1), 8) +
        pad((c.predictedKWh * 1000).toFixed(3), 10) +
        pad((c.actualKWh * 1000).toFixed(3), 11) +
        c.energyErrorPct.toFixed(1),
    );
  return lines.join("\n");
}

/** A python with numpy: REPRO_AUDIT_BENCH_PYTHON, the tests' cached venv, or a new one there. */
async function numpyPython(): Promise<string> {
  if (process.env.REPRO_AUDIT_BENCH_PYTHON) return process.env.REPRO_AUDIT_BENCH_PYTHON;
  const python = join(CACHE, "venv-numpy", "bin", "python");
  if (!existsSync(python)) {
    await execa("python3", ["-m", "venv", join(CACHE, "venv-numpy")]);
    await execa(python, ["-m", "pip", "install", "-q", "numpy==2.2.6"]);
  }
  return python;
}

/** A python with torch and torchvision: REPRO_AUDIT_BENCH_TORCH_PYTHON, else the tests' framework or shared venv. */
function torchPython(): string | null {
  const candidates = [
    process.env.REPRO_AUDIT_BENCH_TORCH_PYTHON,
    join(CACHE, "venv-frameworks", "bin", "python"),
    join(CACHE, "venv-torch", "bin", "python"),
  ];
  return candidates.find((p): p is string => !!p && existsSync(p)) ?? null;
}

/** The plain loop: a busy epoch, then one line after it, as many scripts print. */
const DONE_LOOP = `import time
for epoch in range(1, 9):
    t = time.time()
    while time.time() - t < 2.0:
        sum(i * i for i in range(1000))
    print(f"Epoch {epoch}/8 done in {time.time() - t:.1f}s", flush=True)
`;

interface BenchCase {
  /** What picks it on the command line (`epoch.js 3 numpy,loop`). */
  key: string;
  name: string;
  root: string;
  command: string;
  epochs: number;
  python: string | null;
}

interface CaseResult {
  fromEpoch: Comparison | null;
  fromTenth: Comparison | null;
  /** Where the prediction from 10% of an epoch differs from the run, part by part. */
  tenthParts: PartialParts | null;
  boundaries: string;
  /** The 1-minute load average when the run began: other work on the 2 CPUs moves every figure. */
  load: number;
}

/** One full run measured whole (the hook told never to stop), compared with predictions from its own beginning. */
async function fullRun(c: BenchCase): Promise<CaseResult> {
  const load = loadavg()[0]!;
  const plan = singleRunPlan(c.command, c.epochs, "flag", "bench");
  const { raw, section } = await runEpochStage({
    root: c.root,
    plan,
    runtime: "host",
    python: c.python ?? undefined,
    measureEpochs: 1_000_000,
    gpus: false,
    idleSeconds: 0.5,
  });
  const runEnd = raw.exitUnix - raw.runStartUnix;
  const power = relativeSeries(raw.series, raw.runStartUnix, runEnd).map(energyInput);
  const perEpoch = raw.spans[0]?.batchesPerEpoch ?? raw.spans[0]?.batches.at(-1)?.count ?? 0;
  return {
    fromEpoch: compareWithActual(raw.spans, runEnd, power, { fromEpochs: 1 }),
    fromTenth:
      perEpoch > 0
        ? compareWithActual(raw.spans, runEnd, power, { fromBatches: Math.max(1, Math.ceil(perEpoch / 10)) })
        : null,
    tenthParts: perEpoch > 0 ? partialParts(raw.spans, Math.max(1, Math.ceil(perEpoch / 10))) : null,
    boundaries: `${section.measurement?.actual.boundaries ?? "none"}, ${raw.spans.length} epochs seen`,
    load,
  };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const f = (x: number | undefined) => (x === undefined ? "-" : `${x >= 0 ? "+" : ""}${x.toFixed(1)}`);
  return `${f(s[0])} / ${f(s[(s.length - 1) >> 1] === undefined ? undefined : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2)} / ${f(s[s.length - 1])}`;
};

/** The parts of the 10% prediction's error, median over runs: the window's batch rate against the rest of epoch 1
 * and the later epochs, the share of an epoch after its last batch, a later epoch's first batch beyond its rate. */
function partsLine(parts: PartialParts[]): string {
  const med = (xs: Array<number | null>) => {
    const s = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
    return s.length ? s[(s.length - 1) >> 1]! : null;
  };
  const vs = (pick: (p: PartialParts) => number | null) =>
    med(parts.map((p) => (pick(p) === null ? null : (p.windowRate / pick(p)! - 1) * 100)));
  const f = (x: number | null, unit: string) => (x === null ? "-" : `${x >= 0 ? "+" : ""}${x.toFixed(1)}${unit}`);
  return [
    `10% window's s/batch vs the rest of epoch 1 ${f(
      vs((p) => p.restOfFirstRate),
      "%",
    )}`,
    `vs later epochs ${f(
      vs((p) => p.laterRate),
      "%",
    )}`,
    `after the last batch ${f(med(parts.map((p) => (p.tailShare === null ? null : p.tailShare * 100))), "%")} of an epoch`,
    `a later epoch's first batch ${f(med(parts.map((p) => p.firstBatchExtra)), " s")} beyond its rate`,
  ].join("; ");
}

/** `only`: the keys of the cases to run (numpy, torch, loop); all when empty. */
export async function runEpochBench(runs = 3, only: string[] = []): Promise<string> {
  const loop = mkdtempSync(join(tmpdir(), "epoch-bench-"));
  writeFileSync(join(loop, "train.py"), DONE_LOOP);
  const torch = torchPython();
  const cases: BenchCase[] = [
    {
      key: "numpy",
      name: "CPU sample (numpy)",
      root: packagePath("samples", "train-cpu", "repo"),
      command: "python train.py --epochs 5",
      epochs: 5,
      python: await numpyPython(),
    },
    {
      key: "torch",
      name: "PyTorch ResNet-18",
      root: packagePath("samples", "train-torch", "repo"),
      command: "python train.py --epochs 4 --images 1600 --img-size 32 --batch-size 16",
      epochs: 4,
      python: torch,
    },
    { key: "loop", name: "'done'-printing loop", root: loop, command: "python3 train.py", epochs: 8, python: null },
  ].filter((c) => (c.key !== "torch" || torch !== null) && (only.length === 0 || only.includes(c.key)));
  const results = new Map<string, CaseResult[]>(cases.map((c) => [c.name, []]));
  const cpuBefore = process.cpuUsage();
  const started = Date.now();
  const loadBefore = loadavg()[0]!;
  try {
    for (let i = 0; i < runs; i++) for (const c of cases) results.get(c.name)!.push(await fullRun(c));
  } finally {
    rmSync(loop, { recursive: true, force: true });
  }
  const cpu = process.cpuUsage(cpuBefore);
  const lines = [
    `epoch bench: ${runs} full runs per case, interleaved, host runtime; error of the prediction vs the run measured whole, % (min / median / max)`,
    `${pad("case", 24)}${pad("from", 14)}${pad("time error %", 24)}${pad("energy error %", 24)}boundaries`,
  ];
  for (const c of cases) {
    const rs = results.get(c.name)!;
    for (const [label, pick] of [
      ["1 epoch", (r: CaseResult) => r.fromEpoch],
      ["10% of epoch", (r: CaseResult) => r.fromTenth],
    ] as const) {
      const got = rs.map(pick).filter((x): x is Comparison => x !== null);
      const row = got.length
        ? `${pad(stats(got.map((g) => g.timeErrorPct)), 24)}${pad(stats(got.map((g) => g.energyErrorPct)), 24)}`
        : pad("n/a: no batch boundaries", 48);
      lines.push(`${pad(c.name, 24)}${pad(label, 14)}${row}${rs[0]!.boundaries}`);
    }
    const parts = rs.map((r) => r.tenthParts).filter((p): p is PartialParts => p !== null);
    if (parts.length) lines.push(`${pad("", 24)}${partsLine(parts)}`);
    const loads = rs.map((r) => r.load).sort((a, b) => a - b);
    lines.push(
      `${pad("", 24)}load average at each run's start ${loads[0]!.toFixed(1)} to ${loads.at(-1)!.toFixed(1)} (noisy above ${availableParallelism()})`,
    );
  }
  if (!torch && (only.length === 0 || only.includes("torch")))
    lines.push("(PyTorch case skipped: no python with torch; set REPRO_AUDIT_BENCH_TORCH_PYTHON)");
  const minutes = (Date.now() - started) / 60_000;
  lines.push(
    `bench wall time ${minutes.toFixed(1)} min; sampler process CPU: ${((cpu.user + cpu.system) / 1e6 / minutes).toFixed(2)} CPU-s per minute of runs`,
  );
  lines.push(
    `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after, on ${availableParallelism()} CPUs: other work on the machine moves every figure`,
  );
  return lines.join("\n");
}

export async function analyseCommand(dir: string): Promise<string> {
  const { section, comparisons } = await analyseRawRun(resolve(dir));
  return `${renderCarbonText(section)}\nPrediction vs the full run (PUE included):\n${formatComparisons(comparisons)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, arg] = process.argv.slice(2);
  const out =
    cmd === "analyse" && arg
      ? await analyseCommand(arg)
      : await runEpochBench(cmd ? Number(cmd) : undefined, arg ? arg.split(",") : []);
  process.stdout.write(out + "\n");
}
