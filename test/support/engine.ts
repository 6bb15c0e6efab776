// Whether container tests can run: a real engine and the local base image. Skipped on a developer's
// machine without them, but a failure under CI=true: a skipped container suite must never look green.
import { execa } from "execa";
import { findEngine } from "../../src/provision/engine.js";
import { PYTHON_LABEL } from "../../src/provision/local-bases.js";

export const BASE_IMAGE = process.env.REPRO_AUDIT_BASE_IMAGE ?? "repro-audit/python-base:bookworm-git-gl";
/** The bullseye image scripts/build-base-image.sh makes (scripts/ensure-engine.sh builds it for CI). */
export const PY39_IMAGE = process.env.REPRO_AUDIT_BASE_IMAGE_39 ?? "repro-audit/python-base:bullseye-git-gl";

let answer: Promise<boolean> | null = null;

async function check(): Promise<boolean> {
  const lookup = await findEngine("auto");
  let problem: string | null = null;
  if (!lookup.ok) problem = `${lookup.message}: ${lookup.hint}`;
  else {
    const base = await execa(lookup.engine.bin, ["image", "inspect", BASE_IMAGE], { reject: false, stdin: "ignore" });
    if (base.exitCode !== 0) problem = `base image ${BASE_IMAGE} is missing: run scripts/ensure-engine.sh`;
  }
  if (!problem) return true;
  if (process.env.CI === "true") throw new Error(`container tests cannot run under CI: ${problem}`);
  console.warn(`skipping container tests: ${problem}`);
  return false;
}

/** True when the container tests should run; throws under CI=true when they cannot. */
export function requireEngine(): Promise<boolean> {
  answer ??= check();
  return answer;
}

/** True when the engine, the base image and the local Python 3.9 base (labelled 3.9) are there; throws under CI=true
 * when they are not. */
export async function requirePy39Base(): Promise<boolean> {
  if (!(await requireEngine())) return false;
  const label = await execa(
    "docker",
    ["image", "inspect", "--format", `{{index .Config.Labels "${PYTHON_LABEL}"}}`, PY39_IMAGE],
    { reject: false, stdin: "ignore" },
  );
  if (label.exitCode === 0 && label.stdout.trim() === "3.9") return true;
  const problem = `the local Python 3.9 base ${PY39_IMAGE} is missing or unlabelled: run scripts/ensure-engine.sh`;
  if (process.env.CI === "true") throw new Error(`container tests cannot run under CI: ${problem}`);
  console.warn(`skipping: ${problem}`);
  return false;
}
