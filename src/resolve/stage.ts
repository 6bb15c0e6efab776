// The resolve stage: ask a real resolver (uv) whether each environment spec installs for the Python it
// states, from the index the build uses. No resolver, or no index: the family is not collected.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FactRecord, Facts } from "../model/facts.js";
import type { RepoView } from "../model/repo-view.js";
import { RANGE_PYTHONS, specsToResolve, type SpecToResolve } from "./resolver-input.js";
import { allowsPython } from "../provision/python-version.js";
import type { ResolverAnswer } from "./resolver-output.js";
import { findUv, uvCompile } from "./uv.js";
import { readAnnotatedPins, type LockedPin } from "./lock.js";
import { transitiveImports } from "./transitive-imports.js";
import { syncedSpecs } from "./synced-specs.js";
import { indexProjects, projectVersions, releaseFiles } from "./index-pages.js";
import { ALL_LEFT_OUT, askLeavingOut, type SettledAnswer } from "./leave-out.js";
import { lineMissingEverywhere, withoutLineWords } from "./missing-everywhere.js";
import { problemsBehind } from "./behind-first.js";
import { CALL_TIMEOUT_MS, isLimited, pythonRanges, resolveBudget, type ResolveBudget } from "./budget.js";
import { eraPython } from "./era-python.js";
import { DEFAULT_RESOLVE_BUDGET_SECONDS } from "../model/time.js";
import {
  didYouMean,
  isStdlibName,
  meantNames,
  missingIn,
  normalizeName,
  unresolvableCause,
} from "./unresolvable-cause.js";

/** Pythons tried, oldest first, when a spec states none and the default has no wheels for it; 3.6, the oldest uv
 * resolves for, last: a freeze of its era (wheels for cp36 only) installs there, and a newer spec is never judged
 * on it while a newer Python installs it. */
const PYTHONS = ["3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.6"];
/** The same Pythons in version order, for the words. */
const PYTHONS_IN_ORDER = [...PYTHONS].sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
/** Python 3.6's release: a commit before it was made for an older Python, which uv cannot resolve for. */
const UV_OLDEST_RELEASED = "2016-12-23";

/** uv refuses to resolve for an older Python ("Python <3.6 is not supported"): such a spec is not assessed. */
const UV_OLDEST_PYTHON = [3, 6] as const;
const UV_FLOOR = `uv resolves only for Python >= ${UV_OLDEST_PYTHON.join(".")}`;
const beforeUvFloor = (python: string) => {
  const [major = 0, minor = 0] = python.split(".").map(Number);
  return major < UV_OLDEST_PYTHON[0] || (major === UV_OLDEST_PYTHON[0] && minor < UV_OLDEST_PYTHON[1]);
};
/** A repo with more specs than this has the rest left out (said in a note). */
const MAX_SPECS = 8;

export interface ResolveInput {
  facts: Facts;
  view: RepoView;
  indexUrl: string;
  /** Only releases uploaded before this moment (ISO 8601): the audited commit's date for a lock. */
  excludeNewer?: string;
  /** The audited commit's date (ISO 8601), when known: the era of a spec that states no Python. */
  committedAt?: string | null;
  /** A resolver other than the one found (tests). */
  uv?: string | null;
  /** The stage's time, in seconds (default DEFAULT_RESOLVE_BUDGET_SECONDS), or a budget of the caller's (tests). */
  budget?: number | ResolveBudget;
  signal?: AbortSignal;
}

export interface ResolveOutcome {
  /** The family's records, or null with why it could not be collected. */
  records: FactRecord[] | null;
  notCollected?: string;
  notes: string[];
  /** Each spec with the resolver's answer, for the lock. */
  answers: Array<{ spec: SpecToResolve; python: string; answer: ResolverAnswer }>;
  /** What the budget left unjudged, in one sentence for the stage's status; absent when it did not run out. */
  limited?: string;
}

