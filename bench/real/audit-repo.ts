// Audit one checkout with the installed bin (`repro-audit audit <repo> --stages static --format json`), in its
// own process so its time includes start-up as a user's would, and read the report it writes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PACKAGE_ROOT } from "../../src/io/package.js";
import type { BenchFinding } from "./match.js";
import type { FactRecord } from "../../src/model/facts.js";

export interface AuditRun {
  /** Wall-clock seconds of the whole CLI process. */
  seconds: number;
  /** What the report says the static stage took. */
  staticSeconds: number | null;
  commit: string | null;
  total: number | null;
  categories: Record<string, number | null>;
  findings: BenchFinding[];
  /** The imports family of the saved facts (the FawltyDeps floor reads the audit's reasons there). */
  imports: FactRecord[];
}

/** The installed bin (the bundle); BENCH_REAL_CLI=<a build's entry, e.g. dist/src/cli/main.js> times another. */
const CLI = process.env["BENCH_REAL_CLI"] ?? join(PACKAGE_ROOT, "dist", "cli", "bin.js");

/** `disable`: rules the checkout cannot be judged by (a snapshot's artifacts: see the labels' `snapshot`),
 * switched off through a user config as a user would. */
export function auditRepo(
  repo: string,
  disable: readonly string[] = [],
  timeoutSeconds = 900,
  cli: string = CLI,
): AuditRun {
  const dir = mkdtempSync(join(tmpdir(), "repro-audit-bench-real-"));
  try {
    const out = join(dir, "report.json");
    const factsFile = join(dir, "facts.json");
    const config = join(dir, "bench.yml");
    if (disable.length) writeFileSync(config, `disable: [${disable.join(", ")}]\n`);
    const t0 = performance.now();
    const run = spawnSync(
      process.execPath,
      [
        cli,
        "audit",
        repo,
        "--stages",
        "static",
        "--format",
        "json",
        "--out",
        out,
        "--facts",
        factsFile,
        ...(disable.length ? ["--config", config] : []),
      ],
      {
        encoding: "utf8",
        timeout: timeoutSeconds * 1000,
        maxBuffer: 1 << 26,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    const seconds = (performance.now() - t0) / 1000;
    if (run.status !== 0) {
      const why = run.error ? run.error.message : (run.stderr || run.stdout).trim().split("\n").pop();
      throw new Error(`repro-audit exited ${run.status ?? run.signal} on ${repo}: ${why}`);
    }
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      repo: { commit: string | null };
      stages: { static?: { seconds?: number } };
      score: { total: number | null; categories: Record<string, { score: number | null }> };
      findings: BenchFinding[];
    };
    const categories = Object.fromEntries(Object.entries(report.score.categories).map(([c, s]) => [c, s.score]));
    return {
      seconds,
      staticSeconds: report.stages.static?.seconds ?? null,
      commit: report.repo.commit,
      total: report.score.total,
      categories,
      findings: report.findings,
      imports:
        (JSON.parse(readFileSync(factsFile, "utf8")) as { facts: { families: Record<string, FactRecord[]> } }).facts
          .families.imports ?? [],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
