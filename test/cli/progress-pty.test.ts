// Progress in a real pseudo-terminal (util-linux `script`): spinners where the terminal has a width, plain
// lines where it reports 0 columns (a pty made by `script` in a non-interactive shell), never a hang.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../support/cli.js";

const SAMPLE = new URL("../../samples/clean-solution/repo", import.meta.url).pathname;
const hasScript = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
if (!hasScript && process.env.CI)
  throw new Error("util-linux `script` is needed for the pseudo-terminal tests under CI");

/** Spinners are for people: CI logs get plain lines whatever the terminal (and ora goes quiet when CI is set
 * at all), so the child runs without CI. */
function withoutCi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.CI;
  return copy;
}

/** Run the audit in a pty of `cols` columns; stdout (the report) goes to a file, the pty shows stderr. */
function inPty(cols: number): { status: number | null; error?: Error; pty: string; report: string } {
  const out = join(mkdtempSync(join(tmpdir(), "pty-")), "report.txt");
  const command = `stty cols ${cols} rows ${cols === 0 ? 0 : 24}; timeout -k 5 45 '${process.execPath}' '${BIN}' audit '${SAMPLE}' --stages static > '${out}'`;
  const run = spawnSync("script", ["-qec", command, "/dev/null"], {
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 1 << 26,
    env: withoutCi({ ...process.env, NO_COLOR: "1", TERM: "xterm" }),
  });
  let report = "";
  try {
    report = readFileSync(out, "utf8");
  } catch {
    /* no report: asserted below */
  }
  return { status: run.status, ...(run.error ? { error: run.error } : {}), pty: run.stdout ?? "", report };
}

describe.skipIf(!hasScript)("progress in a pseudo-terminal", () => {
  it("falls back to plain lines, and finishes, when the terminal reports 0 columns", () => {
    const run = inPty(0);
    expect(run.error, "the audit hung writing cursor codes").toBeUndefined();
    expect(run.status).toBe(0);
    expect(run.report).toContain("Score  100/100");
    expect(run.pty).toContain("[static] done:");
    expect(run.pty).not.toContain("\u001b[1A");
    expect(run.pty.length).toBeLessThan(10_000);
  });

  it("shows spinners in a terminal with a width", () => {
    const run = inPty(100);
    expect(run.status).toBe(0);
    expect(run.report).toContain("Score  100/100");
    expect(run.pty).toContain("\u001b[?25l"); // ora hides the cursor while it spins
    expect(run.pty).not.toContain("[static] done:");
  });
});
