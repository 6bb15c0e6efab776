// The report's `environment` section: what the build stage detected, wrote, built and probed.

export type SpecKind =
  | "dockerfile"
  | "conda"
  | "pipenv"
  | "pyproject"
  | "requirements"
  | "setup"
  | "reconstructed";

export type BuildFailureClass = "package-not-found" | "version-conflict" | "compile-error" | "network" | "timeout" | "other";

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
  };
  probe: {
    ran: boolean;
    modules: ModuleProbe[];
    pipCheck: { ok: boolean; output: string } | null;
  };
}