export async function resolveStep(input: ResolveInput): Promise<ResolveOutcome> {
  const notes: string[] = [];
  const specs = specsToResolve(input.facts, input.view);
  if (specs.length > MAX_SPECS)
    notes.push(`Resolver: ${specs.length - MAX_SPECS} spec(s) beyond the first ${MAX_SPECS} were not resolved.`);
  const uv = input.uv === undefined ? await findUv() : input.uv;
  if (!uv)
    return {
      records: null,
      notCollected: "no resolver: uv was not found (scripts/ensure-uv.sh installs it, or set REPRO_AUDIT_UV)",
      notes,
      answers: [],
    };
  const budget =
    typeof input.budget === "object" ? input.budget : resolveBudget(input.budget ?? DEFAULT_RESOLVE_BUDGET_SECONDS);
  // Per spec, what the budget (or the spec's cap of calls) left unjudged: the stage's status says it.
  const limits: string[] = [];
  // Per spec, the Pythons the budget left unasked, said beside a reason that does not say it already.
  const pythonsLeft = new Map<string, string>();
  const eraPy = eraPython(input.committedAt);
  const cacheDir = await mkdtemp(join(tmpdir(), "repro-audit-uv-cache-"));
  const records: FactRecord[] = [];
  const answers: ResolveOutcome["answers"] = [];
  // The index's project list, read at most once per audit (and only when a reason names a missing project).
  let list: Promise<string[] | null> | null = null;
  const tooOld: string[] = [];
  const projects = () => (list ??= indexProjects(input.indexUrl, input.signal));
  const closures = new WeakMap<ResolverAnswer, LockedPin[]>();
  const synced = syncedSpecs(commandLines(input), (path) => input.view.has(path));
  try {
    for (const spec of specs.slice(0, MAX_SPECS)) {
      for (const s of spec.skipped) notes.push(`Resolver: ${s.file}:${s.line} left out: ${s.why}.`);
      for (const s of spec.notAsked) notes.push(`Resolver: ${s.file}:${s.line} not asked: ${s.why}.`);
      for (const l of spec.lines)
        if (l.rewritten) notes.push(`Resolver: ${l.file}:${l.line} asked as ${l.requirement} (${l.rewritten}).`);
      if (spec.lines.length === 0) {
        records.push(notAssessedRecord(spec));
        continue;
      }
      // Lines the resolver can judge only by building them, or cannot read, are left out (said) so the rest is judged.
      // Each call within the budget: given the time left as its limit, or not made (a limited answer stands for it).
      const compile = async (requirements: string[], python: string): Promise<ResolverAnswer> => {
        const granted = budget.grant(spec.file);
        if ("answer" in granted) return granted.answer;
        const { stdout, timedOut, ...answer } = await uvCompile({
          uv,
          requirements,
          python,
          indexUrl: input.indexUrl,
          cacheDir,
          annotate: true,
          timeoutMs: granted.timeoutMs,
          ...(input.excludeNewer ? { excludeNewer: input.excludeNewer } : {}),
          ...(input.signal ? { signal: input.signal } : {}),
        });
        // Stopped at the budget's end, not at the resolver's own limit: not judged, and not the index's fault.
        if (timedOut && granted.timeoutMs < CALL_TIMEOUT_MS) return budget.cut();
        // What needs each pin (uv's `# via` notes), kept beside the answer for the imports it brings in.
        if (answer.outcome === "resolved") closures.set(answer, readAnnotatedPins(stdout ?? ""));
        return answer;
      };
      const askLines = (lines: SpecToResolve["lines"], python: string): Promise<SettledAnswer> =>
        askLeavingOut(
          lines,
          (requirements) => compile(requirements, python),
          (name, version) => releaseFiles(input.indexUrl, name, version, input.signal),
          python,
        );
      // The Pythons the resolver answered for, and why the first one it did not (the budget, the spec's cap).
      const judgedOn = new Set<string>();
      let limitedWhy = "";
      const ask = async (python: string) => {
        const settled = await askLines(spec.lines, python);
        if (!isLimited(settled.answer)) judgedOn.add(python);
        else limitedWhy ||= settled.answer.reason;
        return settled;
      };
      // Requires-Python states lower bounds: pins that do not install on the oldest Python uv resolves for do not
      // on an older Python 3 either (torch==2.0.1 on a stated 3.5); what does install there is left not assessed.
      const oldest = UV_OLDEST_PYTHON.join(".");
      const floored = beforeUvFloor(spec.python.version);
      const onOldest = floored && spec.python.version.startsWith("3.") ? await ask(oldest) : null;
      if (onOldest && isLimited(onOldest.answer)) {
        limits.push(`${spec.file} not judged (${onOldest.answer.reason})`);
        records.push(resolutionRecord(spec, oldest, onOldest.answer));
        continue;
      }
      if (floored && onOldest?.answer.outcome !== "unresolvable") {
        tooOld.push(`the repo states Python ${spec.python.version} for ${spec.file} (${spec.python.source})`);
        records.push({
          ...resolutionRecord(spec, spec.python.version, { outcome: "not-assessed", offline: false, reason: UV_FLOOR }),
        });
        continue;
      }
      let python = onOldest ? oldest : spec.python.version;
      let settled = onOldest ?? (await ask(python));
      if (isLimited(settled.answer)) {
        limits.push(`${spec.file} not judged (${settled.answer.reason})`);
        records.push(resolutionRecord(spec, python, settled.answer));
        continue;
      }
      if (settled.answer.outcome === "not-assessed" && settled.answer.offline) {
        return {
          records: null,
          notCollected: `the index ${input.indexUrl} did not answer the resolver: ${settled.answer.reason}`,
          notes,
          answers,
        };
      }
      // A spec that states no Python is judged by whether any Python installs it; one that states a Python
      // the pins do not fit is told which Pythons they do fit.
      const installsOn: string[] = [];
      const notJudged: Array<{ python: string; answer: ResolverAnswer }> = [];
      const failures: Array<{ python: string; settled: SettledAnswer }> = [{ python, settled }];
      const defaultPython = python;
      const conflict = (s: SettledAnswer) =>
        s.answer.outcome === "unresolvable" && s.answer.resolutionClass === "python-conflict";
      const conflictOnFirst = conflict(settled);
      // A stated range (`>=3.5`) is judged on every Python it allows before the pins are said not to fit it.
      const { range } = spec.python;
      const tried = new Set([python]);
      // Pythons the budget left unasked (each ask after it runs out answers at once, making no call).
      const unasked: string[] = [];
      const rangeUnasked: string[] = [];
      if (range && conflict(settled))
        for (const other of RANGE_PYTHONS.filter(
          (p) => p !== python && allowsPython(range, p, { syntax: "stated", unreadable: false }),
        )) {
          tried.add(other);
          const retry = await ask(other);
          if (isLimited(retry.answer)) rangeUnasked.push(other);
          if (retry.answer.outcome !== "resolved") continue;
          [python, settled] = [other, retry];
          break;
        }
      if (conflict(settled) || (!spec.python.stated && settled.answer.outcome === "not-assessed")) {
        // The era's Python first: under a budget, the likeliest answer is judged before the time runs out. The
        // answer does not depend on the order: a stated spec asks every Python; one that states none is judged on
        // the first of PYTHONS that installs it, so once one does, only those before it are still asked.
        const others = PYTHONS.filter((p) => !tried.has(p));
        const order = eraPy && others.includes(eraPy) ? [eraPy, ...others.filter((p) => p !== eraPy)] : others;
        let found: { python: string; settled: SettledAnswer } | null = null;
        for (const other of order) {
          if (found && PYTHONS.indexOf(other) > PYTHONS.indexOf(found.python)) continue;
          const retry = await ask(other);
          if (isLimited(retry.answer)) unasked.push(other);
          else if (retry.answer.outcome === "not-assessed") notJudged.push({ python: other, answer: retry.answer });
          if (retry.answer.outcome === "unresolvable") failures.push({ python: other, settled: retry });
          if (retry.answer.outcome !== "resolved") continue;
          if (spec.python.stated) installsOn.push(other);
          else {
            found = { python: other, settled: retry };
            if (other !== eraPy) break;
          }
        }
        if (found) {
          installsOn.push(found.python);
          [python, settled] = [found.python, found.settled];
        }
      }
      // What the budget left unasked, in the words the report uses: "judged on Python 3.7-3.9; the resolve
      // budget (120 s) ran out before 3.10-3.13".
      const outOfBudget = (left: string[]) =>
        left.length === 0
          ? null
          : `judged on Python ${pythonRanges([...judgedOn], PYTHONS_IN_ORDER)}; ${limitedWhy} before ${pythonRanges(left, PYTHONS_IN_ORDER)}`;
      const budgetLeft = outOfBudget([...rangeUnasked, ...unasked]);
      if (budgetLeft) {
        limits.push(`${spec.file}: ${budgetLeft}`);
        pythonsLeft.set(spec.file, budgetLeft);
      }
      const order = (a: string, b: string) => PYTHONS_IN_ORDER.indexOf(a) - PYTHONS_IN_ORDER.indexOf(b);
      installsOn.sort(order);
      notJudged.sort((a, b) => order(a.python, b.python));
      // No Python installs it, and on some Python the resolver named a line the index lacks: that line is the cause
      // (it fails on every Python), said with whether the rest installs without it.
      const missing = conflict(settled) && installsOn.length === 0 ? lineMissingEverywhere(failures) : null;
      let restInstalls = false;
      if (missing) {
        // A missing release is missing on the stated Python too: the record keeps that Python, the answer is the line's.
        settled = missing.settled;
        if (!spec.python.stated) python = missing.python;
        const rest = settled.asked.filter((l) => l !== missing.line);
        restInstalls = rest.length > 0 && (await askLines(rest, python)).answer.outcome === "resolved";
      }
      if (!spec.python.stated && python !== defaultPython && !missing)
        notes.push(
          `Resolver: ${spec.file} states no Python and does not install on Python ${defaultPython} with wheels only; it does on Python ${python}${budgetLeft ? ` (${budgetLeft})` : ""}: state the Python.`,
        );
      // What the budget left unasked is not judged: a spec that states no Python, or a range, which no Python
      // asked installs is not assessed, never "cannot install" for Pythons no one tried.
      const unaskedLeft = spec.python.stated ? rangeUnasked : unasked;
      if (conflict(settled) && python === defaultPython && unaskedLeft.length > 0) {
        const none = [...judgedOn].filter((p) => !notJudged.some((n) => n.python === p));
        settled = {
          ...settled,
          answer: {
            outcome: "not-assessed",
            offline: false,
            reason: `it does not install on Python ${pythonRanges(none, PYTHONS_IN_ORDER)} with wheels only; ${limitedWhy} before ${pythonRanges(unaskedLeft, PYTHONS_IN_ORDER)}${spec.python.stated ? `, which ${spec.python.source} allows` : ""}`,
          },
        };
      }
      // No Python stated: only a spec that no Python of the window installs is unresolvable; one the resolver
      // could not judge on some Python is not assessed.
      else if (!spec.python.stated && conflictOnFirst && python === defaultPython && notJudged.length > 0)
        settled = { ...settled, answer: notJudgedAnswer(spec, notJudged) };
      // No Python stated, none of the window has every pin, and the commit predates them all: the spec was written
      // for an older Python, on which it was not judged. That is not "cannot install".
      const era = input.committedAt?.slice(0, 10);
      if (
        !spec.python.stated &&
        conflict(settled) &&
        installsOn.length === 0 &&
        era !== undefined &&
        era < UV_OLDEST_RELEASED
      )
        settled = { ...settled, answer: beforeWindowAnswer(era) };
      // Pins that conflict among themselves still install where the documented step syncs them as listed.
      const syncedBy = synced.get(spec.file);
      if (syncedBy && settled.answer.outcome === "unresolvable" && settled.answer.resolutionClass === "unresolvable")
        settled = {
          ...settled,
          answer: {
            outcome: "not-assessed",
            offline: false,
            reason: `${syncedBy} installs it with uv pip sync, which installs its pins as listed without resolving them; the resolver finds them inconsistent (${settled.answer.reason.slice(0, 200)})`,
          },
        };
      const { answer } = settled;
      for (const l of settled.leftOut) notes.push(`Resolver: ${l.file}:${l.line} left out: ${l.why}.`);
      const judged: SpecToResolve = {
        ...spec,
        lines: settled.asked,
        skipped: [...spec.skipped, ...settled.leftOut],
      };
      answers.push({ spec: judged, python, answer });
      const why =
        answer.outcome === "unresolvable"
          ? await causeOf(
              judged,
              python,
              answer,
              { installsOn, notJudged: notJudged.map((n) => n.python), budget: budgetLeft },
              input,
              projects,
            )
          : null;
      const closure = closures.get(answer);
      if (closure) records.push(...transitiveImports(spec.file, closure, input.facts.families["imports"] ?? []));
      const record = resolutionRecord(judged, python, answer);
      if (onOldest)
        record.pythonSource = `${String(record.pythonSource)}, judged on ${oldest}, the oldest Python uv resolves for`;
      // Installs on the era's Python, the Pythons before it in the window unasked: not said to be the oldest.
      if (!spec.python.stated && python !== defaultPython && budgetLeft)
        record.pythonSource = `a Python it installs on (the spec states none; ${budgetLeft})`;
      if (judged.skipped.length > 0) record.leftOut = judged.skipped.length;
      if (missing) {
        record.line = missing.line.line;
        if (!spec.python.stated)
          record.pythonSource =
            "the Python the resolver named the missing line on (the spec states none, and no Python installs it)";
      }
      const cause = missing ? withoutLineWords(why?.cause ?? null, missing, restInstalls ? python : null) : why?.cause;
      records.push({
        ...record,
        ...(cause ? { cause } : {}),
        ...(why?.meant.length ? { didYouMean: `; ${didYouMean(why.meant)}` } : {}),
      });
      // The resolver stops at the first line it cannot install: the others are found by asking without it.
      let behindCut = "";
      const askBehind = async (lines: SpecToResolve["lines"]) => {
        const next = await askLines(lines, python);
        if (isLimited(next.answer)) behindCut ||= next.answer.reason;
        return next;
      };
      if (answer.outcome === "unresolvable")
        for (const p of await problemsBehind(judged.lines, answer, askBehind)) {
          const rest: SpecToResolve = { ...judged, lines: p.asked };
          const cause = await causeOf(rest, python, p.answer, { installsOn: [], notJudged: [] }, input, projects);
          records.push({
            ...resolutionRecord(rest, python, p.answer),
            file: p.line.file,
            line: p.line.line,
            pythonSource: record.pythonSource,
            behind: p.behind,
            ...(cause.cause ? { cause: cause.cause } : {}),
            ...(cause.meant.length ? { didYouMean: `; ${didYouMean(cause.meant)}` } : {}),
          });
        }
      if (behindCut) {
        limits.push(`${spec.file}: the lines behind its first failure not all asked (${behindCut})`);
        notes.push(`Resolver: ${spec.file}: the lines behind its first failure were not all asked: ${behindCut}.`);
      }
    }
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
  // Every spec states a Python uv refuses: the rule is not assessed, and the report's rule status says why.
  if (tooOld.length > 0 && records.every((r) => r.reason === UV_FLOOR))
    return { records: null, notCollected: `${UV_FLOOR}: ${tooOld.join("; ")}`, notes, answers };
  // A spec the resolver could not judge is said, never read as installing; with none judged, nothing is.
  const unjudged = records.filter((r) => r.status === "not-assessed");
  const reasonOf = (r: FactRecord) => {
    const left = pythonsLeft.get(String(r.file));
    return left && !String(r.reason).includes(left.split("; ").at(-1)!) ? `${r.reason} (${left})` : r.reason;
  };
  if (unjudged.length > 0 && unjudged.length === records.length)
    return {
      records: null,
      notCollected: `no spec could be judged: ${unjudged.map((r) => `${r.file}: ${reasonOf(r)}`).join("; ")}`,
      notes,
      answers,
    };
  for (const r of unjudged) notes.push(`Resolver: ${r.file} not assessed: ${reasonOf(r)}.`);
  return { records, notes, answers, ...(limits.length > 0 ? { limited: `not all judged: ${limits.join("; ")}` } : {}) };
}

/** A spec that no Python of the window installs with wheels only, where the resolver could not judge some Pythons. */
function notJudgedAnswer(
  spec: SpecToResolve,
  notJudged: Array<{ python: string; answer: ResolverAnswer }>,
): ResolverAnswer {
  const unjudged = new Set(notJudged.map((n) => n.python));
  const first = notJudged[0]!.answer;
  const build = first.outcome === "not-assessed" ? first.needsBuild : undefined;
  const named =
    build &&
    spec.lines.every(
      (l) => normalizeName(/^[A-Za-z0-9][\w.-]*/.exec(l.requirement)?.[0] ?? "") !== normalizeName(build.name),
    );
  const why = named
    ? `${build.name}, which it requires, needs a source build`
    : first.outcome === "not-assessed"
      ? first.reason.slice(0, 160)
      : "";
  return {
    outcome: "not-assessed",
    offline: false,
    reason: `it does not install on Python ${PYTHONS_IN_ORDER.filter((p) => !unjudged.has(p)).join(", ")} with wheels only; on Python ${[...unjudged].join(", ")} the resolver could not judge it (${why})`,
  };
}

/** The README's commands and the shell scripts' lines: where a documented install is written. */
function commandLines(input: ResolveInput): Array<{ file: string; line: number; text: string }> {
  const out = (input.facts.families["readme"] ?? []).flatMap((r) =>
    r.kind === "command" && typeof r.command === "string" && typeof r.file === "string"
      ? [{ file: r.file, line: typeof r.line === "number" ? r.line : 1, text: r.command }]
      : [],
  );
  for (const entry of input.view.files()) {
    if (entry.skipped || entry.size > 1_000_000 || !/\.(?:sh|bash)$/i.test(entry.path)) continue;
    (input.view.read(entry.path) ?? "")
      .split("\n")
      .forEach((text, i) => out.push({ file: entry.path, line: i + 1, text }));
  }
  return out;
}

/** A spec of a commit older than every Python the resolver runs, whose pins none of them installs. */
function beforeWindowAnswer(era: string): ResolverAnswer {
  return {
    outcome: "not-assessed",
    offline: false,
    reason: `not assessed for the Python of its era: no Python from ${PYTHONS_IN_ORDER[0]} to ${PYTHONS_IN_ORDER.at(-1)} has every pin, and the commit (${era}) predates them all; the spec states no Python, and uv resolves for none older`,
  };
}

/** A spec whose every line was left out before the resolver was asked. */
function notAssessedRecord(spec: SpecToResolve): FactRecord {
  return {
    kind: "resolution",
    file: spec.file,
    line: spec.skipped[0]?.line ?? 1,
    python: spec.python.version,
    pythonSource: spec.python.stated ? spec.python.source : "default (the spec states none)",
    requirements: 0,
    status: "not-assessed",
    reason: ALL_LEFT_OUT,
    leftOut: spec.skipped.length,
  };
}

/** The cause in a user's words and the names meant, reading the index only for what the reason names (its list,
 * once per audit; one project's page). */
async function causeOf(
  spec: SpecToResolve,
  python: string,
  answer: Extract<ResolverAnswer, { outcome: "unresolvable" }>,
  tries: { installsOn: string[]; notJudged: string[]; budget?: string | null },
  input: ResolveInput,
  indexList: () => Promise<string[] | null>,
): Promise<{ cause: string | null; meant: string[] }> {
  const missing = missingIn(answer.reason);
  const projects = missing?.kind === "name" && !isStdlibName(missing.name) ? await indexList() : null;
  const versions =
    missing?.kind === "version" ? await projectVersions(input.indexUrl, missing.name, input.signal) : null;
  const asked = {
    reason: answer.reason,
    resolutionClass: answer.resolutionClass,
    python: { ...spec.python, version: python },
    projects,
    versions,
    installsOn: tries.installsOn,
    notJudged: tries.notJudged,
    ...(tries.budget ? { budget: tries.budget } : {}),
    tried: PYTHONS_IN_ORDER,
  };
  return { cause: unresolvableCause(asked), meant: meantNames(asked) };
}

function resolutionRecord(spec: SpecToResolve, python: string, answer: ResolverAnswer): FactRecord {
  const base: FactRecord = {
    kind: "resolution",
    file: spec.file,
    line: spec.lines[0]?.line ?? spec.skipped[0]?.line ?? 1,
    python,
    pythonSource: spec.python.stated
      ? spec.python.source
      : python === spec.python.version
        ? "default (the spec states none)"
        : "the oldest Python it installs on (the spec states none)",
    requirements: spec.lines.length,
    status: answer.outcome,
  };
  if (answer.outcome === "resolved") return { ...base, pins: answer.pins.length };
  if (answer.outcome === "unresolvable")
    return { ...base, resolutionClass: answer.resolutionClass, reason: answer.reason };
  return { ...base, reason: answer.reason };
}
