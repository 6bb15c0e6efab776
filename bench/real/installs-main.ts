// `npm run bench:installs -- [folder of checkouts] [--index-url URL] [--repo OWNER+NAME]... [--no-fawltydeps]`:
// audit each mirror (<owner>+<name>) with `--stages static,resolve` (the built CLI, one process per repo) and
// print which specs resolve, which fail and why, beside FawltyDeps' floor; then the totals. A mirror may be a
// checkout or a folder holding a bare clone in repo/ (audited as HEAD's files); a repo whose audit fails is a row. No folder, or no mirrors in it (as in CI): says so, exit 0.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PACKAGE_ROOT } from "../../src/io/package.js";
import type { FactRecord, Facts } from "../../src/model/facts.js";
import { ensureFawltyDeps, timeFawltyDeps } from "./fawltydeps.js";
import { fawltyFloor } from "./fawlty-floor.js";
import { bareCloneOf, checkoutOf, listMirrors } from "./mirrors.js";
import { renderInstalls, specOutcomes, type InstallRow } from "./installs.js";
import type { BenchFinding } from "./match.js";

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");
const USAGE =
  "usage: npm run bench:installs -- [folder of checkouts] [--index-url URL] [--repo OWNER+NAME]... [--no-fawltydeps]";

interface Args {
  folder: string;
  indexUrl: string | null;
  repos: string[];
  fawltydeps: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { folder: "", indexUrl: null, repos: [], fawltydeps: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => argv[++i] ?? fail(`${a} needs a value`);
    if (a === "--index-url") args.indexUrl = value();
    else if (a === "--repo") args.repos.push(value());
    else if (a === "--no-fawltydeps") args.fawltydeps = false;
    else if (a.startsWith("-")) fail(`unknown option ${a}`);
    else args.folder = a;
  }
  return args;
}

function fail(why: string): never {
  console.error(`bench:installs: ${why}\n${USAGE}`);
  process.exit(2);
}

/** Audit one mirror with the resolve stage: its spec outcomes, findings and imports, from the saved report and facts. */
function auditInstalls(repo: string, indexUrl: string | null): { facts: Facts; findings: BenchFinding[] } {
  const dir = mkdtempSync(join(tmpdir(), "repro-audit-bench-installs-"));
  try {
    const out = join(dir, "report.json");
    const factsFile = join(dir, "facts.json");
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        "audit",
        repo,
        "--stages",
        "static,resolve",
        "--format",
        "json",
        "--out",
        out,
        "--facts",
        factsFile,
        ...(indexUrl ? ["--index-url", indexUrl] : []),
      ],
      {
        encoding: "utf8",
        timeout: 1_800_000,
        maxBuffer: 1 << 26,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    if (run.status !== 0)
      throw new Error(
        `repro-audit exited ${run.status ?? run.signal} on ${repo}: ${(run.stderr || run.stdout).trim().split("\n").pop() ?? ""}`,
      );
    const report = JSON.parse(readFileSync(out, "utf8")) as { findings: BenchFinding[] };
    return {
      facts: (JSON.parse(readFileSync(factsFile, "utf8")) as { facts: Facts }).facts,
      findings: report.findings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const folder = args.folder ? resolve(args.folder) : "";
  const mirrors = listMirrors(folder, args.repos);
  if (mirrors.length === 0) {
    console.log(
      `bench:installs: no mirrors (<owner>+<name> folders) ${folder ? `in ${folder}` : "named"}: nothing to audit, skipped`,
    );
    return;
  }
  const fd = args.fawltydeps ? ensureFawltyDeps((l) => console.error(l)) : null;
  if (fd && "error" in fd) console.error(`FawltyDeps not run: ${fd.error}`);
  const rows: InstallRow[] = [];
  for (const name of mirrors) {
    process.stderr.write(`resolving ${name} ...\n`);
    const repo = join(folder, name);
    // A mirror holds a bare clone in repo/ (audited as a file:// URL, every branch listed); a checkout is audited as it stands.
    const bare = bareCloneOf(repo);
    const isBare = bare !== null;
    // A bare mirror is audited as HEAD's files (what installs is the question, not its branches).
    const tree = bare ? checkoutOf(bare, { prefix: "repro-audit-bench-installs-tree-" }) : repo;
    let audited: ReturnType<typeof auditInstalls>;
    try {
      audited = auditInstalls(tree, args.indexUrl);
    } catch (error) {
      rows.push({ name, specs: { notAssessed: `the audit failed: ${(error as Error).message}` }, fawlty: null });
      continue;
    } finally {
      if (isBare) rmSync(tree, { recursive: true, force: true });
    }
    const { facts, findings } = audited;
    const notCollected = facts.notCollected["spec-resolution"];
    // FawltyDeps reads files: it runs on checkouts only.
    const fawlty = fd && "bin" in fd && !isBare ? timeFawltyDeps(fd.bin, repo) : null;
    const imports: FactRecord[] = facts.families.imports ?? [];
    rows.push({
      name,
      specs: notCollected ? { notAssessed: notCollected } : specOutcomes(facts.families["spec-resolution"] ?? []),
      fawlty: fawlty?.names ? fawltyFloor(fawlty.names, findings, imports) : null,
    });
  }
  console.log(renderInstalls(rows));
}

main();
