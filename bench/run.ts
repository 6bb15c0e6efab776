// `npm run bench`: every benchmark in turn, each in its own process so peak memory is its own.
// Pass names to run some: `npm run bench -- static epoch`.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const BENCHES: Array<{ name: string; what: string }> = [
  { name: "static", what: "static audit of a generated 5,000-file repo vs CPython ast.parse and rg" },
  {
    name: "scale",
    what: "static audits of generated 12,500- to 100,000-file repos (code, notebooks, data): time and peak memory at each size",
  },
  { name: "env", what: "environment build twice: cold vs cached (needs a container engine)" },
  {
    name: "epoch",
    what: "three CPU trainings (numpy sample, PyTorch, a 'done'-printing loop), 3 full runs each vs the prediction from one epoch and from 10% of one",
  },
  { name: "cli", what: "start-up: --version, --help and a 10-file static audit, beside a bare node start" },
  {
    name: "batch",
    what: "static batch of the 10 sample repos with --concurrency 1 and 4: wall times, ratio, peak memory",
  },
  {
    name: "estimate",
    what: "static estimate of a PyTorch CPU training from one measured epoch's throughput vs the full run measured",
  },
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const bench of BENCHES.filter((b) => wanted.length === 0 || wanted.includes(b.name))) {
  console.log(`\n== bench ${bench.name}: ${bench.what}`);
  const file = fileURLToPath(new URL(`./${bench.name}.js`, import.meta.url));
  const result = spawnSync(process.execPath, [file], { stdio: "inherit" });
  if (result.status !== 0) {
    failed++;
    console.log(`(bench ${bench.name} exited ${result.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
