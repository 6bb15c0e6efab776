// Run one parsed command: call the library, render, write; return the exit code (the bin exits).
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { audit, type AuditOptions } from "../pipeline.js";
import { render } from "../report/index.js";
import { builtinRulesDir, loadRules } from "../evaluate/load-rules.js";
import { explainRule } from "../evaluate/score.js";
import { STATIC_EXTRACTORS } from "../extract/extractors/index.js";
import { STAGE_FAMILIES } from "../stage-families.js";
import { badInput, EXIT } from "../model/errors.js";
import { TOOL_VERSION } from "../io/package.js";
import { CONFIG_TEMPLATE } from "../config/template.js";
import { ledgerCommand } from "./ledger-command.js";
import { progressFor, silentProgress } from "./progress.js";
import type { AuditArgs, CliArgs } from "./args.js";

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
  }
}

function rulesCommand(action: "list" | "explain" | "facts", id?: string): string {
  const rules = loadRules([builtinRulesDir()]);
  if (action === "explain") {
    const rule = rules.find((r) => r.id === id);
    if (!rule) throw badInput(`no rule '${id}'`, "Run repro-audit rules list to see the rule ids");
    return `${explainRule(rule)}\n`;
  }
  if (action === "facts") {
    const families = [
      ...STATIC_EXTRACTORS.map((e) => ({ id: e.id, description: e.description, fields: e.fields })),
      ...STAGE_FAMILIES,
    ];
    return families
      .map((f) => [`${f.id}: ${f.description}`, ...Object.entries(f.fields).map(([k, v]) => `  ${k}: ${v}`)].join("\n"))
      .join("\n\n")
      .concat("\n");
  }
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
    const { command: _command, source, ref, format: _format, out, config, trustRepo, cacheDir, debug: _debug, ...flags } = args;
    if (flags.data) flags.data = flags.data.map((d) => ({ host: resolve(d.host), container: d.container }));
    const options: AuditOptions = { ...flags, source, progress, signal: controller.signal };
    const optional: Partial<AuditOptions> = { ref, configFile: config, cacheDir, trustRepo, outDir: out ? resolve(out, "..") : undefined };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) (options as unknown as Record<string, unknown>)[key] = value;

    const { report, rules, settings } = await audit(options);
    const color = args.format === "text" && !args.out && io.stdout.isTTY === true && !process.env.NO_COLOR;
    const text = render(report, args.format, { color, rules });
    if (args.out) {
      writeFileSync(args.out, text);
      io.stderr.write(`report written to ${args.out}\n`);
    } else io.stdout.write(text.endsWith("\n") ? text : `${text}\n`);

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
