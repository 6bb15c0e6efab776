// FawltyDeps (PyPI) timed on the same checkout: the peer for the static time. It parses imports and
// dependency files without running the repo's code. Installed into its own venv when missing.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { readFawltyUndeclared, type FawltyUndeclared } from "./fawlty-floor.js";

export const FAWLTYDEPS_VERSION = "0.20.0";
export const FAWLTYDEPS_VENV = join(homedir(), ".cache", "repro-audit-tests", "venv-fawltydeps");
const BIN = join(FAWLTYDEPS_VENV, "bin", "fawltydeps");

/** The fawltydeps executable, installing it first when the venv lacks it; null (with why) when that fails. */
export function ensureFawltyDeps(log: (line: string) => void): { bin: string } | { error: string } {
  if (existsSync(BIN)) return { bin: BIN };
  log(`installing fawltydeps ${FAWLTYDEPS_VERSION} into ${FAWLTYDEPS_VENV} ...`);
  try {
    mkdirSync(dirname(FAWLTYDEPS_VENV), { recursive: true });
    execFileSync("python3", ["-m", "venv", FAWLTYDEPS_VENV], { stdio: "pipe", timeout: 300_000 });
    execFileSync(join(FAWLTYDEPS_VENV, "bin", "pip"), ["install", "--quiet", `fawltydeps==${FAWLTYDEPS_VERSION}`], {
      stdio: "pipe",
      timeout: 600_000,
    });
  } catch (error) {
    const text = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message)
      .trim()
      .split("\n")
      .pop();
    return { error: `cannot install fawltydeps (${text})` };
  }
  return existsSync(BIN) ? { bin: BIN } : { error: `pip ran but ${BIN} is missing` };
}

export interface FawltyRun {
  seconds: number;
  /** Undeclared import names it reports, or null when its output could not be read. */
  undeclared: number | null;
  /** Each undeclared import it reports, with its first reference (the FawltyDeps floor reads them). */
  names?: FawltyUndeclared[];
  error?: string;
}

/** `fawltydeps --check --json <repo>`: exit 0 (clean) and 3 (undeclared or unused found) are both answers. */
export function timeFawltyDeps(bin: string, repo: string, timeoutSeconds = 900): FawltyRun {
  const t0 = performance.now();
  const run = spawnSync(bin, ["--check", "--json", repo], {
    cwd: repo,
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
    maxBuffer: 1 << 28,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (run.status !== 0 && run.status !== 3) {
    return {
      seconds,
      undeclared: null,
      error: `exited ${run.status ?? run.signal}: ${(run.stderr || "").trim().split("\n").pop() ?? ""}`,
    };
  }
  try {
    const out = JSON.parse(run.stdout) as { undeclared_deps?: unknown[] };
    return { seconds, undeclared: out.undeclared_deps?.length ?? 0, names: readFawltyUndeclared(out, repo) };
  } catch {
    return { seconds, undeclared: null, error: "output is not JSON" };
  }
}
