// Read a Kaggle leaderboard download as text: the zip Kaggle serves (one CSV inside) or the CSV itself.
import { readFileSync, statSync } from "node:fs";
import { unzipSync } from "fflate";
import { badInput } from "../model/errors.js";

/** Leaderboards of the largest competitions are a few MB; anything far past that is not one. */
const BOARD_MAX_BYTES = 64 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The board's CSV text. `label` is the file as the leaderboard names it, `named` where it is named. */
export function readBoardText(path: string, label: string, named: string): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error("not a regular file");
    size = stats.size;
  } catch (error) {
    throw badInput(
      `board ${label} (${named}) cannot be read: ${(error as Error).message.split("\n")[0]}`,
      "Check the path; it is relative to the leaderboard file",
      error,
    );
  }
  if (size > BOARD_MAX_BYTES)
    throw badInput(
      `board ${label} is ${Math.round(size / 1e6)} MB, over the ${BOARD_MAX_BYTES / 1024 / 1024} MB cap`,
      "Give Kaggle's leaderboard download as it is",
    );
  const bytes = readFileSync(path);
  const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
  return isZip ? csvFromZip(label, bytes) : utf8(label, bytes);
}

function csvFromZip(label: string, bytes: Uint8Array): string {
  const names: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        const csv = /\.csv$/i.test(file.name) && !file.name.startsWith("__MACOSX/");
        if (csv) names.push(file.name);
        if (csv && file.originalSize > BOARD_MAX_BYTES)
          throw new Error(`${file.name} unpacks to ${Math.round(file.originalSize / 1e6)} MB, over the cap`);
        return csv;
      },
    });
  } catch (error) {
    throw badInput(
      `board ${label} is not a readable zip (${(error as Error).message})`,
      "Download the leaderboard again, or give the CSV inside it",
      error,
    );
  }
  if (names.length === 0)
    throw badInput(`board ${label} holds no CSV file`, "Give Kaggle's leaderboard zip, which holds one CSV");
  if (names.length > 1)
    throw badInput(
      `board ${label} holds ${names.length} CSV files (${names.join(", ")})`,
      "Give one board per file: the public and the private board are separate downloads",
    );
  return utf8(`${label}:${names[0]}`, files[names[0]!]!);
}

function utf8(label: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw badInput(`board ${label} is not UTF-8 text`, "Give Kaggle's leaderboard CSV as downloaded (UTF-8)", error);
  }
}
