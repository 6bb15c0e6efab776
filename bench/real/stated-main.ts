// `npm run bench:stated -- <folder of checkouts>`: the static estimate of each repo whose README states its
// hardware and training time (labels/stated-compute.json), beside the stated GPU-hours. Each checkout is
// `<folder>/<owner>+<name>` at the label's commit; it is audited with the built CLI (`--stages static
// --gpu-model <the stated GPU>`), one process per repo. Prints the figures whatever they are; `--rows` also prints
// each training row and where its values were read.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PACKAGE_ROOT } from "../../src/io/package.js";
import type { Prediction } from "../../src/model/carbon.js";
import {
  parseStatedLabels,
  renderRowReadings,
  renderStated,
  statedFigures,
  statedRow,
  type EstimatedCompute,
  type StatedLabel,
  type StatedRow,
} from "./stated-compute.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** The labels live beside the sources, not in dist/. */
const LABELS = [
  join(HERE, "labels", "stated-compute.json"),
  join(HERE, "..", "..", "..", "bench", "real", "labels", "stated-compute.json"),
].find((p) => existsSync(p));
const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");

function estimateOf(
  dir: string,
  label: StatedLabel,
): { estimate: EstimatedCompute | null; missing: string | null; commit: string | null } {
  const tmp = mkdtempSync(join(tmpdir(), "repro-audit-bench-stated-"));
  try {
    const out = join(tmp, "report.json");
    const run = spawnSync(
      process.execPath,
      [CLI, "audit", dir, "--stages", "static", "--format", "json", "--out", out, "--gpu-model", label.gpuModel],
      {
        encoding: "utf8",
        timeout: 900_000,
        maxBuffer: 1 << 26,
        env: { ...process.env, NO_COLOR: "1" },
      },
    );
    if (run.status !== 0)
      return {
        estimate: null,
        missing: `the audit exited ${run.status ?? run.signal}: ${(run.stderr || run.stdout).trim().split("\n").pop() ?? ""}`,
        commit: null,
      };
    const report = JSON.parse(readFileSync(out, "utf8")) as {
      repo: { commit: string | null };
      carbon?: { prediction: Prediction | null };
      notes?: string[];
    };
    const p = report.carbon?.prediction;
    if (!p || p.basis !== "estimated") {
      const why =
        (report.notes ?? []).find((n) => n.startsWith("No carbon estimate")) ?? "no estimated prediction in the report";
      return { estimate: null, missing: why, commit: report.repo.commit };
    }
    const rows = p.trainings ?? [];
    return {
      estimate: {
        gpuHours: p.total.seconds / 3600,
        low: p.interval.low.seconds / 3600,
        high: p.interval.high.seconds / 3600,
        basis: p.coverage?.basis ?? "-",
        trainings: p.coverage?.trainings ?? rows.length,
        guessed: p.coverage?.guessed ?? rows.filter((r) => r.guessed.length > 0).length,
        rows: rows.map((r) => ({
          label: `${r.label} (${r.role})`,
          architecture: r.architecture,
          inputSize: r.inputSize,
          images: r.images,
          epochs: r.epochs,
          runs: r.runs,
          gpuHours: r.total.seconds / 3600,
          sources: r.sources,
          guessed: r.guessed,
          values: p.factors
            .filter((f) => rows.length === 1 || f.name.startsWith(`${r.label}: `))
            .map((f) => `${f.name.slice(f.name.indexOf(": ") + 2 || 0)} = ${f.value} ${f.unit} (${f.source})`),
        })),
      },
      missing: null,
      commit: report.repo.commit,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function main(): void {
  const args = process.argv.slice(2);
  const folder = args.find((a) => !a.startsWith("--"));
  if (!folder || !LABELS) {
    process.stderr.write(
      "usage: npm run bench:stated -- <folder holding <owner>+<name> checkouts of the labelled repos>\n",
    );
    process.exit(2);
  }
  const only = args.flatMap((a, i) => (a === "--repo" && args[i + 1] ? [args[i + 1]!] : []));
  const labels = parseStatedLabels(JSON.parse(readFileSync(LABELS, "utf8"))).filter(
    (l) => only.length === 0 || only.includes(l.repo.replace("/", "+")),
  );
  const rows: StatedRow[] = [];
  for (const label of labels) {
    const dir = resolve(folder, label.repo.replace("/", "+"));
    if (!existsSync(dir)) {
      rows.push(statedRow(label, null, `no checkout at ${dir}`));
      continue;
    }
    process.stderr.write(`auditing ${label.repo} ...\n`);
    const got = estimateOf(dir, label);
    if (got.commit && got.commit !== label.commit)
      process.stderr.write(
        `note: ${label.repo} is at ${got.commit.slice(0, 12)}, the label read ${label.commit.slice(0, 12)}\n`,
      );
    rows.push(statedRow(label, got.estimate, got.missing));
  }
  const figures = statedFigures(rows);
  // `--rows`: each repo's trainings and the lines their values were read from, before the table.
  if (args.includes("--rows")) process.stdout.write(renderRowReadings(figures) + "\n\n");
  process.stdout.write(renderStated(figures) + "\n");
}

main();
