// Progress on stderr: ora spinners per stage in a terminal, plain lines otherwise (CI logs, pipes).
import ora, { type Ora } from "ora";
import type { Progress } from "../model/progress.js";

export { silentProgress, type Progress } from "../model/progress.js";

export function plainProgress(write: (line: string) => void): Progress {
  let current = "";
  return {
    start(stage, text) {
      current = stage;
      write(`[${stage}] ${text}`);
    },
    succeed: (text) => write(`[${current}] done: ${text}`),
    skip: (text) => write(`[${current}] skipped: ${text}`),
    fail: (text) => write(`[${current}] failed: ${text}`),
    note: (text) => write(`note: ${text}`),
  };
}

export function spinnerProgress(stream: NodeJS.WriteStream): Progress {
  let spinner: Ora | undefined;
  return {
    start(stage, text) {
      spinner?.stop();
      spinner = ora({ text: `${stage}: ${text}`, stream }).start();
    },
    succeed: (text) => spinner?.succeed(text),
    skip: (text) => spinner?.info(`skipped: ${text}`),
    fail: (text) => spinner?.fail(text),
    note: (text) => {
      if (spinner?.isSpinning) spinner.stopAndPersist({ symbol: "i", text });
      else stream.write(`i ${text}\n`);
    },
  };
}

/** Spinners only when stderr is a terminal; plain lines in CI logs and pipes. */
export function progressFor(stream: NodeJS.WriteStream): Progress {
  return stream.isTTY && !process.env.CI ? spinnerProgress(stream) : plainProgress((line) => stream.write(`${line}\n`));
}
