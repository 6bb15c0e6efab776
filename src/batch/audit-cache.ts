// Finished audits on disk, keyed by repo, commit and the settings that change a report: every team's
// full report lands in <out>/audits/<key>.json, and `--resume` reuses those whose commit is unchanged.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../model/report.js";

export const AUDITS_DIR = "audits";

export interface CachedAudit {
  key: string;
  repo: string;
  commit: string | null;
  settings: string;
  report: Report;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** JSON with sorted keys, so equal settings hash equal. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A plain folder has no commit: its key still names its file, but nothing is ever resumed from it. */
export function cacheKey(repo: string, commit: string | null, settings: string): string {
  return sha256(stableJson({ repo, commit: commit ?? "no-commit", settings })).slice(0, 24);
}

export function auditFile(key: string): string {
  return `${AUDITS_DIR}/${key}.json`;
}

/** The cached audit under `key`, or null when there is none or it is unreadable (then it is redone). */
export function readCached(outDir: string, key: string): CachedAudit | null {
  try {
    const entry = JSON.parse(readFileSync(join(outDir, auditFile(key)), "utf8")) as CachedAudit;
    return entry.key === key && entry.report?.schemaVersion === 1 ? entry : null;
  } catch {
    return null;
  }
}

/** Written to a temporary name and renamed: a batch killed mid-write leaves no half file to resume from. */
export function writeCached(outDir: string, entry: CachedAudit): string {
  const dir = join(outDir, AUDITS_DIR);
  mkdirSync(dir, { recursive: true });
  const target = join(outDir, auditFile(entry.key));
  const temp = `${target}.tmp-${randomBytes(4).toString("hex")}`;
  writeFileSync(temp, `${JSON.stringify(entry, null, 2)}\n`);
  renameSync(temp, target);
  return auditFile(entry.key);
}
