// The bench's printed table: per repo and rule, then the figures beside their goals. Pure.
import { DEFECT_KINDS } from "./labels.js";
import { GOALS, type RepoFigures, type Summary } from "./figures.js";

const pct = (x: number | null) => (x === null ? "-" : `${Math.round(x * 100)}%`);
const sec = (x: number | null | undefined) => (x == null ? "-" : x.toFixed(2));
const pad = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + "…" : s.padEnd(n));
const lpad = (s: string, n: number) => s.padStart(n);
const met = (ok: boolean | null) => (ok === null ? "n/a" : ok ? "yes" : "NO");

function place(p: { file: string | null; line?: number | null; cell?: number; cellLine?: number }): string {
  const at = p.cell !== undefined ? ` cell ${p.cell}:${p.cellLine}` : p.line != null ? `:${p.line}` : "";
  return `${p.file ?? "(repo)"}${at}`;
}

export function renderRepos(repos: readonly RepoFigures[], verbose: boolean): string {
  const lines: string[] = [];
  lines.push(
    `${pad("repo", 44)} ${lpad("findings", 8)} ${lpad("err/warn/info", 14)} ${lpad("score", 5)} ${lpad("review", 6)} ${lpad("audit s", 7)} ${lpad("fawlty s", 8)} ${lpad("ratio", 5)}  ${pad("precision (correct/read)", 24)} ${pad("recall", 14)} stale`,
  );
  for (const r of repos) {
    const l = r.labels;
    const fd = r.fawltydeps && !r.fawltydeps.error ? r.fawltydeps.seconds : null;
    const recallFound = l ? DEFECT_KINDS.reduce((s, k) => s + l.defects[k].found, 0) : 0;
    const recallAll = l ? DEFECT_KINDS.reduce((s, k) => s + l.defects[k].labelled, 0) : 0;
    const sev = `${r.bySeverity.error}/${r.bySeverity.warning}/${r.bySeverity.info}`;
    const precision = l
      ? `${pct(l.precision)} (${l.correct}/${l.read})${l.precision !== null && l.precision < GOALS.precision ? " below" : ""}`
      : "not labelled";
    const recall = l ? `${pct(recallAll ? recallFound / recallAll : null)} (${recallFound}/${recallAll})` : "";
    lines.push(
      `${pad(r.name, 44)} ${lpad(String(r.findings), 8)} ${lpad(sev, 14)} ${lpad(String(r.total ?? "-"), 5)} ${lpad(l ? String(l.reviewer) : "-", 6)} ${lpad(sec(r.seconds), 7)} ${lpad(sec(fd), 8)} ${lpad(fd ? (r.seconds / fd).toFixed(1) : "-", 5)}  ${pad(precision, 24)} ${pad(recall, 14)} ${l ? l.stale.length : ""}`,
    );
    const rules = Object.entries(r.byRule).sort((a, b) => b[1].findings - a[1].findings || a[0].localeCompare(b[0]));
    const ruleText = rules
      .map(([id, c]) => `${id} ${c.findings}${c.occurrences !== c.findings ? ` (${c.occurrences} places)` : ""}`)
      .join(", ");
    lines.push(`    rules: ${ruleText || "none"}`);
    if (r.grepFloor) {
      lines.push(
        `    grep floor: ${r.grepFloor.uncovered.length} of ${r.grepFloor.hits} quoted machine paths not covered by a finding`,
      );
      for (const h of r.grepFloor.uncovered) lines.push(`      ${place(h)} ${h.value}`);
    }
    if (r.fawltyFloor) {
      const misses = r.fawltyFloor.unnamed.filter((e) => e.reason === null).length;
      lines.push(
        `    fawltydeps floor: ${r.fawltyFloor.unnamed.length} of ${r.fawltyFloor.reported} undeclared imports FawltyDeps reports not named by a finding; ${misses} miss(es)`,
      );
      for (const e of r.fawltyFloor.unnamed)
        lines.push(`      ${e.name} (${e.distribution}) ${e.at ?? "-"}: ${e.reason ?? "miss"}`);
    }
    if (l) {
      const kinds = DEFECT_KINDS.filter((k) => l.defects[k].labelled > 0).map(
        (k) => `${k} ${l.defects[k].found}/${l.defects[k].labelled}`,
      );
      if (kinds.length > 0) lines.push(`    defects found: ${kinds.join(", ")}`);
      if (r.fawltydeps?.error) lines.push(`    fawltydeps: ${r.fawltydeps.error}`);
      const shown = verbose ? l.missed : [];
      for (const d of shown) lines.push(`    missed ${d.kind} ${place(d)}: ${d.what}`);
      for (const w of verbose ? l.wrong : []) lines.push(`    wrong ${w.rule} ${place(w)}: ${w.why}`);
      if (verbose && l.unread.length)
        lines.push(
          `    unread ${l.unread.length}: ${l.unread.map((u) => `${u.rule} ${u.file ?? "(repo)"}${u.line ? `:${u.line}` : ""}`).join(", ")}`,
        );
      for (const s of verbose ? l.stale : []) lines.push(`    stale ${s.verdict} label ${s.rule} ${place(s)}`);
    }
  }
  return lines.join("\n");
}

