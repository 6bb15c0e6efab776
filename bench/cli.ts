// `npm run bench:cli`: how fast the bin answers. --version and --help load only the argument parser; a static
// audit loads the static stages only. Each figure is the median of several runs of the built CLI, beside a
// bare `node -e 0` (the floor no command can beat) on the same machine. Aims: --version and --help under
// 0.3 s, a static audit of the 10-file clean-solution sample under 1 s. BENCH_CLI_PEER=<another build's
// entry, e.g. dist/src/cli/main.js, the compiled modules unbundled> times it beside this one, run for run.
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";

/** The installed bin: the bundle in dist/cli/ (scripts/build-cli-bundle.mjs). */
const BIN = fileURLToPath(new URL("../cli/bin.js", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../../samples/clean-solution/repo", import.meta.url));
const RUNS = Number(process.env.BENCH_CLI_RUNS ?? 7);
const PEER = process.env.BENCH_CLI_PEER;

function timeOnce(args: string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "1" } });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0)
    throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.trim().split("\n").pop()}`);
  return seconds;
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

interface Row {
  what: string;
  args: string[];
  aim?: number;
}

const rows: Row[] = [
  { what: "node -e 0 (floor)", args: ["-e", "0"] },
  { what: "repro-audit --version", args: [BIN, "--version"], aim: 0.3 },
  { what: "repro-audit --help", args: [BIN, "--help"], aim: 0.3 },
  { what: "repro-audit rules list", args: [BIN, "rules", "list"] },
  {
    what: "audit clean-solution --stages static (10 files)",
    args: [BIN, "audit", SAMPLE, "--stages", "static"],
    aim: 1,
  },
  {
    what: "  the same, --format json (validated on the way out)",
    args: [BIN, "audit", SAMPLE, "--stages", "static", "--format", "json"],
  },
];

console.log(
  `bench cli: median of ${RUNS} runs each (first run discarded as warm-up); load average ${loadavg()[0]!.toFixed(2)}`,
);
console.log(
  `${"command".padEnd(50)} ${"median s".padStart(9)} ${"min s".padStart(7)} ${PEER ? `${"peer s".padStart(8)} ` : ""}${"aim".padStart(6)}  met`,
);
let missed = 0;
for (const row of rows) {
  const peerArgs = PEER && row.args[0] === BIN ? [PEER, ...row.args.slice(1)] : null;
  timeOnce(row.args);
  if (peerArgs) timeOnce(peerArgs);
  // Interleaved, so both builds meet the same load.
  const times: number[] = [];
  const peerTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(timeOnce(row.args));
    if (peerArgs) peerTimes.push(timeOnce(peerArgs));
  }
  const m = median(times);
  const met = row.aim === undefined ? "" : m < row.aim ? "yes" : "NO";
  if (met === "NO") missed++;
  const peer = PEER ? `${(peerTimes.length ? median(peerTimes).toFixed(3) : "").padStart(8)} ` : "";
  console.log(
    `${row.what.padEnd(50)} ${m.toFixed(3).padStart(9)} ${Math.min(...times)
      .toFixed(3)
      .padStart(7)} ${peer}${row.aim === undefined ? "".padStart(6) : `< ${row.aim}`.padStart(6)}  ${met}`,
  );
}
if (missed)
  console.log(
    `\n${missed} aim(s) missed; a busy machine (load average above the core count) inflates every figure, the floor included.`,
  );
