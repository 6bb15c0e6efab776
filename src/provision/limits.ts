// The ceilings of everything the build stage runs, in one place (SECURITY.md lists them with these values).
import { availableParallelism } from "node:os";

const GiB = 1024 * 1024 * 1024;

export const BUILD_LIMITS: {
  readonly memoryBytes: number;
  readonly cpus: number;
  readonly diskBytes: number;
  readonly diskPollMs: number;
  readonly outputBytes: number;
  readonly keptHeadBytes: number;
  readonly keptTailBytes: number;
  readonly openFiles: number;
  readonly pullMs: number;
} = {
  /** Memory of each build step's container; swap is not added on top. */
  memoryBytes: 8 * GiB,
  /** CPUs of each build step (CFS quota), at most the host's. */
  cpus: Math.min(4, availableParallelism()),
  /** Bytes the build may write, summed over its steps (watched every `diskPollMs`), and per file (RLIMIT_FSIZE). */
  diskBytes: 20 * GiB,
  diskPollMs: 2_000,
  /** Output the build may print before it is stopped; of it, the head and the tail are kept for build.log. */
  outputBytes: 64 * 1024 * 1024,
  keptHeadBytes: 256 * 1024,
  keptTailBytes: 1024 * 1024,
  /** Open files of each build step. */
  openFiles: 4096,
  /** Time an anonymous pull of a base image may take. */
  pullMs: 10 * 60 * 1000,
};

export type BuildLimits = typeof BUILD_LIMITS;

export const PROBE_LIMITS = {
  memoryBytes: 4 * GiB,
  cpus: Math.min(2, availableParallelism()),
  pids: 512,
  /** The probe's only writable place: a tmpfs at /tmp. */
  tmpfsBytes: 256 * 1024 * 1024,
} as const;

/** The egress holder: a forwarder and nothing else. */
export const EGRESS_LIMITS = { memoryBytes: 256 * 1024 * 1024, pids: 64, readyMs: 15_000 } as const;

/** Ports a build may reach on the internet through the egress proxy (HTTP and HTTPS). */
export const EGRESS_PORTS: readonly number[] = [80, 443];
