// `repro-audit batch`: audit the top solutions of a leaderboard with bounded concurrency, each audit in a
// process of its own under a time limit; a failure is that team's row and the batch goes on. Finished
// audits are cached by repo and commit, so a rerun with `resume` skips them.
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { BatchReport, TeamRow } from "../model/batch-report.js";
import type { StageName } from "../model/report.js";
import { badInput } from "../model/errors.js";
import { TOOL_VERSION } from "../io/package.js";
import { classifyInput } from "../clone/input.js";
import { AUDIT_CORES_ENV } from "../io/audit-cores.js";
import { readLeaderboard, type Leaderboard, type LeaderboardTeam } from "./leaderboard.js";
import { buildBatchReport, byRank, summarize } from "./assemble.js";
import { auditFile, cacheKey, readCached, sha256, stableJson, writeCached } from "./audit-cache.js";
import { AuditWorker, type ChildAuditOptions } from "./audit-child.js";
import { resolveCommit } from "./commit.js";
import { runPool } from "./pool.js";
import { cloneAhead } from "./clone-ahead.js";
import { auditProcesses } from "./process-count.js";
import { shardOf, type Shard } from "./shard.js";
import { auditedRow, rowWithoutAudit } from "./team-row.js";

/** The options every audit of the batch runs with (the repo and ref come from the leaderboard). */
export type BatchAuditOptions = Omit<ChildAuditOptions, "source" | "ref" | "outDir">;

export interface BatchOptions {
  file: string;
  /** Where audits are cached (<outDir>/audits/) and the reports written. */
  outDir: string;
  /** The best-ranked teams the leaderboard file lists (default 10). */
  top?: number;
  concurrency?: number;
  resume?: boolean;
  shard?: Shard | null;
  /** Per-audit limit (default 7200 s). */
  timeoutSeconds?: number;
  /** Between SIGTERM and SIGKILL of a stopped audit (default 15 s). */
  graceMs?: number;
  audit?: BatchAuditOptions;
  signal?: AbortSignal;
  onEvent?: (event: BatchEvent) => void;
}

export interface BatchEvent {
  phase: "start" | "finish";
  team: { rank: number; name: string };
  done: number;
  total: number;
  running: number;
  row?: TeamRow;
}

const DEFAULT_TOP = 10;
const DEFAULT_CONCURRENCY = 2;
const DEFAULT_TIMEOUT_SECONDS = 7200;
/** setTimeout's ceiling is 2^31 ms; a week is far more than any audit needs. */
export const MAX_TIMEOUT_SECONDS = 7 * 24 * 3600;

export async function runBatch(options: BatchOptions): Promise<BatchReport> {
  const began = performance.now();
  const top = options.top ?? DEFAULT_TOP;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const timeoutSeconds = options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(timeoutSeconds > 0 && timeoutSeconds <= MAX_TIMEOUT_SECONDS))
    throw badInput(
      `the per-audit timeout must be between 0 and ${MAX_TIMEOUT_SECONDS} s, not ${timeoutSeconds}`,
      "Pass e.g. --timeout 3600",
    );
  const leaderboard = readLeaderboard(options.file);
  const summary = summarize(leaderboard);
  const selected = leaderboard.teams
    .filter((t) => t.listed)
    .sort(byRank)
    .slice(0, top);
  const mine = shardOf(selected, options.shard ?? null);
  const settings = sha256(stableJson({ tool: TOOL_VERSION, audit: options.audit ?? {} }));
  mkdirSync(options.outDir, { recursive: true });

  const rows: TeamRow[] = [];
  let done = 0;
  let running = 0;
  const limit = leaderboard.runtimeLimitHours;
  const emit = (phase: BatchEvent["phase"], team: LeaderboardTeam, row?: TeamRow) =>
    options.onEvent?.({
      phase,
      team: { rank: team.rank, name: team.name },
      done,
      total: mine.length,
      running,
      ...(row ? { row } : {}),
    });
  const finish = (team: LeaderboardTeam, row: TeamRow) => {
    rows.push(row);
    done += 1;
    emit("finish", team, row);
  };

  for (const team of mine.filter((t) => t.repo === null)) finish(team, rowWithoutAudit(team, "no-repo", limit));
  const audited = mine.filter((t) => t.repo !== null);
  const started = new Set<LeaderboardTeam>();
  // Audit processes, long-lived, at most one per core: each serves its lanes' audits in turn, one at a time
  // when they only read (process-count.ts); a stopped or crashed one is replaced.
  const { processes, perProcess, coresEach } = auditProcesses(
    concurrency,
    availableParallelism(),
    readsOnly(options.audit?.stages),
    process.env["REPRO_AUDIT_BATCH_PROCESSES"],
  );
  // Each audit's own threads (the Python index's pool) get its share of the cores: the lanes already fill them.
  const workers = Array.from({ length: processes }, () => new AuditWorker({ [AUDIT_CORES_ENV]: String(coresEach) }));
  const auditLanes = Math.min(concurrency, processes * perProcess);
  // The lanes left over clone the next teams' URLs while the audits run (not on --resume: a cached audit
  // needs no clone).
  const aheadStop = new AbortController();
  const stopAhead = () => aheadStop.abort();
  options.signal?.addEventListener("abort", stopAhead, { once: true });
  const fresh = new Set<LeaderboardTeam>();
  const ahead = cloneAhead(
    audited.map((t) => t.repo!),
    options.resume ? 0 : concurrency - auditLanes,
    (index) => started.has(audited[index]!),
    (index) => fresh.add(audited[index]!),
    {
      ...(options.audit?.cacheDir ? { cacheDir: options.audit.cacheDir } : {}),
      timeoutMs: timeoutSeconds * 1000,
      signal: aheadStop.signal,
    },
  );
  try {
    await runPool(
      audited,
      auditLanes,
      async (team, _index, lane) => {
        started.add(team);
        running += 1;
        emit("start", team);
        const worker = workers[lane % processes]!;
        const row = await auditTeam(team, worker, { ...options, timeoutSeconds }, settings, limit, fresh.has(team));
        running -= 1;
        finish(team, row);
      },
      options.signal,
    );
  } finally {
    aheadStop.abort();
    options.signal?.removeEventListener("abort", stopAhead);
    await Promise.all([ahead, ...workers.map((worker) => worker.close())]);
  }
  for (const team of audited.filter((t) => !started.has(t)))
    finish(team, rowWithoutAudit(team, "interrupted", limit, "not started: the batch was stopped"));

  return buildBatchReport({
    leaderboard: {
      file: options.file,
      sources: leaderboard.sources,
      fingerprint: fingerprint(leaderboard, top, settings),
    },
    selection: { top, teams: selected.length, shard: options.shard ?? null },
    summary,
    rows,
    run: {
      stages: (options.audit?.stages as StageName[] | undefined) ?? null,
      concurrency,
      timeoutSeconds,
      interrupted: options.signal?.aborted === true,
      seconds: Math.round((performance.now() - began) / 10) / 100,
    },
  });
}

