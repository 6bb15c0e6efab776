// How many trainings a rerun runs, from the rerun plan's steps: each training step that launches no other training
// step counts its repeats (loops, reruns by hand) times the folds one run trains, once per command (a README may
// show one twice); `--help` trains nothing. Pure.
import type { FactRecord } from "../../../model/facts.js";

const count = (value: unknown) => (typeof value === "number" && Number.isFinite(value) && value >= 1 ? value : 1);

/** The count and the first training step's place, or null when the plan trains nothing. */
export function trainingsOf(records: readonly FactRecord[]): { file?: string; line?: number; value: number } | null {
  // `train.py --help` trains nothing; a command the README shows twice runs once.
  const trains = records.filter(
    (r) => r.kind === "step" && r.purpose === "train" && !/(?:^|\s)(?:--help|-h)(?:\s|$)/.test(String(r.args ?? "")),
  );
  if (trains.length === 0) return null;
  // A script step whose own steps train is counted through them, not twice.
  const launchers = new Set(trains.map((r) => r.parent).filter((p): p is number => typeof p === "number"));
  const seen = new Set<string>();
  const leaves = trains.filter((r) => {
    const command = `${String(r.cwd ?? ".")}\0${String(r.program ?? r.command)}\0${String(r.args ?? "")}`;
    if ((typeof r.order === "number" && launchers.has(r.order)) || seen.has(command)) return false;
    seen.add(command);
    return true;
  });
  const value = leaves.reduce((sum, r) => sum + count(r.repeat) * count(r.folds), 0);
  const first = trains[0]!;
  return {
    ...(typeof first.file === "string" ? { file: first.file } : {}),
    ...(typeof first.line === "number" ? { line: first.line } : {}),
    value,
  };
}
