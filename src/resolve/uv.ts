// The resolver at the edge: uv's `pip compile`, run from an empty folder with no config of its own, the
// requirements on stdin, only wheels (never building, so nothing from the index or the repo runs here).
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { packagePath } from "../io/package.js";
import { readResolverAnswer, type ResolverAnswer } from "./resolver-output.js";

/** Linux x86_64 with glibc 2.28: the platform the build's images run. */
const TARGET_PLATFORM = "x86_64-manylinux_2_28";

/** A late patch release of each minor (its last, where the minor's bug fixes have ended). */
const LATE_PATCH: Record<string, number> = {
  "3.6": 15,
  "3.7": 17,
  "3.8": 20,
  "3.9": 23,
  "3.10": 18,
  "3.11": 13,
  "3.12": 11,
  "3.13": 5,
};

/** The version uv resolves for. uv reads a bare minor as its .0 release, which no one installs and which fails
 * `Requires-Python >=3.7.1` (pandas 1.3.5): a stated minor is judged at a late patch, a stated patch as written. */
export function uvPythonVersion(python: string): string {
  const patch = /^\d+\.\d+$/.test(python) ? LATE_PATCH[python] : undefined;
  return patch === undefined ? python : `${python}.${patch}`;
}

/** REPRO_AUDIT_UV, else the copy scripts/ensure-uv.sh installs, else `uv` on PATH; null when none runs. */
export async function findUv(env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const candidates = [env.REPRO_AUDIT_UV, packagePath(".cache", "uv", "bin", "uv"), "uv"].filter(
    (c): c is string => !!c,
  );
  for (const candidate of candidates) {
    if (candidate.includes("/") && !existsSync(candidate)) continue;
    const probe = await execa(candidate, ["--version"], { reject: false, timeout: 20_000 });
    if (probe.exitCode === 0 && /^uv \d/.test(probe.stdout)) return candidate;
  }
  return null;
}

export interface CompileRequest {
  uv: string;
  requirements: string[];
  python: string;
  indexUrl: string;
  /** Only releases uploaded before this moment (ISO 8601). */
  excludeNewer?: string;
  /** Keep uv's `# via` notes (the lock's reasons); the answer's raw output is then returned too. */
  annotate?: boolean;
  /** uv's cache for one audit: a folder the caller removes. */
  cacheDir: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A call past its `timeoutMs` is stopped (execa ends uv and waits for it) and says so (`timedOut`), its folder
 * removed all the same. */
export async function uvCompile(
  request: CompileRequest,
): Promise<ResolverAnswer & { stdout?: string; timedOut?: boolean }> {
  const cwd = await mkdtemp(join(tmpdir(), "repro-audit-resolve-"));
  try {
    const args = [
      "pip",
      "compile",
      "-",
      "--python-version",
      uvPythonVersion(request.python),
      "--python-platform",
      TARGET_PLATFORM,
      "--index-url",
      request.indexUrl,
      "--no-build",
      "--no-config",
      "--no-header",
      "--quiet",
      ...(request.annotate ? ["--annotation-style", "line"] : ["--no-annotate"]),
      "--cache-dir",
      request.cacheDir,
      ...(request.excludeNewer ? ["--exclude-newer", request.excludeNewer] : []),
    ];
    const result = await execa(request.uv, args, {
      cwd,
      input: `${request.requirements.join("\n")}\n`,
      reject: false,
      timeout: request.timeoutMs ?? 180_000,
      env: { UV_NO_PROGRESS: "1", NO_COLOR: "1" },
      extendEnv: true,
      ...(request.signal ? { cancelSignal: request.signal } : {}),
    });
    if (result.timedOut)
      return { outcome: "not-assessed", offline: true, reason: "the resolver ran past its time limit", timedOut: true };
    return {
      ...readResolverAnswer(result.exitCode ?? 1, result.stdout, result.stderr),
      ...(request.annotate ? { stdout: result.stdout } : {}),
    };
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}
