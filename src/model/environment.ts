// The report's `environment` section: what the build stage detected, wrote, built and probed.

export type SpecKind = "dockerfile" | "conda" | "pipenv" | "pyproject" | "requirements" | "setup" | "reconstructed";

export type BuildFailureClass =
  | "package-not-found"
  | "version-conflict"
  | "compile-error"
  | "network"
  | "timeout"
  /** The audit refused to build it: a remote ADD, an image the user did not name (SECURITY.md). */
  | "not-allowed"
  /** Stopped at a ceiling of the build (limits.ts). */
  | "memory-limit"
  | "disk-limit"
  | "output-limit"
  | "other";

/** Where a build's steps could connect: through the egress proxy (public HTTP(S) only) or nowhere. */
export interface BuildNetwork {
  mode: "egress-proxy" | "none";
  /** Why there was no proxy, when mode is none. */
  reason?: string;
  /** Destinations reached, "host:port". */
  reached: string[];
  /** Destinations refused, with why. */
  refused: Array<{ destination: string; why: string }>;
}

export interface ModuleProbe {
  module: string;
  ok: boolean;
  error?: string;
  /** Files that import it. */
  files: string[];
}

export interface EnvironmentSection {
  specKind: SpecKind;
  specFiles: string[];
  reconstructed: boolean;
  python: { version: string; source: string };
  cuda: { needed: boolean; version: string | null; source: string | null };
  baseImage: string;
  baseImageReason: string;
  dockerfile: string | null;
  engine: "docker" | "podman" | null;
  image: string | null;
  build: {
    status: "built" | "cached" | "failed" | "skipped";
    seconds: number | null;
    cacheHit: boolean;
    failureClass?: BuildFailureClass;
    package?: string;
    logTail?: string;
    logPath?: string;
    reason?: string;
    network?: BuildNetwork;
  };
  probe: {
    ran: boolean;
    modules: ModuleProbe[];
    pipCheck: { ok: boolean; output: string } | null;
  };
}
