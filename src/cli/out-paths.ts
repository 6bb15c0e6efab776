// Where --out writes: checked before the audit starts, so a bad path is one bad-input line (exit 2), and
// the audit's other files go into a folder of their own beside the report, never over a file already there.
import { accessSync, constants, existsSync, lstatSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { badInput } from "../model/errors.js";

export interface OutTarget {
  /** The report file (absolute). */
  report: string;
  /** The folder for the Dockerfile, build log and the like: report.json -> report.files/ beside it. */
  filesDir: string;
}

/** A folder holding this file was made by an audit, so a later audit with the same --out may write into it. */
export const FILES_MARKER = ".repro-audit-files";

/** Pure: the artefact folder of a report path ("out/report.json" -> "out/report.files"). */
export function filesDirOf(report: string): string {
  const name = basename(report);
  const stem = extname(name) && name !== extname(name) ? name.slice(0, -extname(name).length) : name;
  return join(dirname(report), `${stem}.files`);
}

const hint = "Pass --out a file path in a folder that exists, e.g. --out ./audit/report.json";

/** Checks --out and its artefact folder; throws a bad-input error naming what is wrong. Writes nothing. */
export function checkOutPath(out: string, flag = "--out"): OutTarget {
  const report = resolve(out);
  const folder = dirname(report);
  const folderStat = statSafe(folder);
  if (!folderStat)
    throw badInput(
      `${flag} ${out}: the folder ${folder} does not exist`,
      `Create it first (mkdir -p ${folder}), or name a file in a folder that exists`,
    );
  if (!folderStat.isDirectory()) throw badInput(`${flag} ${out}: ${folder} is not a folder`, hint);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw badInput(`${flag} ${out}: the folder ${folder} is not writable`, hint);
  }
  const target = lstatSafe(report);
  if (target?.isDirectory())
    throw badInput(
      `${flag} ${out} is a folder, not a file`,
      `Name the report file inside it, e.g. --out ${join(out, "report.json")}`,
    );
  if (target?.isSymbolicLink())
    throw badInput(`${flag} ${out} is a symbolic link`, "Write the report to a plain file path");
  if (target && !target.isFile()) throw badInput(`${flag} ${out} is not a regular file`, hint);
  const filesDir = filesDirOf(report);
  const files = lstatSafe(filesDir);
  if (files && !files.isDirectory())
    throw badInput(
      `${flag} ${out}: ${filesDir} exists and is not a folder, and the audit's files go there`,
      "Move it away or choose another --out",
    );
  if (files && !existsSync(join(filesDir, FILES_MARKER))) {
    throw badInput(
      `${flag} ${out}: the folder ${filesDir} exists and was not made by repro-audit, and the audit's files go there`,
      "Move it away or choose another --out",
    );
  }
  return { report, filesDir };
}

/** After the audit: the report written, and the artefact folder (when a stage made it) marked as the audit's. */
export function writeOut(target: OutTarget, text: string): void {
  if (existsSync(target.filesDir) && !existsSync(join(target.filesDir, FILES_MARKER))) {
    writeFileSync(join(target.filesDir, FILES_MARKER), "Files written by repro-audit beside its report.\n", {
      flag: "wx",
    });
  }
  writeFileSync(target.report, text);
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function lstatSafe(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}