async function auditTeam(
  team: LeaderboardTeam,
  worker: AuditWorker,
  options: BatchOptions & { timeoutSeconds: number },
  settings: string,
  limit: number | null,
  cloneFresh: boolean,
): Promise<TeamRow> {
  const repo = team.repo!;
  if (options.resume) {
    const lookup = { timeoutMs: options.timeoutSeconds * 1000, ...(options.signal ? { signal: options.signal } : {}) };
    const commit = await resolveCommit(repo, team.ref, lookup);
    const cached = commit ? readCached(options.outDir, cacheKey(repo, commit, settings)) : null;
    if (cached) return auditedRow(team, cached.report, "cached", auditFile(cached.key), limit);
  }
  const request = () =>
    worker.run(
      { ...options.audit, source: repo, ...(team.ref ? { ref: team.ref } : {}), ...(cloneFresh ? { cloneFresh } : {}) },
      {
        timeoutMs: options.timeoutSeconds * 1000,
        graceMs: options.graceMs ?? 15_000,
        ...(options.signal ? { signal: options.signal } : {}),
      },
    );
  let outcome = await request();
  // Its process was killed because another audit in it would not stop: not this audit's doing, run it again.
  if (outcome.kind === "lost") outcome = await request();
  switch (outcome.kind) {
    case "report": {
      const commit = await cacheableCommit(repo, team.ref, outcome.report.repo.commit);
      const key = cacheKey(repo, commit, settings);
      const file = writeCached(options.outDir, { key, repo, commit, settings, report: outcome.report });
      return auditedRow(team, outcome.report, "audited", file, limit);
    }
    case "timeout":
      return rowWithoutAudit(
        team,
        "timeout",
        limit,
        `stopped after ${options.timeoutSeconds} s (the per-audit timeout)`,
      );
    case "interrupted":
      return rowWithoutAudit(team, "interrupted", limit, "stopped: the batch was interrupted");
    case "error":
    case "crashed":
      return rowWithoutAudit(team, "failed", limit, outcome.line);
    case "lost":
      return rowWithoutAudit(team, "failed", limit, "the audit process was stopped twice for other audits' sake");
  }
}

/** Audits that run nothing but the static stage: all their work is their process's own CPU. */
function readsOnly(stages: readonly string[] | undefined): boolean {
  return stages !== undefined && stages.length > 0 && stages.every((stage) => stage === "static");
}

/** The commit a report stands for: a local folder audited as it stands is its commit only when clean. */
async function cacheableCommit(repo: string, ref: string | null, reported: string | null): Promise<string | null> {
  if (reported === null || ref !== null || classifyInput(repo).kind === "url") return reported;
  return (await resolveCommit(repo, null)) === reported ? reported : null;
}

/** Shards merge only when they come from the same leaderboard, selection and audit settings. */
function fingerprint(leaderboard: Leaderboard, top: number, settings: string): string {
  const teams = leaderboard.teams.map((t) => [
    t.rank,
    t.name,
    t.entries,
    t.publicScore,
    t.privateScore,
    t.repo,
    t.ref,
    t.given?.co2g ?? null,
    t.listed,
  ]);
  return sha256(
    stableJson({
      competition: leaderboard.competition,
      limit: leaderboard.runtimeLimitHours,
      minEntries: leaderboard.minEntries,
      teams,
      top,
      settings,
    }),
  );
}
