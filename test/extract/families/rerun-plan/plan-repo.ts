// Build a real git repo in a temp folder from the given files, run the static extractors up to the
// rerun-plan family over it, and hand back that family's records (the folder is removed afterwards).
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { FactRecord } from "../../../../src/model/facts.js";
import { extractFacts } from "../../../../src/extract/index.js";
import { STATIC_EXTRACTORS } from "../../../../src/extract/families/index.js";
import { walkRepo } from "../../../../src/extract/view/walk.js";

const git = (cwd: string, ...args: string[]) =>
  execFileSync(
    "git",
    ["-c", "user.name=Fixture", "-c", "user.email=fixture@example.org", "-c", "core.hooksPath=/dev/null", ...args],
    { cwd, encoding: "utf8" },
  );

export async function planOf(files: Record<string, string>): Promise<FactRecord[]> {
  const dir = mkdtempSync(join(tmpdir(), "rerun-plan-"));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    git(dir, "init", "-q", "-b", "main");
    git(dir, "add", "-A");
    git(dir, "commit", "-qm", "solution");
    git(dir, "branch", "dev");
    const upTo = STATIC_EXTRACTORS.findIndex((e) => e.id === "rerun-plan");
    const facts = await extractFacts(await walkRepo(dir), STATIC_EXTRACTORS.slice(0, upTo + 1), {
      branches: ["main", "dev"],
    });
    const records = facts.families["rerun-plan"];
    if (!records) throw new Error(`rerun-plan not collected: ${facts.notCollected["rerun-plan"] ?? "unknown"}`);
    return records;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The steps as [order, parent, cwd, program, purpose, repeat]. */
export const stepsOf = (records: readonly FactRecord[]) =>
  records.filter((r) => r.kind === "step").map((r) => [r.order, r.parent, r.cwd, r.program, r.purpose, r.repeat]);
export const reachOf = (records: readonly FactRecord[]) =>
  records.filter((r) => r.kind === "reach").map((r) => [r.file, r.step, r.via, r.from]);
export const summaryOf = (records: readonly FactRecord[]) => records.find((r) => r.kind === "summary");
