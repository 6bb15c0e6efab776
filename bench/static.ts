// Static-audit bench: generate a solution-like repo, then time the whole static audit against CPython's
// ast.parse over every file (what pipreqs and pyflakes do) and against rg (the floor: reading once).
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { audit } from "../src/pipeline.js";
import type { Facts } from "../src/model/facts.js";
import { helperThreads } from "../src/extract/python/index-pool.js";
import { generateRepo } from "./generate-repo.js";

const RG_PATTERN = String.raw`/kaggle/(input|working)|/home/|/Users/|[A-Za-z]:\\|/content/drive|/mnt/|/data/|/root/|~/`;

/** The whole static audit, as `repro-audit audit <root> --stages static` runs it: walk, facts, rules, score. */
export async function runStaticAudit(root: string): Promise<{ facts: Facts; findings: number; total: number | null }> {
  const { report, facts } = await audit({ source: root, stages: ["static"] });
  return { facts, findings: report.findings.length, total: report.score.total };
}

const PY_AST = `
import ast, os, sys, time
t = time.perf_counter(); n = 0; b = 0; bad = 0
for d, _, fs in os.walk(sys.argv[1]):
    for f in fs:
        if f.endswith('.py'):
            src = open(os.path.join(d, f), 'rb').read(); b += len(src); n += 1
            try: ast.parse(src)
            except SyntaxError: bad += 1
print(time.perf_counter() - t, n, b, bad)
`;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "repro-audit-bench-"));
  try {
    const repo = generateRepo(root, 42);
    const mb = repo.bytes / 1e6;
    console.log(`repo: ${repo.files} files (${repo.pyFiles} .py, 50 notebooks), ${mb.toFixed(1)} MB in ${root}`);

    const loadBefore = loadavg()[0]!;
    const t0 = performance.now();
    const { facts, findings, total } = await runStaticAudit(root);
    const ours = (performance.now() - t0) / 1000;
    const counts = Object.entries(facts.families)
      .map(([id, r]) => `${id}=${r.length}`)
      .join(" ");

    const [pySeconds, pyFiles, pyBytes] = execFileSync("python3", ["-c", PY_AST, root], { encoding: "utf8" })
      .trim()
      .split(" ")
      .map(Number) as [number, number, number];
    const t1 = performance.now();
    const rg = spawnSync("rg", ["-c", "-e", RG_PATTERN, root], { encoding: "utf8", maxBuffer: 1 << 28 });
    const rgSeconds = (performance.now() - t1) / 1000;

    const rss = process.resourceUsage().maxRSS / 1024;
    const row = (name: string, s: number, bytes: number) =>
      console.log(`${name.padEnd(34)} ${s.toFixed(2).padStart(7)} s ${(bytes / 1e6 / s).toFixed(1).padStart(7)} MB/s`);
    console.log(`facts: ${counts}`);
    console.log(`report: ${findings} findings, total score ${total}`);
    row("repro-audit audit --stages static", ours, repo.bytes);
    row(`python3 ast.parse (${pyFiles} .py)`, pySeconds, pyBytes);
    row(rg.error ? "rg (not installed)" : "rg path patterns (floor)", rgSeconds, repo.bytes);
    console.log(`peak RSS (this process, worker threads included): ${rss.toFixed(0)} MB`);
    console.log(
      `threads: this one + ${helperThreads(repo.pyFiles + 50, repo.bytes)} index helper(s) on ${availableParallelism()} cores; load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (other processes slow both sides)`,
    );
    console.log(
      `ours / ast.parse: ${(ours / pySeconds).toFixed(2)} (aim <= 0.50); ours / rg: ${(ours / rgSeconds).toFixed(1)}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) await main();
