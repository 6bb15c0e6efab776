// Run one parsed command: call the library, render, write; return the exit code (the bin exits).
import { resolve } from "node:path";
import { audit, type AuditOptions } from "../pipeline.js";
import { render } from "../report/index.js";
import { builtinRulesDir, loadRules, ruleFolders } from "../evaluate/load-rules.js";
import { assembleReport } from "../evaluate/assemble.js";
import { parseSavedFacts, savedFacts } from "../evaluate/saved-facts.js";
import { readConfig } from "../config/config.js";
import { resolveSettings } from "../config/resolve.js";
import { readRegularFile } from "../io/safe-file.js";
import { explainRule } from "../evaluate/score.js";
import { describeFamilies } from "../evaluate/fact-schemas.js";
import { badInput, EXIT } from "../model/errors.js";
import { TOOL_VERSION } from "../io/package.js";
import { CONFIG_TEMPLATE } from "../config/template.js";
import { ledgerCommand } from "./ledger-command.js";
import { progressFor, silentProgress } from "./progress.js";
import { checkOutPath, writeOut, type OutTarget } from "./out-paths.js";
import type { AuditArgs, CliArgs, JudgeArgs } from "./args.js";

/** Saved facts of a large repo run to tens of MB; more is not a facts file. */
const MAX_FACTS_BYTES = 512 * 1024 * 1024;

export interface Io {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export async function runCommand(args: Exclude<CliArgs, { command: "help" }>, io: Io): Promise<number> {
  switch (args.command) {
    case "version":
      io.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.ok;
    case "init":
      io.stdout.write(CONFIG_TEMPLATE);
      return EXIT.ok;
    case "ledger":
      io.stdout.write(await ledgerCommand(args.format));
      return EXIT.ok;
    case "rules":
      io.stdout.write(rulesCommand(args.action, args.id));
      return EXIT.ok;
    case "audit":
      return auditCommand(args, io);
    // Loaded on demand: the batch's modules (vega among them) would slow every other command's start.
    case "batch":
      return (await import("./batch-command.js")).batchCommand(args, io);
    case "merge":
      return (await import("./batch-command.js")).mergeCommand(args, io);
    case "judge":
      return judgeCommand(args, io);
  }
}

/** Judge saved facts again with the built-in rules and the user's config, and render the report. */
function judgeCommand(args: JudgeArgs, io: Io): number {
  const target = args.out ? checkOutPath(args.out) : undefined;
  const read = readRegularFile(args.factsFile, MAX_FACTS_BYTES);
  if (!read.ok) throw badInput(`facts file ${args.factsFile} ${read.problem}`, "Pass a file written by repro-audit audit --facts FILE");
  const saved = parseSavedFacts(args.factsFile, read.text);
  const config = args.config ? readConfig(args.config) : undefined;
  const resolved = resolveSettings({ flags: {}, ...(config && args.config ? { user: { config, file: args.config } } : {}) });
  const rules = loadRules(ruleFolders(resolved.rules, process.cwd())).filter((r) => !resolved.disable.includes(r.id));
  const report = assembleReport(saved.record, saved.facts, rules);
  writeReport(render(report, args.format, { color: args.format === "text" && !args.out && io.stdout.isTTY === true && !process.env.NO_COLOR, rules }), target, io);
  return EXIT.ok;
}

function writeReport(text: string, target: OutTarget | undefined, io: Io): void {
  if (target) {
    writeOut(target, text);
    io.stderr.write(`report written to ${target.report}\n`);
  } else io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
}

function rulesCommand(action: "list" | "explain" | "facts", id?: string): string {
  const rules = loadRules([builtinRulesDir()]);
  if (action === "explain") {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw badInput(`no rule '${id}'`, "Run repro-audit rules list to see the rule ids");
    return `${explainRule(rule)}\n`;
  }
  if (action === "facts") return describeFamilies();
  const width = Math.max(...rules.map((r) => r.id.length));
  return rules.map((r) => `${r.id.padEnd(width)}  ${r.category.padEnd(12)} ${r.severity.padEnd(7)} w${r.weight}  ${r.title}`).join("\n").concat("\n");
}

async function auditCommand(args: AuditArgs, io: Io): Promise<number> {
  const controller = new AbortController();
  // First Ctrl-C: stop the stages, which remove their containers. A second one: leave at once.
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // Only the report goes to stdout; progress goes to stderr (and is silent when stderr is not wanted).
  const progress = args.format === "text" || io.stderr.isTTY ? progressFor(io.stderr) : silentProgress;
  try {
    const { command: _command, source, ref, format: _format, out, config, trustRepo, cacheDir, facts: factsFile, debug: _debug, ...flags } = args;
    const target = out ? checkOutPath(out) : undefined;
    const factsTarget = factsFile ? checkOutPath(factsFile, "--facts") : undefined;
    if (flags.data) flags.data = flags.data.map((d) => ({ host: resolve(d.host), container: d.container }));
    const options: AuditOptions = { ...flags, source, progress, signal: controller.signal };
    const optional: Partial<AuditOptions> = { ref, configFile: config, cacheDir, trustRepo, outDir: target?.filesDir };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (options as unknown as Record<string, unknown>)[key] = value;

    const { report, record, facts, rules, settings } = await audit(options);
    if (factsTarget) writeOut(factsTarget, `${JSON.stringify(savedFacts(record, facts))}\n`);
    const color = args.format === "text" && !args.out && io.stdout.isTTY === true && !process.env.NO_COLOR;
    writeReport(render(report, args.format, { color, rules }), target, io);

    const failUnder = settings.failUnder?.value;
    if (failUnder !== undefined && (report.score.total ?? 0) < failUnder) {
      io.stderr.write(`repro-audit: score ${report.score.total ?? "n/a"} is below --fail-under ${failUnder}\n`);
      return EXIT.belowThreshold;
    }
    return EXIT.ok;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