export function renderSummary(s: Summary): string {
  const rows: Array<[string, string, string, string]> = [];
  const perRepo = s.precisionAtGoal.of === 0 ? null : s.precisionAtGoal.repos === s.precisionAtGoal.of;
  rows.push([
    "precision per labelled repo",
    `${s.precisionAtGoal.repos}/${s.precisionAtGoal.of} repos at goal`,
    `>= ${pct(GOALS.precision)} each`,
    met(perRepo),
  ]);
  rows.push(["precision, pooled over labelled repos", pct(s.precision), "", ""]);
  rows.push([
    "recall of hand-found defects",
    pct(s.recall),
    `>= ${pct(GOALS.recall)}`,
    met(s.recall === null ? null : s.recall >= GOALS.recall),
  ]);
  for (const k of DEFECT_KINDS) {
    const r = s.recallByKind[k];
    rows.push([`  ${k}`, `${pct(r.recall)} (${r.found}/${r.labelled})`, "", ""]);
  }
  rows.push([
    "median findings per repo",
    s.medianFindings === null ? "-" : String(s.medianFindings),
    `<= ${GOALS.medianFindings}`,
    met(s.medianFindings === null ? null : s.medianFindings <= GOALS.medianFindings),
  ]);
  rows.push([
    "audit time / FawltyDeps time, median",
    s.timeRatioMedian === null
      ? "-"
      : `${s.timeRatioMedian.toFixed(2)}x (${s.timeAtGoal.repos}/${s.timeAtGoal.of} repos at goal)`,
    `<= ${GOALS.timeRatio}x each`,
    met(s.timeAtGoal.of === 0 ? null : s.timeAtGoal.repos === s.timeAtGoal.of),
  ]);
  rows.push([
    "  the static stage alone, median",
    s.staticRatioMedian === null ? "-" : `${s.staticRatioMedian.toFixed(2)}x`,
    "",
    "",
  ]);
  rows.push([
    `rank correlation, tool vs reviewer (n=${s.labelled})`,
    s.spearman === null ? "-" : s.spearman.toFixed(2),
    `>= ${GOALS.spearman}`,
    met(s.spearman === null ? null : s.spearman >= GOALS.spearman),
  ]);
  rows.push(["stale labels (match no finding today)", String(s.stale), "", ""]);
  const width = Math.max(...rows.map((r) => r[0].length));
  const out = [`${"figure".padEnd(width)}  ${"today".padEnd(34)} ${"goal".padEnd(14)} met`];
  for (const [what, figure, goal, ok] of rows)
    out.push(`${what.padEnd(width)}  ${figure.padEnd(34)} ${goal.padEnd(14)} ${ok}`);
  return out.join("\n");
}
