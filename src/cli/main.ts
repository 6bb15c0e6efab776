#!/usr/bin/env node
// The bin: the only place that writes to stdout/stderr for the user and exits, with documented codes.
import { oneLine, exitCodeOf } from "../model/errors.js";
import { parseCli } from "./args.js";
import { usageOf } from "./usage.js";
import { runCommand } from "./run-command.js";

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes("--debug");
  try {
    const args = parseCli(argv);
    if (args.command === "help") {
      process.stdout.write(`${usageOf(args.topic)}\n`);
      return 0;
    }
    return await runCommand(args, { stdout: process.stdout, stderr: process.stderr });
  } catch (error) {
    process.stderr.write(`${oneLine(error)}\n`);
    if (debug && error instanceof Error)
      process.stderr.write(
        `${error.stack ?? ""}\n${error.cause instanceof Error ? `cause: ${error.cause.stack}\n` : ""}`,
      );
    return exitCodeOf(error);
  }
}

process.exitCode = await main(process.argv.slice(2));
