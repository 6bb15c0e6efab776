// Run one parsed command: each command's module is loaded only when it runs, so --help, --version and a
// static audit do not pay for the stages they never use. Returns the exit code (the bin exits).
import { EXIT } from "../model/errors.js";
import type { CliArgs } from "./args.js";
import type { Io } from "./report-output.js";

export type { Io };

export async function runCommand(args: Exclude<CliArgs, { command: "help" }>, io: Io): Promise<number> {
  switch (args.command) {
    case "version": {
      const { TOOL_VERSION } = await import("../io/package.js");
      io.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.ok;
    }
    case "init": {
      const { initCommand } = await import("./init-command.js");
      initCommand(args, (text) => io.stdout.write(text));
      return EXIT.ok;
    }
    case "cache": {
      const { cacheCommand } = await import("./cache-command.js");
      io.stdout.write(cacheCommand(args.cacheDir));
      return EXIT.ok;
    }
    case "ledger": {
      const { ledgerCommand } = await import("./ledger-command.js");
      io.stdout.write(await ledgerCommand(args.format));
      return EXIT.ok;
    }
    case "rules": {
      const { rulesCommand } = await import("./rules-command.js");
      io.stdout.write(rulesCommand(args.action, args.id, args.format));
      return EXIT.ok;
    }
    case "report": {
      const { reportCommand } = await import("./report-command.js");
      return reportCommand(args, io);
    }
    case "judge": {
      const { judgeCommand } = await import("./judge-command.js");
      return judgeCommand(args, io);
    }
    // Parsed and loaded only when they run: the batch's modules (vega among them) would slow every other start.
    case "batch":
    case "merge": {
      const { parseBatchArgs, parseMergeArgs } = await import("./batch-args.js");
      const parsed = args.command === "batch" ? parseBatchArgs(args.argv) : parseMergeArgs(args.argv);
      if (parsed.command === "help") {
        const { USAGE } = await import("./usage.js");
        io.stdout.write(`${USAGE}\n`);
        return EXIT.ok;
      }
      const batch = await import("./batch-command.js");
      return parsed.command === "batch" ? batch.batchCommand(parsed, io) : batch.mergeCommand(parsed, io);
    }
    case "lock": {
      const { lockCommand } = await import("./lock-command.js");
      return lockCommand(args, io);
    }
    case "requirements": {
      const { requirementsCommand } = await import("./requirements-command.js");
      return requirementsCommand(args, io);
    }
    case "audit": {
      const { auditCommand } = await import("./audit-command.js");
      return auditCommand(args, io);
    }
  }
}
