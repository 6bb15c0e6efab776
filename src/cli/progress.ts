// Progress on stderr: ora spinners per stage in a terminal that has a width, plain lines otherwise (CI logs,
// pipes, and a pseudo-terminal that reports 0 columns, where ora's redraw never ends).
import type { Ora } from "ora";
import type { Progress } from "../model/progress.js";
import { printable } from "../model/printable.js";

export { silentProgress, type Progress } from "../model/progress.js";

/** `state` holds the stage being run, shared with a spinner that may fall back to these lines mid-stage. */
function plainProgress(writeRaw: (line: string) => void, state = { stage: "" }): Progress {
  // Progress names repo paths and git's words: escaped, no line of it can pass for a CI command.
  const write = (line: string) => writeRaw(printable(line));
  return {
    start(stage, text) {
      state.stage = stage;
      write(`[${stage}] ${text}`);
    },
    succeed: (text) => write(`[${state.stage}] done: ${text}`),
    skip: (text) => write(`[${state.stage}] skipped: ${text}`),
    fail: (text) => write(`[${state.stage}] failed: ${text}`),
    note: (text) => write(`note: ${text}`),
  };
}

/** A terminal ora can draw in: a TTY with a known, non-zero width, outside CI. */
function canSpin(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.CI && Number.isFinite(stream.columns) && stream.columns > 0;
}

/** Spinners while the terminal keeps a width; if it shrinks to none mid-audit, plain lines from then on. */
function spinnerProgress(stream: NodeJS.WriteStream, ora: typeof import("ora").default): Progress {
  let spinner: Ora | undefined;
  const state = { stage: "" };
  const plain = plainProgress((line) => stream.write(`${line}\n`), state);
  const lost = () => {
    if (canSpin(stream)) return false;
    if (spinner?.isSpinning) spinner.stop();
    spinner = undefined;
    return true;
  };
  return {
    start(name, text) {
      spinner?.stop();
      spinner = undefined;
      if (lost()) return plain.start(name, text);
      state.stage = name;
      // discardStdin off: ora's raw-mode stdin reader can block a pseudo-terminal for good, and Ctrl-C should
      // reach the audit's own SIGINT handler (which removes its containers), not a keypress reader.
      spinner = ora({ text: `${name}: ${text}`, stream, discardStdin: false }).start();
    },
    succeed: (text) => (lost() ? plain.succeed(text) : spinner?.succeed(text)),
    skip: (text) => (lost() ? plain.skip(text) : spinner?.info(`skipped: ${text}`)),
    fail: (text) => (lost() ? plain.fail(text) : spinner?.fail(text)),
    note: (text) => {
      if (lost()) return plain.note(text);
      if (spinner?.isSpinning) spinner.stopAndPersist({ symbol: "i", text });
      else stream.write(`i ${text}\n`);
    },
  };
}

/** Spinners only where a terminal can show them (ora loaded then, not at start-up); plain lines in CI logs,
 * pipes and width-less terminals. */
export async function progressFor(stream: NodeJS.WriteStream): Promise<Progress> {
  if (!canSpin(stream)) return plainProgress((line) => stream.write(`${line}\n`));
  const { default: ora } = await import("ora");
  return spinnerProgress(stream, ora);
}
